/**
 * Evens out a cost of this benchmark's virtual machine that is not the tools': memory the kernel
 * has not touched for a while is slow to touch again (freed pages go back to the host and come
 * back one fault at a time). Measured here: writing 1 GiB with `dd` took 0.22 s right after
 * another 1 GiB file was deleted and 2.7–2.9 s after 45 s idle. A download writes as much as it
 * fetches, so whichever tool ran right after another's output was deleted wrote into warm pages:
 * rclone's downloads, which follow b2c's. Before every download, each tool now gets the same warm
 * start: a scratch file of the download's size is written and deleted, untimed.
 */
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';

const CHUNK = 8 * 1024 * 1024;

/** Writes `bytes` into a scratch file in `dir` and deletes it (page cache pages, freshly freed). */
export async function warmPagePool(dir: string, bytes: number): Promise<void> {
  const file = join(dir, '.page-pool-warmer');
  const chunk = Buffer.alloc(Math.min(CHUNK, Math.max(1, bytes)), 0x5a);
  const handle = await open(file, 'w');
  try {
    for (let written = 0; written < bytes; written += chunk.length) await handle.write(chunk);
  } finally {
    await handle.close();
    await rm(file, { force: true });
  }
}
