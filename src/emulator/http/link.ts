/**
 * A simulated network link in front of the server (`b2c emulator --latency MS --bandwidth B/S`),
 * so clients can be measured against what real B2 is for them: far away and limited per
 * connection, not a loopback that hides round trips.
 *
 * - **Latency**: every request waits `latencyMs` before it is handled, i.e. before its answer
 *   starts (its body, if any, waits in the socket meanwhile). A client that makes N requests one
 *   after another needs at least N × latency.
 * - **Bandwidth**: every connection carries at most `bytesPerSecond` in each direction (request
 *   bodies in, answers out), as one TCP connection over a long link does. A chunk is passed on
 *   when its last byte would have arrived at that rate, so B bytes take at least B / rate seconds.
 *
 * Both work by re-wiring the server's own listeners, so nothing else in the server knows: the
 * 'request' listener is delayed, and each accepted socket is handed to the HTTP machinery wrapped
 * in a {@link ThrottledSocket} (Node's http server accepts any Duplex as a connection).
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';

/** What the simulated link adds. Zero or absent: nothing. */
export interface LinkOptions {
  /** Milliseconds added to every request before its answer starts. */
  latencyMs?: number;
  /** Bytes per second per connection, in each direction. */
  bytesPerSecond?: number;
}

/** Paces one direction of one connection: when may a chunk of `n` bytes pass? */
class Pacer {
  private busyUntil = 0;
  constructor(private readonly bytesPerSecond: number) {}

  /** Milliseconds from now until a chunk of `bytes` sent now has fully crossed the link. */
  delayFor(bytes: number): number {
    const now = performance.now();
    this.busyUntil = Math.max(now, this.busyUntil) + (bytes * 1000) / this.bytesPerSecond;
    return this.busyUntil - now;
  }
}

/**
 * A socket seen through a slow link: what the peer sends is passed on at the link's rate (the
 * real socket is paused meanwhile, so TCP slows the peer down), and what the server writes is
 * passed to the real socket at the same rate. Timeouts and addresses are the real socket's.
 */
class ThrottledSocket extends Duplex {
  private readonly inbound: Pacer;
  private readonly outbound: Pacer;
  /** A chunk is on its way in (delayed), or the reader wants no more for now. */
  private holding = false;
  private wanted = true;

  constructor(
    private readonly socket: Socket,
    bytesPerSecond: number,
  ) {
    super({ allowHalfOpen: true });
    this.inbound = new Pacer(bytesPerSecond);
    this.outbound = new Pacer(bytesPerSecond);
    socket.on('data', (chunk: Buffer) => {
      socket.pause();
      this.holding = true;
      setTimeout(() => {
        this.holding = false;
        this.wanted = this.push(chunk);
        if (this.wanted && !this.destroyed) socket.resume();
      }, this.inbound.delayFor(chunk.length));
    });
    // An end or error is passed on after the data before it (same timer queue, later deadline).
    socket.on('end', () => setTimeout(() => this.push(null), this.inbound.delayFor(0)));
    socket.on('error', (e) => this.destroy(e));
    socket.on('close', () => this.destroy());
    socket.on('timeout', () => this.emit('timeout'));
  }

  override _read(): void {
    this.wanted = true;
    if (!this.holding) this.socket.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    setTimeout(() => {
      if (this.socket.destroyed) done(new Error('the connection is closed'));
      else this.socket.write(chunk, (e) => done(e ?? null));
    }, this.outbound.delayFor(chunk.length));
  }

  override _final(done: (error?: Error | null) => void): void {
    setTimeout(() => this.socket.end(() => done()), this.outbound.delayFor(0));
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.socket.destroy();
    done(error);
  }

  /** The HTTP server's keep-alive and idle timers use the real socket's. */
  setTimeout(ms: number, onTimeout?: () => void): this {
    this.socket.setTimeout(ms);
    if (onTimeout !== undefined) this.once('timeout', onTimeout);
    return this;
  }

  setNoDelay(noDelay?: boolean): this {
    this.socket.setNoDelay(noDelay);
    return this;
  }

  setKeepAlive(enable?: boolean, initialDelay?: number): this {
    this.socket.setKeepAlive(enable, initialDelay);
    return this;
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  get remotePort(): number | undefined {
    return this.socket.remotePort;
  }

  get localAddress(): string | undefined {
    return this.socket.localAddress;
  }

  get localPort(): number | undefined {
    return this.socket.localPort;
  }
}

/**
 * Puts the simulated link in front of `server` (call once, before it listens). Does nothing for
 * zero or absent values.
 * @throws RangeError for a negative or non-finite latency or a bandwidth that is not positive
 */
export function simulateLink(server: Server, link: LinkOptions): void {
  const { latencyMs = 0, bytesPerSecond } = link;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0))
    throw new RangeError(`latency must be 0 or more milliseconds, not ${latencyMs}.`);
  if (bytesPerSecond !== undefined && !(Number.isFinite(bytesPerSecond) && bytesPerSecond > 0)) {
    throw new RangeError(`bandwidth must be a positive number of bytes per second, not ${bytesPerSecond}.`);
  }
  if (latencyMs > 0) {
    for (const handler of server.listeners('request') as Array<(...args: unknown[]) => void>) {
      server.removeListener('request', handler);
      server.on('request', (...args: unknown[]) => {
        setTimeout(() => handler.apply(server, args), latencyMs);
      });
    }
  }
  if (bytesPerSecond !== undefined) {
    for (const accept of server.listeners('connection') as Array<(socket: Duplex) => void>) {
      server.removeListener('connection', accept);
      server.on('connection', (socket: Socket) => {
        accept.call(server, new ThrottledSocket(socket, bytesPerSecond));
      });
    }
  }
}
