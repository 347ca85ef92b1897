/**
 * SHA1 off the main thread. Hashing costs about a second of CPU per GiB here (Node's OpenSSL),
 * and on the main thread that second is taken from HTTP, streams and disk I/O: with it in worker
 * threads the second core hashes while the first moves bytes.
 *
 * A small pool of worker threads (one per core, at most {@link MAX_WORKERS}), started on first
 * use and kept unreferenced while idle so they never hold the process open. Each hash is pinned
 * to one worker (its bytes must arrive in order) and the pool spreads hashes over the workers.
 * Bytes reach a worker three ways, cheapest first:
 * - `giveAway(chunk)`: the chunk's own memory is transferred (no copy; the caller must not touch
 *   it again), e.g. chunks just read from a file that nothing else needs;
 * - `update(chunk)`: copied into the hash's ring of shared memory (memcpy, a tenth of what hashing
 *   costs), whose slots the worker reads in place, for chunks the caller passes on elsewhere;
 * - `updateShared(view)`: a view of a SharedArrayBuffer, hashed in place; resolves once the
 *   worker is done reading it.
 * Small inputs are not worth a message: {@link createSha1} hashes them inline.
 */
import { createHash, type Hash } from 'node:crypto';
import { read } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Workers at most; more would only compete with the main thread and the server for cores. */
export const MAX_WORKERS = 4;
/** Bytes copied into one slot of a hash's shared ring before the slot is sent to the worker. */
const SLOT_BYTES = 1024 * 1024;
/** Slots per ring: a producer more than this far ahead of its worker waits (see `drained`). */
const RING_SLOTS = 8;
/** Below this many bytes in all, {@link createSha1} hashes on the calling thread. */
export const OFF_THREAD_MIN_BYTES = 1024 * 1024;
/** A hash with more bytes than this queued at its worker asks its producer to wait (see `drained`). */
export const HIGH_WATER_BYTES = (RING_SLOTS - 2) * SLOT_BYTES;

/** The worker's program (CommonJS, evaluated): hash contexts by id, updated and digested on request. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
const { readSync } = require('node:fs');
let scratch = null;
parentPort.on('message', (m) => {
  if (m.op === 'drop') { hashes.delete(m.id); return; }
  let h = hashes.get(m.id);
  if (h === undefined) { h = createHash('sha1'); hashes.set(m.id, h); }
  if (m.op === 'file') {
    scratch ??= Buffer.allocUnsafeSlow(1024 * 1024);
    try {
      for (let done = 0; done < m.length; ) {
        const n = readSync(m.fd, scratch, 0, Math.min(scratch.length, m.length - done), m.offset + done);
        if (n === 0) throw new Error('the file ended early');
        h.update(scratch.subarray(0, n));
        done += n;
      }
    } catch (e) {
      hashes.delete(m.id);
      parentPort.postMessage({ id: m.id, seq: m.seq, hex: null, error: String(e && e.message || e) });
      return;
    }
  } else if (m.length > 0) h.update(new Uint8Array(m.buffer, m.offset, m.length));
  if (m.op === 'digest') { hashes.delete(m.id); parentPort.postMessage({ id: m.id, seq: m.seq, hex: h.digest('hex') }); }
  else parentPort.postMessage({ id: m.id, seq: m.seq, hex: null });
});
`;

interface Reply {
  id: number;
  seq: number;
  hex: string | null;
  /** Set when reading a file failed. */
  error?: string;
}

/** What a worker is asked: hash bytes (of a buffer, or of an open file's fd) and/or digest. */
type Message =
  | { op: 'update' | 'digest'; id: number; seq: number; buffer: ArrayBufferLike; offset: number; length: number }
  | { op: 'file'; id: number; seq: number; fd: number; offset: number; length: number };

/** One message sent and not yet answered. */
interface Waiting {
  bytes: number;
  resolve: (hex: string | null) => void;
  reject: (e: Error) => void;
}

/** One worker thread and the hashes pinned to it. */
class HashWorker {
  readonly worker: Worker;
  /** Hashes pinned here that have not been digested or dropped. */
  active = 0;
  private readonly waiting = new Map<string, Waiting>();
  private failure: Error | null = null;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.on('message', (r: Reply) => {
      const key = `${r.id}:${r.seq}`;
      const w = this.waiting.get(key);
      this.waiting.delete(key);
      this.idleCheck();
      if (r.error !== undefined) w?.reject(new Error(`SHA1 of a file: ${r.error}`));
      else w?.resolve(r.hex);
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`the SHA1 worker stopped (exit ${code})`)));
    // Only now: adding a 'message' listener references the worker's port again, so an unref()
    // before it left every process that had hashed once unable to exit on its own.
    this.worker.unref();
  }

  /** Broken workers are replaced by the pool; their waiting messages fail. */
  get broken(): boolean {
    return this.failure !== null;
  }

  send(message: Message, transfer: ArrayBuffer[]): Promise<string | null> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.set(`${message.id}:${message.seq}`, { bytes: message.length, resolve, reject });
      // Referenced while an answer is awaited: a process waiting only for a digest must not exit.
      if (this.waiting.size === 1) this.worker.ref();
      this.worker.postMessage(message, transfer);
    });
  }

  drop(id: number): void {
    if (this.failure === null)
      this.worker.postMessage({ op: 'drop', id, seq: 0, buffer: new ArrayBuffer(0), offset: 0, length: 0 });
  }

  private idleCheck(): void {
    if (this.waiting.size === 0) this.worker.unref();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }
}

