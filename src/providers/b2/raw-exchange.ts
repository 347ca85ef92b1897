/**
 * Requests over a {@link RawConnection}, HTTP/1.1 by hand, as little of it as two exchanges need:
 * - a ranged GET whose body is received straight into a {@link RangeSink}'s memory (big
 *   downloads). The answer must be `206` with exactly the range asked for and a Content-Length
 *   (what B2 and the built-in server send for a range). Anything else is refused, never guessed
 *   at: another 2xx means the server ignored the range (its bytes would land in the wrong place);
 * - a POST whose body is written from a source's chunks as the socket takes them, answered with a
 *   small JSON body (the parts of big uploads).
 * An error status is read as B2's JSON error body, as for every other call.
 *
 * Bounds: no byte moving for `idleMs` in either direction while the exchange waits on the network
 * (a sink's pauses do not count) ends it with a {@link NetworkSilenceError}; the response head is
 * at most {@link MAX_HEAD_BYTES}, a JSON answer at most {@link MAX_ANSWER_BODY}.
 */
import { errorFromBody, toCallError } from './call-error.js';
import { IdleWatchdog } from './download-watchdog.js';
import { NetworkSilenceError } from './network-guard.js';
import type { RawConnection, RawConnections, ReadTarget } from './raw-connection.js';
import type { RangeSink } from '../types.js';

/** Largest response head accepted (B2's are under 2 KiB). */
const MAX_HEAD_BYTES = 16 * 1024;
/** Largest JSON answer read (an error's `{status, code, message}`, or a part's upload result). */
const MAX_ANSWER_BODY = 1024 * 1024;
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

/** One POST with a body of exactly `length` bytes. `headers` may hold a token: never log them. */
export interface PostRequest {
  url: URL;
  headers: Record<string, string>;
  length: number;
  /** The body's bytes, in order; read only as fast as the connection takes them. */
  body: AsyncIterable<Buffer> | Iterable<Buffer>;
  /** `n` more bytes of the body went to the connection. */
  onSent?: (n: number) => void;
  /** A chunk of the body has left for the kernel: its memory may be used again. */
  written?: (chunk: Buffer) => void;
  /** The error when the body does not have `length` bytes (the source changed meanwhile). */
  sizeChanged(): Error;
}

/** What the exchange waits for: a range into a sink, or a (small, JSON) answer. */
type Expect =
  | { kind: 'range'; sink: RangeSink; start: number; end: number; ignoredRange(): Error }
  | { kind: 'answer' };

/**
 * Sends `req` on a fresh connection (its body is a stream, so a reused connection that turns out
 * closed could not be tried again) and resolves with the JSON of its 2xx answer (null when the
 * answer is not JSON).
 * @throws B2CallError (error status), Node network errors, NetworkSilenceError, AbortError, the
 *   body's own error, `req.sizeChanged()` when the body is not `length` bytes
 */
export async function postOnce(
  pool: RawConnections,
  req: PostRequest,
  idleMs: number,
  signal?: AbortSignal,
): Promise<unknown> {
  const head = requestHead('POST', req.url, { ...req.headers, 'Content-Length': String(req.length) });
  const conn = await pool.take(req.url, signal, true);
  const exchange = new Exchange(pool, conn, head, { kind: 'answer' }, idleMs, signal, false);
  void exchange.sendBody(req);
  return exchange.done;
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
  const expect: Expect = {
    kind: 'range',
    sink,
    start: req.start,
    end: req.end,
    ignoredRange: () => req.ignoredRange(),
  };
  const headers = { ...req.headers, Range: `bytes=${req.start}-${req.end}` };
  const head = requestHead('GET', req.url, headers);
  const conn = await pool.take(req.url, signal);
  const first = new Exchange(pool, conn, head, expect, idleMs, signal);
  try {
    await first.done;
  } catch (e) {
    if (!first.answered && conn.exchanges > 0 && staleClose(e) && signal?.aborted !== true) {
      const fresh = await pool.take(req.url, signal, true);
      await new Exchange(pool, fresh, head, expect, idleMs, signal).done;
      return;
    }
    throw e;
  }
}

/**
 * A kept-alive connection the server had closed: a network failure that is not silence (a silent
 * one already cost its bound, and retry.ts counts those).
 */
function staleClose(e: unknown): boolean {
  const c = toCallError(e);
  return c !== null && c.isNetwork && c.silence === undefined;
}

/** Reading the head, a range's body, a JSON answer's body, or done. */
type Phase = 'head' | 'body' | 'answer' | 'over';

