/**
 * Pure conflict rules: what a policy means when a target exists, and how `rename` picks a name.
 */
import { splitName } from '../providers/paths.js';
import type { ConflictChoice, ConflictPolicy } from './types.js';

/** The facts a decision needs about each side. */
export interface ConflictSide {
  size: number;
  mtimeMs: number | null;
  sha1?: string | null;
}

/** What to do now. `ask` means: park the job and ask the user. */
export type ConflictAction =
  | { action: 'overwrite' }
  | { action: 'skip'; note: string }
  | { action: 'rename' }
  | { action: 'ask' };

/** Every choice offered in a question, in the order the UI lists them. */
export const CONFLICT_CHOICES: ConflictChoice[] = ['overwrite', 'skip', 'rename', 'overwrite-if-newer'];

/**
 * Decides for one existing target.
 * `overwrite-if-newer` replaces only when the source's mtime is strictly later; when either time is
 * unknown it skips, because replacing data we cannot prove older is the riskier mistake.
 */
export function decideConflict(policy: ConflictPolicy, source: ConflictSide, target: ConflictSide): ConflictAction {
  switch (policy) {
    case 'ask':
      return { action: 'ask' };
    case 'overwrite':
      return { action: 'overwrite' };
    case 'skip':
      return { action: 'skip', note: 'Skipped: the target exists.' };
    case 'rename':
      return { action: 'rename' };
    case 'overwrite-if-newer':
      if (source.mtimeMs === null || target.mtimeMs === null) {
        return { action: 'skip', note: 'Skipped: the modification times cannot be compared.' };
      }
      return source.mtimeMs > target.mtimeMs
        ? { action: 'overwrite' }
        : { action: 'skip', note: 'Skipped: the target is as new or newer.' };
    default: {
      const never: never = policy;
      throw new Error(`unknown conflict policy ${String(never)}`);
    }
  }
}

/**
 * True when an existing target already holds the source's content: same size, and the same SHA1
 * when both sides know one. Used only when resuming a restored queue, where the target may be the
 * finished result of a job whose completion the crash did not record.
 */
export function looksAlreadyCopied(source: ConflictSide, target: ConflictSide): boolean {
  if (source.size !== target.size) return false;
  if (source.sha1 && target.sha1) return source.sha1 === target.sha1;
  return true;
}

/**
 * The n-th alternative name, keeping the extension: `/d/report.pdf`, 1 → `/d/report (1).pdf`;
 * `/d/.bashrc` → `/d/.bashrc (1)`; `/d/archive.tar.gz` → `/d/archive.tar (1).gz` (like most file
 * managers, only the last extension is kept).
 */
export function numberedName(path: string, n: number): string {
  // Exact split: the folder part of `/b/dir//x.txt` stays `/b/dir//`.
  const { folder, name } = splitName(path);
  const dot = name.lastIndexOf('.');
  const renamed = dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
  return folder + renamed;
}
