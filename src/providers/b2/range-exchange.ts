/**
 * One ranged GET over a {@link RawConnection}, its body received straight into a
 * {@link RangeSink}'s memory: HTTP/1.1 by hand, as little of it as a download needs. The request
 * has no body; the answer must be `206` with exactly the range asked for and a Content-Length
 * (what B2 and the built-in server send for a range). Anything else is refused with an error, never
 * guessed at: another 2xx means the server ignored the range (its bytes would land in the wrong
 * place), an error status is read as B2's JSON error body, as for every other call.
 *
 * Bounds: no byte for `idleMs` while waiting for one (the sink's pauses do not count) ends the
 * exchange with a {@link NetworkSilenceError}; the response head is at most {@link MAX_HEAD_BYTES}.
 */
import { errorFromBody } from './call-error.js';
import { IdleWatchdog } from './download-watchdog.js';
import { NetworkSilenceError } from './network-guard.js';
import type { RawConnection, RawConnections, ReadTarget } from './raw-connection.js';
import type { RangeSink } from '../types.js';

/** Largest response head accepted (B2's are under 2 KiB). */
const MAX_HEAD_BYTES = 16 * 1024;
/** Largest error body read for its JSON `{status, code, message}`. */
const MAX_ERROR_BODY = 64 * 1024;
/** Where bytes go while the sink has asked to wait, or when they came with the head. */
const PARKING_BYTES = 64 * 1024;

/** One ranged GET. `headers` may hold the Authorization token and SSE-C keys: never log them. */
export interface RangeRequest {
  url: URL;
  headers: Record<string, string>;
  /** First and last byte (inclusive) to receive. */
  start: number;
  end: number;
  /** The error when the server answers 2xx without this exact range. */
  ignoredRange(): Error;
}

/**
 * Receives bytes `start…end` of `req.url` into `sink`, over a connection from `pool` (given back
 * for the next range when the answer ended cleanly). A reused connection that the server had
 * closed meanwhile (no byte of the answer came) is replaced by a fresh one at once.
 * @throws B2CallError (error status), `req.ignoredRange()`, Node network errors (ECONNRESET, …),
 *   NetworkSilenceError, AbortError, or what the sink's `filled` rejected with
 */
export async function receiveRangeOnce(
  pool: RawConnections,
  req: RangeRequest,
  sink: RangeSink,
  idleMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const conn = await pool.take(req.url, signal);
  const first = new Exchange(pool, conn, req, sink, idleMs, signal);
  try {
    await first.done;
  } catch (e) {
    if (!first.answered && conn.exchanges > 0 && isNetwork(e) && signal?.aborted !== true) {
      const fresh = await pool.take(req.url, signal, true);
      return new Exchange(pool, fresh, req, sink, idleMs, signal).done;
    }
    throw e;
  }
}

function isNetwork(e: unknown): boolean {
  return typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('E');
}

type Phase = 'head' | 'body' | 'error' | 'over';

/** The state of one request and its answer; see the module comment. */
class Exchange implements ReadTarget {
  readonly done: Promise<void>;
  /** A byte of the answer arrived. */
  answered = false;
  private phase: Phase = 'head';
  private readonly head = Buffer.allocUnsafe(MAX_HEAD_BYTES);
  private headBytes = 0;
  /** Body bytes still to come. */
  private remaining: number;
  /** Memory for reads while the sink waits (and the bytes parked in it). */
  private parking: Buffer | null = null;
  private parked: Uint8Array | null = null;
  /** The memory the last read was given by this exchange: bytes elsewhere are copied in. */
  private given: Uint8Array | null = null;
  private waiting = false;
  /** The error answer: its status, Retry-After, and the body read so far. */
  private errorAnswer: {
    status: number;
    retryAfter: string | null;
    body: Buffer;
    got: number;
    closeEnds: boolean;
  } | null = null;
  private keepAlive = true;
  private readonly watchdog: IdleWatchdog;
  private resolve!: () => void;
  private reject!: (e: unknown) => void;
  private readonly onAbort = (): void => this.fail(Object.assign(new Error('aborted'), { name: 'AbortError' }));

  constructor(
    private readonly pool: RawConnections,
    private readonly conn: RawConnection,
    private readonly req: RangeRequest,
    private readonly sink: RangeSink,
    idleMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.remaining = req.end - req.start + 1;
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    const host = req.url.host;
    this.watchdog = new IdleWatchdog(idleMs, () => this.fail(new NetworkSilenceError(host, idleMs, 'idle')));
    if (signal?.aborted === true) {
      queueMicrotask(this.onAbort);
      return;
    }
    signal?.addEventListener('abort', this.onAbort, { once: true });
    this.watchdog.waiting();
    conn.send(requestHead(req, conn.hostHeader), this);
  }

