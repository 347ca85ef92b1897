/** Reads a real directory tree for byte-for-byte comparisons (temp files included, so leftovers show). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `dir` (relative path → base64 content); folders end with `/`. */
export async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string, rel: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out[`${r}/`] = '';
        await walk(join(d, e.name), r);
      } else out[r] = (await readFile(join(d, e.name))).toString('base64');
    }
  };
  await walk(dir, '');
  return out;
}