/** The state of one request and its answer; see the module comment. */
class Exchange implements ReadTarget {
  /** Resolves with nothing (a range) or the JSON of a 2xx answer. */
  readonly done: Promise<unknown>;
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
  /** A JSON answer (or any error answer): its status, Retry-After, and the body read so far. */
  private answer: {
    status: number;
    retryAfter: string | null;
    body: Buffer;
    got: number;
    /** The body ends with the connection (no length was given). */
    closeEnds: boolean;
    /** The body comes in chunks (Transfer-Encoding: chunked) and ends with the empty one. */
    chunked: boolean;
  } | null = null;
  private keepAlive = true;
  /** The request went out whole (a POST's body is written after the head). */
  private requestSent: boolean;
  private readonly watchdog: IdleWatchdog;
  private resolve!: (answer: unknown) => void;
  private reject!: (e: unknown) => void;
  private readonly onAbort = (): void => this.fail(abortError());

  /**
   * @param head the request line and headers, sent at once
   * @param whole false when a body follows the head ({@link sendBody})
   */
  constructor(
    private readonly pool: RawConnections,
    private readonly conn: RawConnection,
    head: string,
    private readonly expect: Expect,
    idleMs: number,
    private readonly signal?: AbortSignal,
    whole = true,
  ) {
    this.remaining = expect.kind === 'range' ? expect.end - expect.start + 1 : 0;
    this.requestSent = whole;
    this.done = new Promise<unknown>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.done.catch(() => undefined); // a POST's caller may still be writing when it fails
    const host = conn.hostHeader;
    this.watchdog = new IdleWatchdog(idleMs, () => this.fail(new NetworkSilenceError(host, idleMs, 'idle')));
    if (signal?.aborted === true) {
      this.phase = 'over';
      conn.release(false);
      queueMicrotask(() => this.reject(abortError()));
      return;
    }
    signal?.addEventListener('abort', this.onAbort, { once: true });
    this.watchdog.waiting();
    conn.send(head, this);
  }

  /**
   * Writes a POST's body as the connection takes it (each write that completes is traffic for the
   * silence bound), and stops early when the exchange ended (answered or failed).
   */
  async sendBody(req: PostRequest): Promise<void> {
    let sent = 0;
    try {
      for await (const chunk of req.body) {
        if (this.isOver) return;
        sent += chunk.length;
        if (sent > req.length) throw req.sizeChanged();
        // Counted before it goes: a caller that cancels on seeing it stops it from going.
        req.onSent?.(chunk.length);
        if (this.isOver) return;
        const room = this.conn.write(chunk, () => {
          if (this.phase !== 'over') this.watchdog.waiting();
          req.written?.(chunk);
        });
        if (!room) await this.conn.drained();
      }
      if (sent !== req.length) throw req.sizeChanged();
      this.requestSent = true;
    } catch (e) {
      this.fail(e);
    }
  }

  /** The exchange is over (a getter: callbacks may end it between two looks). */
  private get isOver(): boolean {
    return this.phase === 'over';
  }

  /** The sink of a range (the body phase exists only for ranges). */
  private get sink(): RangeSink {
    if (this.expect.kind !== 'range') throw new Error('Exchange: a JSON answer has no sink');
    return this.expect.sink;
  }

  memory(): Uint8Array {
    this.given = this.nextMemory();
    return this.given;
  }

  private nextMemory(): Uint8Array {
    if (this.phase === 'head') return this.head.subarray(this.headBytes);
    if (this.phase === 'answer') {
      const a = this.answer!;
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
      case 'answer':
        return this.answerArrived(n, elsewhere);
      case 'body':
        return elsewhere !== null ? this.deliver(elsewhere) : this.bodyArrived(n);
    }
  }

