/**
 * One direction of the provider benchmark, in its own process so its peak memory is its own:
 *   node --expose-gc provider-child.mjs '{"mode":"up"|"down","local":…,"remote":"/bucket/key",…}'
 * with B2_APPLICATION_KEY_ID, B2_APPLICATION_KEY and B2_ENDPOINT in the environment.
 *
 * It does what the transfer engine does for one file, through the real providers (see
 * src/transfers/copy-bytes.ts): upload = local.openRead → b2.write with `reopen`, `hashParts` and
 * `readRange` (the local file hashes itself whole and in parts, so the large file carries
 * large_file_sha1, then the parts go out straight from it); download = b2.openRead → local.write
 * with `reopen` and `receive` (parallel ranges received into the file's write buffers, the file
 * verified by SHA1 as written, temp name + rename). Prints one JSON line: a {@link ChildReport}.
 */
import type { Readable } from 'node:stream';
import { connectB2 } from '../src/providers/b2/index.js';
import { createLocalProvider } from '../src/providers/local/index.js';
import { partBufferMemory } from '../src/providers/b2/part-splitter.js';
import type { ByteRange } from '../src/providers/types.js';

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
  /** Time of the transfer itself (after connecting). */
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
  if (keyId === undefined || key === undefined || endpoint === undefined)
    throw new Error('B2_APPLICATION_KEY_ID, B2_APPLICATION_KEY and B2_ENDPOINT must be set');
  const b2 = await connectB2({
    applicationKeyId: keyId,
    applicationKey: key,
    endpoint,
    partSize: job.partSize,
    partConcurrency: job.partConcurrency,
  });
  const local = createLocalProvider();
  (globalThis as { gc?: () => void }).gc?.();
  const baselineRssBytes = await procStatus('VmRSS');
  let peakArrayBuffersBytes = 0;
  const sampler = setInterval(() => {
    peakArrayBuffersBytes = Math.max(peakArrayBuffersBytes, process.memoryUsage().arrayBuffers);
  }, 20);
  const started = performance.now();
  let bytes: number;
  if (job.mode === 'up') {
    const source = await local.openRead(job.local);
    const reopen = async (range: Required<ByteRange>, signal: AbortSignal): Promise<Readable> =>
      (await local.openRead(job.local, { range, signal })).stream;
    await b2.write(job.remote, source.stream, {
      size: source.size,
      mtimeMs: source.mtimeMs,
      overwrite: true,
      partSize: job.partSize,
      partConcurrency: job.partConcurrency,
      reopen,
      // As copy-bytes.ts passes them: the file hashes itself, its parts are read into lent memory.
      hashParts: source.hashParts,
      readRange: source.readRange,
    });
    bytes = source.size;
  } else {
    // The local disk verifies what it wrote against the SHA1, so the stream need not (copy-bytes.ts).
    const handle = await b2.openRead(job.remote, { verify: false });
    const reopen = async (range: Required<ByteRange>, signal: AbortSignal): Promise<Readable> =>
      (await b2.openRead(job.remote, { range, signal, fileId: handle.fileId })).stream;
    await local.write(job.local, handle.stream, {
      size: handle.size,
      mtimeMs: handle.mtimeMs,
      sha1: handle.sha1,
      overwrite: true,
      partConcurrency: job.partConcurrency,
      reopen,
      // As copy-bytes.ts passes it: ranges received straight into the file's write buffers.
      receive: handle.receiveRange,
    });
    bytes = handle.size;
  }
  const transferMs = performance.now() - started;
  clearInterval(sampler);
  await b2.close?.();
  return {
    mode: job.mode,
    bytes,
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
