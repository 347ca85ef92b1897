/**
 * The byte stream of one download (a whole file or a range) that survives dropped and stalled
 * connections: when a response breaks off, it asks for the rest by byte range and carries on, so
 * the consumer sees one uninterrupted stream. Optionally checks the SHA1 of everything it passed
 * at the end (whole-file downloads).
 *
 * Driven by 'data' events with explicit pause/resume instead of an async generator: per 64 KiB
 * chunk that saves a promise, a timer (download-watchdog.ts) and a stream hop, which on a 2-core
 * machine is download speed (see http-exchange.ts for the numbers).
 *
 * Bounds: a response that goes silent while the consumer reads (`idleTimeoutMs`) is dropped and
 * asked for again, at most `maxSilentTries` times in all; other breaks at most `maxAttempts`.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { isProviderError, TransientError } from '../errors.js';
import { createSha1, HIGH_WATER_BYTES, type Sha1 } from '../sha1-pool.js';
import { cancelledError, sha1Mismatch, sizeMismatch } from '../stream-utils.js';
import { B2CallError, toCallError } from './call-error.js';
import type { HttpResponse } from './http-exchange.js';
import { IdleWatchdog } from './download-watchdog.js';
import { backoffDelay, sleep, type RetryPolicy } from './retry.js';

/** Buffered bytes before the response is paused; large enough that pausing is rare. */
export const DOWNLOAD_HIGH_WATER_MARK = 1024 * 1024;

/** What a {@link ResumingDownload} reads, and how it gets the rest after a drop. */
export interface ResumingSpec {
  /** Provider path, for error messages. */
  path: string;
  /** `host:port` the bytes come from, for the message when it goes silent. */
  host: string;
  /** The response already received for bytes `start…end`. */
  first: HttpResponse;
  /** Absolute first and last byte (inclusive) this stream yields. */
  start: number;
  end: number;
  /** Hex SHA1 that all bytes `start…end` must have, or null to not check. */
  sha1: string | null;
  /**
   * Requests bytes `offset…end` again (of the same file version), with the caller's retries.
   * Must reject with a ProviderError (or CancelledError) when it gives up.
   */
  reopen(offset: number, signal: AbortSignal): Promise<HttpResponse>;
  /** Maps a non-network failure to the provider error the caller would throw. */
  fail(e: B2CallError): Error;
  policy: RetryPolicy;
  /** The caller's cancellation: the stream errors with CancelledError. */
  signal?: AbortSignal;
  /** Buffered bytes before the connection is paused (default {@link DOWNLOAD_HIGH_WATER_MARK}). */
  highWaterMark?: number;
}

/** A Readable over one download that resumes by range after a drop; see the module comment. */
export class ResumingDownload extends Readable {
  private res: IncomingMessage | null = null;
  private attempt = new AbortController();
  private offset: number;
  /** The running SHA1 (off the main thread for big downloads: sha1-pool.ts). */
  private readonly hash: Sha1 | null;
  /** The response is paused until the hash's worker catches up. */
  private hashBehind = false;
  private drops = 0;
  private stalls = 0;
  /** The consumer asked for more (via _read) and has not refused a push since. */
  private wanted = false;
  /** The current response is resumed (bytes are being read from it). */
  private flowing = false;
  private readonly watchdog: IdleWatchdog;
  private finished = false;
  /** An error to raise once the consumer has read every buffered byte (a SHA1 mismatch). */
  private errorAfterData: Error | null = null;
  private readonly onAbort = (): void => {
    this.destroy(cancelledError(this.spec.path, this.spec.signal));
  };

