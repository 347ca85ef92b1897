/**
 * One direction of the provider benchmark, in its own process so its peak memory is its own:
 *   node --expose-gc provider-child.mjs '{"mode":"up"|"down","local":…,"remote":"/bucket/key",…}'
 * with B2_APPLICATION_KEY_ID, B2_APPLICATION_KEY and B2_ENDPOINT in the environment.
 *
 * It does what the transfer engine does for one file, through the real providers: upload = read
 * the local file once for its SHA1 (so the large file carries large_file_sha1), then
 * local.openRead → b2.write with parallel parts; download = b2.openRead (SHA1-verified while
 * streaming) → local.write (temp name + rename). Prints one JSON line: a {@link ChildReport}.
 */
import { createHash } from 'node:crypto';
import { connectB2 } from '../src/providers/b2/index.js';
import { createLocalProvider } from '../src/providers/local/index.js';
import { partBufferMemory } from '../src/providers/b2/part-splitter.js';

/** What the parent asks for. Sizes in bytes. */
export interface ChildJob {
  mode: 'up' | 'down';
  local: string;
  remote: string;
  partSize: number;
  partConcurrency: number;
}

/** What the child measured. Bytes and milliseconds. */
export interface ChildReport {
  mode: 'up' | 'down';
  bytes: number;
  /** Time spent reading the source for its SHA1 before an upload (0 for downloads). */
  hashMs: number;
  /** Time of the transfer itself (after connecting; includes hashMs). */
  transferMs: number;
  /** Resident memory after connecting and a GC, before any byte moved. */
  baselineRssBytes: number;
  /** VmHWM at the end: the process's resident high-water mark. */
  peakRssBytes: number;
  /** process.resourceUsage().maxRSS, for cross-checking VmHWM. */
  maxRssBytes: number;
  /**
   * Highest process.memoryUsage().arrayBuffers seen (sampled every 20 ms): Buffer memory still
   * referenced or not yet collected. Tells part buffers apart from heap and allocator slack.
   */
  peakArrayBuffersBytes: number;
  /**
   * Most bytes of large-upload part buffers held at once (the B2 provider's own gauge): what the
   * bound partConcurrency × partSize is about. RSS is this plus the runtime and garbage.
   */
  peakPartBufferBytes: number;
}

async function procStatus(field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m === null ? process.memoryUsage.rss() : Number(m[1]) * 1024;
}

async function main(job: ChildJob): Promise<ChildReport> {
  const { B2_APPLICATION_KEY_ID: keyId, B2_APPLICATION_KEY: key, B2_ENDPOINT: endpoint } = process.env;
  if (keyId === undefined || key === undefined || endpoint === undefined) throw new Error('B2_APPLICATION_KEY_ID, B2_APPLICATION_KEY and B2_ENDPOINT must be set');
  const b2 = await connectB2({ applicationKeyId: keyId, applicationKey: key, endpoint, partSize: job.partSize, partConcurrency: job.partConcurrency });
  const local = createLocalProvider();
  (globalThis as { gc?: () => void }).gc?.();
  const baselineRssBytes = await procStatus('VmRSS');
  let peakArrayBuffersBytes = 0;
  const sampler = setInterval(() => {
    peakArrayBuffersBytes = Math.max(peakArrayBuffersBytes, process.memoryUsage().arrayBuffers);
  }, 20);
  const started = performance.now();
  let hashMs = 0;
  let bytes: number;
  if (job.mode === 'up') {
    const st = await local.stat(job.local);
    const hash = createHash('sha1');
    for await (const chunk of (await local.openRead(job.local)).stream) hash.update(chunk as Buffer);
    hashMs = performance.now() - started;
    const source = await local.openRead(job.local);
    await b2.write(job.remote, source.stream, { size: st.size, mtimeMs: st.mtimeMs, sha1: hash.digest('hex'), overwrite: true, partSize: job.partSize, partConcurrency: job.partConcurrency });
    bytes = st.size;
  } else {
    const handle = await b2.openRead(job.remote);
    await local.write(job.local, handle.stream, { size: handle.size, mtimeMs: handle.mtimeMs, overwrite: true });
    bytes = handle.size;
  }
  const transferMs = performance.now() - started;
  clearInterval(sampler);
  await b2.close?.();
  return {
    mode: job.mode,
    bytes,
    hashMs,
    transferMs,
    baselineRssBytes,
    peakRssBytes: await procStatus('VmHWM'),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    peakArrayBuffersBytes,
    peakPartBufferBytes: partBufferMemory().peakBytes,
  };
}

main(JSON.parse(process.argv[2] ?? '{}') as ChildJob).then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  },
  (err: unknown) => {
    process.stderr.write(`provider-child: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
