/** What every benchmark of one run shares: the data set, the settings, the work dir, the log. */
import type { FileFacts, TreeFacts } from './data.js';
import type { TransferSettings } from './settings.js';

export interface BenchContext {
  /** A temp dir for this run (deleted at the end unless --keep). */
  workDir: string;
  /** The big file (1 GiB, or 128 MiB with --quick) and its facts. */
  bigFile: string;
  bigFacts: FileFacts;
  /** The small-file tree and its facts by relative path. */
  smallDir: string;
  smallFacts: TreeFacts;
  settings: TransferSettings;
  log: (line: string) => void;
}

/** `1 GiB`, `128 MiB`: a size for case names. */
export function sizeLabel(bytes: number): string {
  return bytes >= 1 << 30 && bytes % (1 << 30) === 0
    ? `${bytes / (1 << 30)} GiB`
    : `${(bytes / 1048576).toFixed(0)} MiB`;
}
