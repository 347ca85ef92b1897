/**
 * The crash test: a separate process uploads a large file and is killed (SIGKILL) in the middle;
 * the next start loads the queue file, resumes, and only the parts missing on the server go up.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { NotFoundError } from '../../src/providers/errors.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { createTransferEngine } from '../../src/transfers/engine.js';
import { loadPendingQueue } from '../../src/transfers/queue-file.js';
import { sha1 } from '../support/hash.js';
import { MIN_PART, partsOf, startB2Server, unfinished, uploadedParts, type B2Server } from './helpers/b2-server.js';

let base = '';
let server: B2Server;
let onLog: ((line: string) => void) | null = null;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-crash-'));
  server = await startB2Server((line) => onLog?.(line));
});
afterEach(async () => {
  onLog = null;
  await server.close();
  await rm(base, { recursive: true, force: true });
});

it('a killed large upload resumes from its finished parts after a restart', async () => {
  const child = join(base, 'child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures', 'crash-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const file = join(base, 'large.bin');
  const data = randomBytes(128 * MIN_PART + 777);
  const totalParts = 129;
  await writeFile(file, data);
  const queueFile = join(base, 'state', 'queue.json');

  const proc = spawn(process.execPath, [child], {
    env: {
      ...process.env,
      B2C_TEST_ENDPOINT: server.emu.endpoint,
      B2C_TEST_KEY_ID: server.emu.masterKeyId,
      B2C_TEST_KEY: server.emu.masterKey,
      B2C_TEST_PART_SIZE: String(MIN_PART),
      B2C_TEST_QUEUE: queueFile,
      B2C_TEST_FILE: file,
      B2C_TEST_TARGET: `/${server.bucket}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  // Kill it the moment the queue is saved and a few parts are on the server.
  onLog = () => {
    if (uploadedParts(server.log) >= 4 && existsSync(queueFile)) proc.kill('SIGKILL');
  };
  const exit = await new Promise<NodeJS.Signals | number | null>((resolve) =>
    proc.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  onLog = null;
  expect([exit, output]).toEqual(['SIGKILL', '']);

  // The server holds an unfinished large file with some parts; the name is not visible yet.
  const [left] = await unfinished(server);
  expect(left?.fileName).toBe('large.bin');
  const partsBefore = await partsOf(server, left?.fileId ?? '');
  expect(partsBefore.length).toBeGreaterThanOrEqual(4);
  expect(partsBefore.length).toBeLessThan(totalParts);
  await expect(server.b2.stat(`/${server.bucket}/large.bin`)).rejects.toThrow(NotFoundError);

  // The next start: offer to resume, then resume.
  const pending = await loadPendingQueue(queueFile);
  expect(pending).toMatchObject({ groups: 1, pendingFiles: 1, pendingBytes: data.length });
  const b2 = await server.connect();
  const local = createLocalProvider();
  const engine = createTransferEngine({
    providers: (ref) => (ref === 'local' ? local : b2),
    partSize: MIN_PART,
    partConcurrency: 2,
    queueFile,
  });
  const sentBefore = uploadedParts(server.log);
  if (!pending) throw new Error('nothing to resume');
  engine.restore(pending);
  await engine.whenIdle();
  engine.publishNow();
  expect(engine.store.getSnapshot().totals).toMatchObject({ files: 1, filesDone: 1, filesFailed: 0 });
  expect(uploadedParts(server.log) - sentBefore).toBe(totalParts - partsBefore.length);
  const entry = await b2.stat(`/${server.bucket}/large.bin`);
  expect([entry.size, entry.sha1]).toEqual([data.length, sha1(data)]);
  expect(await unfinished(server)).toEqual([]);
  await engine.close();
  expect(await loadPendingQueue(queueFile)).toBeNull();
  await b2.close();
});
