/** What is on the local disk after a command: listings of a folder for assertions. */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every entry under `dir` (files and folders, dotfiles included), relative, sorted. */
export async function everything(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

/** Every file under `dir` (dotfiles included, folders left out), relative, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  return out.sort();
}