  ended(error: Error): void {
    const a = this.answer;
    if (this.phase === 'answer' && a !== null && a.closeEnds) {
      this.keepAlive = false;
      this.answerEnded();
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
    const expect = this.expect;
    const length = headers.get('content-length');
    const chunked = /chunked/i.test(headers.get('transfer-encoding') ?? '');
    if (status < 200 || status >= 300 || expect.kind === 'answer') {
      const known = length !== undefined && /^\d+$/.test(length) && !chunked;
      const bodyBytes = known ? Number(length) : MAX_ANSWER_BODY;
      this.phase = 'answer';
      this.answer = {
        status,
        retryAfter: headers.get('retry-after') ?? null,
        body: Buffer.alloc(Math.min(bodyBytes, MAX_ANSWER_BODY)),
        got: 0,
        closeEnds: !known && !chunked,
        chunked,
      };
      // A body longer than what is kept, or ended only by the connection, is not read to its end.
      if (known && bodyBytes > MAX_ANSWER_BODY) this.keepAlive = false;
      if (!known && !chunked) this.keepAlive = false;
      this.remaining = known ? bodyBytes : Infinity;
      return this.answerBytes(rest);
    }
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(headers.get('content-range') ?? '');
    const expected = expect.end - expect.start + 1;
    if (
      status !== 206 ||
      range === null ||
      Number(range[1]) !== expect.start ||
      Number(range[2]) !== expect.end ||
      chunked ||
      length === undefined ||
      Number(length) !== expected
    ) {
      this.keepAlive = false;
      this.fail(expect.ignoredRange());
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

  private answerArrived(n: number, elsewhere: Uint8Array | null): boolean {
    if (elsewhere !== null) return this.answerBytes(elsewhere);
    this.answer!.got += n;
    this.remaining -= n;
    return this.answerProgress();
  }

  /** Ends the answer when all of it is in (its length, or its last chunk). */
  private answerProgress(): boolean {
    const a = this.answer!;
    if (a.chunked && lastChunkIn(a.body, a.got)) this.remaining = 0;
    else if (a.chunked && a.got === a.body.length) {
      this.fail(protocolError('the answer is too large'));
      return false;
    }
    if (this.remaining <= 0) this.answerEnded();
    return this.phase !== 'over';
  }

  /** Error body bytes that came with the head or in other memory (beyond what is kept: dropped). */
  private answerBytes(bytes: Uint8Array): boolean {
    const a = this.answer!;
    const k = Math.min(bytes.length, a.body.length - a.got);
    a.body.set(bytes.subarray(0, k), a.got);
    a.got += k;
    this.remaining -= bytes.length;
    return this.answerProgress();
  }

  private answerEnded(): void {
    const a = this.answer!;
    let body: unknown = null;
    try {
      const raw = a.body.subarray(0, a.got);
      body = JSON.parse((a.chunked ? dechunk(raw) : raw).toString('utf8')) as unknown;
    } catch {
      body = null;
    }
    if (a.status >= 200 && a.status < 300) this.settle(null, body);
    else this.settle(errorFromBody(a.status, body, a.retryAfter ?? undefined));
  }

  private complete(): void {
    this.settle(null);
  }

  private fail(e: unknown): void {
    this.keepAlive = false;
    this.settle(e);
  }

  private settle(error: unknown, answer?: unknown): void {
    if (this.phase === 'over') return;
    this.phase = 'over';
    this.watchdog.stop();
    this.signal?.removeEventListener('abort', this.onAbort);
    // Reused only when both the request and its answer went through whole.
    const reusable =
      this.keepAlive && this.requestSent && this.remaining <= 0 && (error === null || this.answer !== null);
    this.conn.release(reusable);
    if (reusable) this.pool.give(this.conn);
    if (error === null) this.resolve(answer);
    else this.reject(error);
  }
}

/** The request line and headers of a request. */
function requestHead(method: 'GET' | 'POST', url: URL, headers: Record<string, string>): string {
  let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    // A value from the server (a token) with a line break would add headers of its own: refused,
    // as node:http refuses it. The message names the header, never its value.
    if (/[\r\n\0]/.test(value)) throw new TypeError(`Invalid character in the ${name} header`);
    head += `${name}: ${value}\r\n`;
  }
  return `${head}\r\n`;
}

function abortError(): Error {
  return Object.assign(new Error('aborted'), { name: 'AbortError' });
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

/** True when a chunked body's last, empty chunk is in the first `got` bytes of `body`. */
function lastChunkIn(body: Buffer, got: number): boolean {
  const end = Buffer.from('0\r\n\r\n', 'latin1');
  if (got < end.length || !body.subarray(got - end.length, got).equals(end)) return false;
  return got === end.length || (body[got - end.length - 2] === 0x0d && body[got - end.length - 1] === 0x0a);
}

/** The data of a complete chunked body (chunk extensions and trailers ignored). */
function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at, 'latin1');
    if (eol < 0) break;
    const size = Number.parseInt(raw.toString('latin1', at, eol).split(';')[0] ?? '', 16);
    if (!(size > 0)) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function protocolError(message: string): Error {
  return Object.assign(new Error(message), { code: 'EPROTO' });
}
