/**
 * Asking before `b2c rm` removes anything on a terminal: the question names every target and the
 * mode, and only `y` or `yes` goes ahead (Enter alone is "no").
 */
import { createInterface } from 'node:readline';
import type { RemoveMode } from '../providers/types.js';
import { sanitizeForTerminal } from '../state/text/sanitize.js';
import type { CliDeps } from './kit/index.js';
import type { RemoveTarget } from './rm-plan.js';

/** How a mode reads in the question. */
export function modeWords(mode: RemoveMode, onB2: boolean, fileId: string | null): string {
  if (!onB2) return 'delete';
  switch (mode) {
    case 'default':
    case 'hide':
      return 'hide (older versions stay and can be unhidden)';
    case 'delete-version':
      return fileId !== null ? `delete version ${fileId} of` : 'delete the newest version of';
    case 'all-versions':
      return 'delete EVERY version of';
    default: {
      const never: never = mode;
      return never;
    }
  }
}

/** The question's lines. */
export function questionLines(targets: readonly RemoveTarget[], fileId: string | null): string[] {
  const lines = targets.map((t) => {
    const what = t.folder ? `${t.loc.raw.replace(/\/+$/, '')}/ and everything in it` : t.loc.raw;
    return `  ${modeWords(t.mode, t.loc.kind === 'b2', fileId)} ${what}`;
  });
  return ['b2c rm will:', ...lines];
}

/**
 * Asks on stderr and reads one line from stdin. Resolves true only for `y`/`yes`; false when the
 * user says anything else or stdin ends.
 */
export async function confirm(
  deps: CliDeps,
  targets: readonly RemoveTarget[],
  fileId: string | null,
): Promise<boolean> {
  deps.streams.stderr.write(`${questionLines(targets, fileId).map(sanitizeForTerminal).join('\n')}\n`);
  const rl = createInterface({
    input: deps.stdin,
    output: deps.streams.stderr as NodeJS.WritableStream,
    terminal: false,
  });
  try {
    const answer = await new Promise<string | null>((resolve) => {
      rl.once('line', (line) => resolve(line));
      rl.once('close', () => resolve(null));
      deps.streams.stderr.write('Go ahead? [y/N] ');
    });
    return answer !== null && /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}
