/**
 * b2c's own temporary files: every local write goes to `.NAME.b2c-tmp-HOST-PID-RANDOM` beside the
 * target and is renamed when complete (atomic.ts). The name says who holds it — a tag of the
 * host and the process ID — so that the next b2c writing into the same folder can tell a file
 * left by a killed run (SIGKILL, power loss: no cleanup ran) from one a live b2c is still
 * writing, and remove only the former. Local listings never show these files (list.ts), so a
 * later `cp -r` of the folder cannot upload them and panes do not show them.
 *
 * Names from versions before the PID was part of them (`.NAME.b2c-tmp-RANDOM12`) are hidden
 * too, but not removed: nothing says whether their writer still runs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { posix } from 'node:path';

/** Every temporary file the local provider creates has this in its name. */
export const TEMP_MARKER = '.b2c-tmp-';

let hostTagMemo: string | undefined;

/**
 * Eight hex digits naming this machine: a PID means nothing on another host (shared folders).
 * Worked out at the first use, not when the module loads (the file manager's first frame needs
 * no hashing).
 */
function hostTag(): string {
  hostTagMemo ??= createHash('sha1').update(hostname()).digest('hex').slice(0, 8);
  return hostTagMemo;
}

const CURRENT = /\.b2c-tmp-([0-9a-f]{8})-(\d+)-[0-9a-f]{12}$/;
const LEGACY = /\.b2c-tmp-[0-9a-f]{12}$/;

/** True for names of b2c's temporary files (current and older forms). */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && (CURRENT.test(name) || LEGACY.test(name));
}

/**
 * A fresh temporary path in the target's directory, naming this host and process. The target
 * name is cut to 200 bytes so the temp name stays under the 255-byte NAME_MAX even when the
 * target's own name is near it.
 */
export function tempPathFor(disk: string): string {
  let base = posix.basename(disk);
  while (Buffer.byteLength(base) > 200) base = Array.from(base).slice(0, -1).join('');
  return posix.join(
    posix.dirname(disk),
    `.${base}${TEMP_MARKER}${hostTag()}-${process.pid}-${randomBytes(6).toString('hex')}`,
  );
}

/** Removes a temporary file, ignoring every error (it may never have been created). */
export async function discardTemp(tmp: string): Promise<void> {
  await unlink(tmp).catch(() => undefined);
}

/** True when a process with this ID exists (EPERM: it exists but belongs to someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * True for a temporary file of ours that nobody holds any more: made on this host by a process
 * that no longer exists. (A reused PID keeps a file a little longer; it never loses a live one.)
 */
export function isStaleTemp(name: string): boolean {
  const m = name.startsWith('.') ? CURRENT.exec(name) : null;
  if (m === null || m[1] !== hostTag()) return false;
  const pid = Number(m[2]);
  return pid !== process.pid && !alive(pid);
}

/** Folders this process has already swept. */
const swept = new Set<string>();

/**
 * Removes the stale temporary files (see {@link isStaleTemp}) of folder `dir` (a disk path),
 * once per folder per process: the first write into a folder cleans up after a killed run.
 * Never fails: a folder that cannot be read is left alone.
 */
export async function sweepStaleTemps(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter(isStaleTemp).map((n) => discardTemp(posix.join(dir, n))));
}