const workers: HashWorker[] = [];
let nextId = 1;

/** The worker with the fewest hashes pinned to it (started when fewer than the cores exist). */
function pickWorker(): HashWorker {
  for (let i = workers.length - 1; i >= 0; i--) if (workers[i]?.broken === true) workers.splice(i, 1);
  const limit = Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
  const idle = workers.find((w) => w.active === 0);
  if (idle !== undefined) return idle;
  if (workers.length < limit) {
    const w = new HashWorker();
    workers.push(w);
    return w;
  }
  return workers.reduce((best, w) => (w.active < best.active ? w : best));
}

/** An incremental SHA1 (see the module comment for the three ways bytes reach it). */
export interface Sha1 {
  /** Feeds a chunk; it is copied (or hashed at once, inline), so the caller may reuse it. */
  update(chunk: Uint8Array): void;
  /** Feeds a chunk whose memory the caller gives up (transferred when it owns a whole ArrayBuffer). */
  giveAway(chunk: Buffer): void;
  /** Feeds a view of a SharedArrayBuffer; resolves when its bytes have been read. */
  updateShared(view: Uint8Array): Promise<void>;
  /**
   * Feeds `length` bytes of the open file `fd` from `offset`, read by the worker itself (the
   * caller's thread does no I/O for them); resolves when they are hashed. The caller keeps `fd`
   * open until then. @throws when the file is shorter
   */
  updateFromFile(fd: number, offset: number, length: number): Promise<void>;
  /** Bytes fed and not hashed yet. */
  readonly pending: number;
  /** Resolves when `pending` is at most {@link HIGH_WATER_BYTES} (at once if it is). */
  drained(): Promise<void>;
  /** The hex SHA1 of everything fed; the hash is finished afterwards. @throws when a worker died */
  digest(): Promise<string>;
  /** Forgets the hash (a failed or cancelled transfer). Idempotent. */
  abandon(): void;
}

/** Hashes on the calling thread: for small inputs, where a message costs more than the hash. */
class InlineSha1 implements Sha1 {
  private readonly hash: Hash = createHash('sha1');
  readonly pending = 0;
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }
  giveAway(chunk: Buffer): void {
    this.hash.update(chunk);
  }
  updateShared(view: Uint8Array): Promise<void> {
    this.hash.update(view);
    return Promise.resolve();
  }
  async updateFromFile(fd: number, offset: number, length: number): Promise<void> {
    const buffer = Buffer.allocUnsafe(Math.min(length, 1024 * 1024));
    for (let done = 0; done < length;) {
      const { bytesRead } = await new Promise<{ bytesRead: number }>((resolve, reject) =>
        read(fd, buffer, 0, Math.min(buffer.length, length - done), offset + done, (e, bytesRead) =>
          e ? reject(e) : resolve({ bytesRead }),
        ),
      );
      if (bytesRead === 0) throw new Error('SHA1 of a file: the file ended early');
      this.hash.update(buffer.subarray(0, bytesRead));
      done += bytesRead;
    }
  }
  drained(): Promise<void> {
    return Promise.resolve();
  }
  digest(): Promise<string> {
    return Promise.resolve(this.hash.digest('hex'));
  }
  abandon(): void {}
}

/** Shared memory a hash copies chunks into, in slots the worker reads in place. */
class Ring {
  readonly memory = new SharedArrayBuffer(RING_SLOTS * SLOT_BYTES);
  /** Per slot: true while the worker may still be reading it. */
  readonly busy: boolean[] = new Array<boolean>(RING_SLOTS).fill(false);
}

/**
 * Rings of finished hashes, for the next ones: fresh memory costs a page fault per 4 KiB on first
 * touch, which made copying into new batch buffers cost more than hashing inline.
 */
const spareRings: Ring[] = [];
const MAX_SPARE_RINGS = 8;

/** A hash computed by a pool worker; see the module comment. */
class WorkerSha1 implements Sha1 {
  private readonly id = nextId++;
  private readonly worker = pickWorker();
  private seq = 0;
  private ring: Ring | null = null;
  /** The slot being filled, and how many bytes it holds. */
  private slot = 0;
  private filled = 0;
  private queued = 0;
  private done = false;
  private readonly drainWaiters: Array<() => void> = [];
  private failure: Error | null = null;

  constructor() {
    this.worker.active++;
  }

  get pending(): number {
    return this.queued + this.filled;
  }