  memory(): Uint8Array {
    this.given = this.nextMemory();
    return this.given;
  }

  private nextMemory(): Uint8Array {
    if (this.phase === 'head') return this.head.subarray(this.headBytes);
    if (this.phase === 'error') {
      const a = this.errorAnswer!;
      return a.got < a.body.length ? a.body.subarray(a.got) : this.parkingMemory();
    }
    if (this.phase === 'body' && !this.waiting && this.parked === null && this.remaining > 0) {
      const space = this.sink.space();
      // An empty view would make the read return nothing, forever: such bytes go to the parking,
      // where delivering them reports the broken sink.
      if (space.length > 0) return space.length > this.remaining ? space.subarray(0, this.remaining) : space;
    }
    return this.parkingMemory();
  }

  arrived(n: number, memory: Uint8Array): boolean {
    this.answered = true;
    if (this.phase === 'over') return false;
    if (!this.waiting) this.watchdog.waiting();
    // Bytes read into memory this exchange did not give for them (the connection's spare, or the
    // parking while the sink waited) are copied to where they belong.
    const elsewhere = memory !== this.given || this.given === this.parking ? memory.subarray(0, n) : null;
    switch (this.phase) {
      case 'head':
        return this.headArrived(memory.subarray(0, n));
      case 'error':
        return this.errorArrived(n, elsewhere);
      case 'body':
        return elsewhere !== null ? this.deliver(elsewhere) : this.bodyArrived(n);
    }
  }

  ended(error: Error): void {
    const a = this.errorAnswer;
    if (this.phase === 'error' && a !== null && a.closeEnds) {
      this.keepAlive = false;
      this.errorEnded();
      return;
    }
    this.fail(error);
  }

  private parkingMemory(): Buffer {
    this.parking ??= Buffer.allocUnsafe(PARKING_BYTES);
    return this.parking;
  }

  /**
   * Bytes of the answer while its head is incomplete: in place in `head`, or elsewhere (then
   * copied in, and what follows the head is the body's start).
   */
  private headArrived(bytes: Uint8Array): boolean {
    const before = this.headBytes;
    const k = Math.min(bytes.length, MAX_HEAD_BYTES - before);
    if (bytes.byteOffset !== this.head.byteOffset + before || bytes.buffer !== this.head.buffer)
      this.head.set(bytes.subarray(0, k), before);
    this.headBytes += k;
    const at = this.head.subarray(0, this.headBytes).indexOf('\r\n\r\n', Math.max(0, before - 3), 'latin1');
    if (at < 0) {
      if (this.headBytes >= MAX_HEAD_BYTES) this.fail(protocolError('the response head is too large'));
      return this.phase !== 'over';
    }
    // The body's first bytes: those after the head's end in what just arrived.
    const rest = bytes.subarray(at + 4 - before);
    const parsed = parseHead(this.head.toString('latin1', 0, at));
    if (parsed === null) {
      this.fail(protocolError('the response is not HTTP/1.1'));
      return false;
    }
    const { status, headers } = parsed;
    this.keepAlive = !/\bclose\b/i.test(headers.get('connection') ?? '');
    const length = headers.get('content-length');
    const chunked = /chunked/i.test(headers.get('transfer-encoding') ?? '');
    if (status < 200 || status >= 300) {
      const known = length !== undefined && /^\d+$/.test(length) && !chunked;
      const bodyBytes = known ? Number(length) : MAX_ERROR_BODY;
      this.phase = 'error';
      this.errorAnswer = {
        status,
        retryAfter: headers.get('retry-after') ?? null,
        body: Buffer.alloc(Math.min(bodyBytes, MAX_ERROR_BODY)),
        got: 0,
        closeEnds: !known,
      };
      // A body longer than what is kept, or of unknown length, is not read to its end.
      if (known && bodyBytes > MAX_ERROR_BODY) this.keepAlive = false;
      if (!known) this.keepAlive = false;
      this.remaining = known ? bodyBytes : Infinity;
      return this.errorBytes(rest);
    }
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(headers.get('content-range') ?? '');
    const expected = this.req.end - this.req.start + 1;
    if (
      status !== 206 ||
      range === null ||
      Number(range[1]) !== this.req.start ||
      Number(range[2]) !== this.req.end ||
      chunked ||
      length === undefined ||
      Number(length) !== expected
    ) {
      this.keepAlive = false;
      this.fail(this.req.ignoredRange());
      return false;
    }
    this.phase = 'body';
    if (rest.length > this.remaining) {
      this.fail(protocolError('the server sent more than the range'));
      return false;
    }
    return this.deliver(rest);
  }