  constructor(private readonly spec: ResumingSpec) {
    super({ highWaterMark: spec.highWaterMark ?? DOWNLOAD_HIGH_WATER_MARK });
    this.offset = spec.start;
    this.hash = spec.sha1 !== null ? createSha1(spec.end - spec.start + 1) : null;
    const idleMs = spec.policy.idleTimeoutMs;
    this.watchdog = new IdleWatchdog(idleMs, () => {
      this.dropped(
        new B2CallError(null, 'network', 'no data arrived for too long', undefined, 'ETIMEDOUT', {
          host: spec.host,
          waitedMs: idleMs,
          phase: 'idle',
        }),
      );
    });
    this.attach(spec.first);
    if (spec.signal !== undefined) {
      if (spec.signal.aborted) queueMicrotask(this.onAbort);
      else spec.signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  /** Bytes passed on so far. */
  get bytesRead(): number {
    return this.offset - this.spec.start;
  }

  /**
   * Delivers buffered bytes as usual; once the last one is taken and a verdict is pending, the
   * stream errors. (Readable.destroy drops buffered data, and a consumer should see every byte
   * before the error, as with a stream that verifies at its end.)
   */
  override read(size?: number): unknown {
    const chunk: unknown = super.read(size);
    const pending = this.errorAfterData;
    if (pending !== null && this.readableLength === 0) {
      this.errorAfterData = null;
      queueMicrotask(() => this.destroy(pending));
    }
    return chunk;
  }

  override _read(): void {
    this.wanted = true;
    this.startFlowing();
  }

  override _destroy(err: Error | null, done: (error?: Error | null) => void): void {
    this.finished = true;
    this.spec.signal?.removeEventListener('abort', this.onAbort);
    this.watchdog.stop();
    this.detach(true);
    this.attempt.abort();
    this.hash?.abandon();
    done(err);
  }

  private startFlowing(): void {
    if (this.res === null || this.flowing || !this.wanted || this.hashBehind || this.finished) return;
    this.flowing = true;
    this.watchdog.waiting();
    this.res.resume();
  }

  private attach(response: HttpResponse): void {
    const res = response.body;
    this.res = res;
    this.flowing = false;
    res.on('data', this.onData);
    res.on('end', this.onEnd);
    res.on('error', this.onError);
    // A connection closed mid-body without an 'error' (seen with some proxies) is a drop too.
    res.on('close', this.onClose);
    this.startFlowing(); // after a reconnect, the consumer may be waiting already
  }

  /** Stops listening to the current response; `abort` also closes its connection. */
  private detach(abort: boolean): void {
    const res = this.res;
    if (res === null) return;
    this.res = null;
    this.flowing = false;
    res.off('data', this.onData);
    res.off('end', this.onEnd);
    res.off('error', this.onError);
    res.off('close', this.onClose);
    res.on('error', ignore);
    // Only an unfinished response is destroyed: a complete one leaves its keep-alive socket free.
    if (abort) res.destroy();
  }

  private readonly onData = (chunk: Buffer): void => {
    if (this.finished) return;
    this.offset += chunk.length;
    if (this.offset > this.spec.end + 1) {
      this.destroy(sizeMismatch(this.spec.path, this.spec.end - this.spec.start + 1, this.bytesRead, true));
      return;
    }
    this.hash?.update(chunk);
    const hashBehind = this.hash !== null && this.hash.pending > HIGH_WATER_BYTES;
    const wanted = this.push(chunk);
    if (wanted && !hashBehind) {
      this.watchdog.waiting();
      return;
    }
    this.watchdog.idle(); // the consumer (or the hash) is not reading: that time is not a stall
    this.wanted = wanted;
    this.flowing = false;
    this.res?.pause();
    if (hashBehind && this.hash !== null) {
      this.hashBehind = true;
      this.hash.drained().then(
        () => {
          this.hashBehind = false;
          this.startFlowing();
        },
        (e: unknown) => this.destroy(e instanceof Error ? e : new Error(String(e))),
      );
    }
  };

  private readonly onEnd = (): void => {
    if (this.finished) return;
    if (this.offset <= this.spec.end) {
      this.dropped(new B2CallError(null, 'network', 'the response ended early', undefined, 'ECONNRESET'));
      return;
    }
    this.finished = true;
    this.watchdog.stop();
    this.detach(false);
    const expected = this.spec.sha1;
    if (this.hash === null || expected === null) {
      this.push(null);
      return;
    }
    this.hash.digest().then(
      (actual) => {
        if (this.destroyed) return;
        if (actual === expected.toLowerCase()) {
          this.push(null);
          return;
        }
        const e = sha1Mismatch(this.spec.path, expected, actual);
        if (this.readableLength === 0) this.destroy(e);
        else this.errorAfterData = e;
      },
      (e: unknown) => this.destroy(e instanceof Error ? e : new Error(String(e))),
    );
  };

  private readonly onError = (e: unknown): void => {
    this.dropped(e);
  };

  private readonly onClose = (): void => {
    if (this.res !== null && !this.res.complete)
      this.dropped(new B2CallError(null, 'network', 'the connection closed early', undefined, 'ECONNRESET'));
  };

  /** A response broke off: ask for the rest, or give up with the right error. */
  private dropped(raw: unknown): void {
    if (this.finished || this.destroyed) return;
    this.watchdog.stop();
    this.detach(true);
    this.attempt.abort();
    if (this.spec.signal?.aborted === true) {
      this.destroy(cancelledError(this.spec.path, this.spec.signal));
      return;
    }
    if (isProviderError(raw)) {
      this.destroy(raw);
      return;
    }
    const e = toCallError(raw);
    if (e === null) {
      this.destroy(raw instanceof Error ? raw : new Error(String(raw)));
      return;
    }
    if (e.silence !== undefined && ++this.stalls >= this.spec.policy.maxSilentTries) {
      this.destroy(this.spec.fail(e.afterAttempts(this.stalls)));
      return;
    }
    if (!e.isNetwork || ++this.drops >= this.spec.policy.maxAttempts) {
      this.destroy(
        e.isNetwork
          ? new TransientError(
              `The download of "${this.spec.path}" kept breaking off; try again.`,
              undefined,
              this.spec.path,
            )
          : this.spec.fail(e),
      );
      return;
    }
    this.attempt = new AbortController();
    const { signal } = this.attempt;
    void sleep(backoffDelay(this.spec.policy, this.drops, undefined), this.spec.signal)
      .then(() => this.spec.reopen(this.offset, signal))
      .then(
        (res) => {
          if (this.destroyed || signal.aborted) {
            res.body.on('error', ignore);
            res.body.destroy();
            return;
          }
          this.attach(res);
        },
        (err: unknown) => {
          if (!this.destroyed) this.destroy(err instanceof Error ? err : new Error(String(err)));
        },
      );
  }
}

function ignore(): void {}