  update(chunk: Uint8Array): void {
    this.ring ??= spareRings.pop() ?? new Ring();
    const ring = this.ring;
    let offset = 0;
    while (offset < chunk.length) {
      if (ring.busy[this.slot] === true) {
        // The producer did not wait for `drained`: send the rest as a copy of its own.
        this.flush();
        const rest = new Uint8Array(chunk.subarray(offset)); // a copy with an ArrayBuffer of its own
        this.postQuietly(rest.buffer, 0, rest.length, [rest.buffer]);
        return;
      }
      const n = Math.min(chunk.length - offset, SLOT_BYTES - this.filled);
      new Uint8Array(ring.memory, this.slot * SLOT_BYTES + this.filled, n).set(chunk.subarray(offset, offset + n));
      this.filled += n;
      offset += n;
      if (this.filled === SLOT_BYTES) this.flush();
    }
  }

  giveAway(chunk: Buffer): void {
    const whole =
      chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
    if (!whole || chunk.length < 64 * 1024) {
      this.update(chunk);
      return;
    }
    this.flush();
    this.postQuietly(chunk.buffer, 0, chunk.length, [chunk.buffer]);
  }

  async updateShared(view: Uint8Array): Promise<void> {
    this.flush();
    await this.post('update', view.buffer, view.byteOffset, view.byteLength, []);
  }

  async updateFromFile(fd: number, offset: number, length: number): Promise<void> {
    this.flush();
    this.queued += length;
    try {
      await this.worker.send({ op: 'file', id: this.id, seq: this.seq++, fd, offset, length }, []);
    } catch (e) {
      this.failure ??= e instanceof Error ? e : new Error(String(e));
      throw this.failure;
    } finally {
      this.queued -= length;
      this.wakeDrainWaiters();
    }
  }

  drained(): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.pending <= HIGH_WATER_BYTES) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  async digest(): Promise<string> {
    if (this.done) throw new Error('digest() was already called');
    this.flush();
    this.done = true;
    this.worker.active--;
    try {
      const hex = await this.post('digest', new ArrayBuffer(0), 0, 0, []);
      if (hex === null) throw new Error('the SHA1 worker gave no digest');
      return hex;
    } finally {
      this.releaseRing();
    }
  }

  abandon(): void {
    if (this.done) return;
    this.done = true;
    this.filled = 0;
    this.worker.active--;
    this.worker.drop(this.id);
    // Slots may still be read by the worker: this ring is not reused.
    this.ring = null;
  }

  /** Sends the slot being filled (if it holds anything) and moves to the next. */
  private flush(): void {
    const ring = this.ring;
    if (ring === null || this.filled === 0) return;
    const slot = this.slot;
    ring.busy[slot] = true;
    const length = this.filled;
    this.filled = 0;
    this.slot = (slot + 1) % RING_SLOTS;
    this.post('update', ring.memory, slot * SLOT_BYTES, length, []).then(
      () => (ring.busy[slot] = false),
      () => undefined,
    );
  }

  private releaseRing(): void {
    const ring = this.ring;
    this.ring = null;
    if (ring !== null && spareRings.length < MAX_SPARE_RINGS && ring.busy.every((b) => !b)) spareRings.push(ring);
  }

  /** Sends bytes nobody waits for: a failure is kept and thrown by `drained` and `digest`. */
  private postQuietly(buffer: ArrayBuffer, offset: number, length: number, transfer: ArrayBuffer[]): void {
    this.post('update', buffer, offset, length, transfer).catch(() => undefined);
  }

  private async post(
    op: 'update' | 'digest',
    buffer: ArrayBufferLike,
    offset: number,
    length: number,
    transfer: ArrayBuffer[],
  ): Promise<string | null> {
    this.queued += length;
    try {
      return await this.worker.send({ op, id: this.id, seq: this.seq++, buffer, offset, length }, transfer);
    } catch (e) {
      this.failure ??= e instanceof Error ? e : new Error(String(e));
      throw this.failure;
    } finally {
      this.queued -= length;
      this.wakeDrainWaiters();
    }
  }

  private wakeDrainWaiters(): void {
    if (this.pending <= HIGH_WATER_BYTES) for (const wake of this.drainWaiters.splice(0)) wake();
  }
}

/**
 * A SHA1 for about `expectedBytes` bytes: in a pool worker when that is at least
 * {@link OFF_THREAD_MIN_BYTES}, else inline (same interface). Unknown sizes: pass Infinity.
 */
export function createSha1(expectedBytes: number): Sha1 {
  return expectedBytes >= OFF_THREAD_MIN_BYTES ? new WorkerSha1() : new InlineSha1();
}

/** Hex SHA1 of one buffer, off the main thread when it is big (a SharedArrayBuffer view is not copied). */
export async function sha1Of(data: Uint8Array): Promise<string> {
  const hash = createSha1(data.length);
  if (data.buffer instanceof SharedArrayBuffer) await hash.updateShared(data);
  else hash.update(data);
  return hash.digest();
}