  private bodyArrived(n: number): boolean {
    this.remaining -= n;
    const wait = this.sink.filled(n);
    if (this.remaining === 0) {
      if (wait === undefined) this.complete();
      else this.pause(wait);
      return false;
    }
    if (wait === undefined) return true;
    this.pause(wait);
    return false;
  }

  /** Copies `bytes` into the sink (bytes that came with the head, or after a pause). */
  private deliver(bytes: Uint8Array): boolean {
    let rest = bytes;
    while (rest.length > 0) {
      if (rest.length > this.remaining) {
        this.fail(protocolError('the server sent more than the range'));
        return false;
      }
      const space = this.sink.space();
      if (space.length === 0) {
        this.fail(new Error('RangeSink.space() lent no memory'));
        return false;
      }
      const k = Math.min(space.length, rest.length);
      space.set(rest.subarray(0, k));
      this.remaining -= k;
      rest = rest.subarray(k);
      const wait = this.sink.filled(k);
      if (wait !== undefined) {
        // The parked bytes stay where they are: nothing is read into that memory until they are delivered.
        this.parked = rest.length > 0 ? rest : null;
        this.pause(wait);
        return false;
      }
    }
    if (this.remaining === 0) {
      this.complete();
      return false;
    }
    return true;
  }

  private pause(wait: Promise<void>): void {
    this.waiting = true;
    this.watchdog.idle();
    wait.then(
      () => {
        if (this.phase === 'over') return;
        this.waiting = false;
        const parked = this.parked;
        this.parked = null;
        if (parked !== null && !this.deliver(parked)) return;
        if (this.remaining === 0) {
          this.complete();
          return;
        }
        this.watchdog.waiting();
        this.conn.resume();
      },
      (e: unknown) => this.fail(e),
    );
  }

  private errorArrived(n: number, elsewhere: Uint8Array | null): boolean {
    if (elsewhere !== null) return this.errorBytes(elsewhere);
    this.errorAnswer!.got += n;
    this.remaining -= n;
    if (this.remaining <= 0) this.errorEnded();
    return this.phase !== 'over';
  }

  /** Error body bytes that came with the head or in other memory (beyond what is kept: dropped). */
  private errorBytes(bytes: Uint8Array): boolean {
    const a = this.errorAnswer!;
    const k = Math.min(bytes.length, a.body.length - a.got);
    a.body.set(bytes.subarray(0, k), a.got);
    a.got += k;
    this.remaining -= bytes.length;
    if (this.remaining <= 0) this.errorEnded();
    return this.phase !== 'over';
  }

  private errorEnded(): void {
    const a = this.errorAnswer!;
    let body: unknown = null;
    try {
      body = JSON.parse(a.body.toString('utf8', 0, a.got)) as unknown;
    } catch {
      body = null;
    }
    this.settle(errorFromBody(a.status, body, a.retryAfter ?? undefined));
  }

  private complete(): void {
    this.settle(null);
  }

  private fail(e: unknown): void {
    this.keepAlive = false;
    this.settle(e);
  }

  private settle(error: unknown): void {
    if (this.phase === 'over') return;
    this.phase = 'over';
    this.watchdog.stop();
    this.signal?.removeEventListener('abort', this.onAbort);
    const reusable = error === null || (this.keepAlive && this.remaining === 0);
    this.conn.release(reusable);
    if (reusable) this.pool.give(this.conn);
    if (error === null) this.resolve();
    else this.reject(error);
  }
}

/** The request line and headers of a ranged GET. */
function requestHead(req: RangeRequest, hostHeader: string): string {
  let head = `GET ${req.url.pathname}${req.url.search} HTTP/1.1\r\nHost: ${hostHeader}\r\n`;
  for (const [name, value] of Object.entries(req.headers)) head += `${name}: ${value}\r\n`;
  return `${head}Range: bytes=${req.start}-${req.end}\r\n\r\n`;
}

/** Status and headers (lower-case names, first value) of a response head, or null when malformed. */
function parseHead(text: string): { status: number; headers: Map<string, string> } | null {
  const lines = text.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  if (m === null) return null;
  const headers = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { status: Number(m[1]), headers };
}

function protocolError(message: string): Error {
  return Object.assign(new Error(message), { code: 'EPROTO' });
}
