/**
 * Connections whose bytes land in memory the reader chooses (Node's `onread` socket option): a
 * big download's ranges are received straight into the destination's write buffers, with no
 * Buffer allocated per read, no HTTP parser and no stream between the socket and the disk. On a
 * 2-core machine that is what makes a loopback download faster than rclone's (bench/README.md,
 * "Big files without streams"): node:http's 64 KiB socket buffers alone cost a GiB download
 * 0.6 s of garbage collection, its parser and streams as much again.
 *
 * A connection serves one exchange at a time ({@link ReadTarget}); between exchanges it waits in
 * its {@link RawConnections} pool for the next range to the same origin. Like every socket b2c
 * opens to B2 (network-guard.ts), it gives up on a connect that takes longer than `connectMs`; the
 * silence of a response is watched by its exchange (raw-exchange.ts), which knows when the
 * reader pauses on purpose.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { NetworkSilenceError, type NetworkTimeouts } from './network-guard.js';

/** Who reads a connection's bytes now: gives the memory for each read and takes what arrived. */
export interface ReadTarget {
  /** Memory for the next read (non-empty). */
  memory(): Uint8Array;
  /**
   * `n` bytes arrived at the start of `memory`: the last memory this target gave, or other memory
   * when the read was set up before the target came (the connection's spare). False: stop reading
   * until `resume`.
   */
  arrived(n: number, memory: Uint8Array): boolean;
  /** The connection failed or the peer closed it. */
  ended(error: Error): void;
}

/** Bytes of the read buffer used while no exchange reads (a peer should send nothing then). */
const SPARE_BYTES = 16 * 1024;

/** One keep-alive connection to an origin whose reads go to its current {@link ReadTarget}. */
export class RawConnection {
  private socket: Socket | null = null;
  private target: ReadTarget | null = null;
  private readonly spare = Buffer.allocUnsafe(SPARE_BYTES);
  private closed: Error | null = null;
  /** Exchanges this connection has carried to their end (0: fresh). */
  exchanges = 0;

  /** @internal made by {@link RawConnections} */
  constructor(
    readonly origin: string,
    readonly hostHeader: string,
  ) {}

  /** @internal the socket, once connected, with its events routed here */
  attach(socket: Socket): void {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('error', (e) => this.end(e));
    socket.on('end', () => this.end(reset('the server closed the connection')));
    socket.on('close', () => this.end(reset('the connection closed')));
  }

  /** @internal the `onread` memory of the socket */
  memory(): Uint8Array {
    return this.target?.memory() ?? this.spare;
  }

  /** @internal the `onread` callback of the socket */
  arrived(n: number, memory: Uint8Array): boolean {
    const target = this.target;
    if (target === null) {
      // Bytes nobody asked for: the connection cannot be trusted with another exchange.
      this.socket?.destroy();
      return false;
    }
    return target.arrived(n, memory);
  }

  /** True while the connection can carry an exchange. */
  get usable(): boolean {
    return this.closed === null && this.socket !== null && !this.socket.destroyed;
  }

  /** Sends `head` (a request without a body) and routes the answer's bytes to `target`. */
  send(head: string, target: ReadTarget): void {
    this.target = target;
    const socket = this.socket;
    if (this.closed !== null || socket === null) {
      const e = this.closed ?? reset('the connection closed');
      queueMicrotask(() => target.ended(e));
      return;
    }
    // Busy connections keep the process alive; idle ones in the pool do not.
    socket.ref();
    socket.write(head, 'latin1');
    socket.resume();
  }

  /**
   * Writes part of a request body; `done` runs once the bytes left for the kernel. False: wait for
   * {@link drained} before writing more.
   */
  write(chunk: Buffer, done: () => void): boolean {
    const socket = this.socket;
    if (socket === null || !this.usable) return true;
    return socket.write(chunk, (e) => {
      if (e === null || e === undefined) done();
    });
  }

  /** Resolves once the socket takes more (or is closed). */
  drained(): Promise<void> {
    const socket = this.socket;
    if (socket === null || !this.usable) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.once('drain', done);
      socket.once('close', done);
    });
  }

  /** Reading resumes after an `arrived` that returned false. */
  resume(): void {
    if (this.usable) this.socket?.resume();
  }

  /** The exchange is over; the connection is idle again (or closed, when `reusable` is false). */
  release(reusable: boolean): void {
    this.target = null;
    if (!reusable) {
      this.destroy();
      return;
    }
    this.exchanges++;
    this.socket?.unref();
  }

  /** Closes the connection (a current exchange hears that it closed). */
  destroy(): void {
    this.socket?.destroy();
  }

  private end(error: Error): void {
    this.closed ??= error;
    const target = this.target;
    this.target = null;
    target?.ended(error);
  }
}

/** A network failure with the code retry.ts treats as a dropped connection. */
function reset(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}

/** The idle connections of one B2 session, by origin, for range downloads (see the module comment). */
export class RawConnections {
  private readonly idle = new Map<string, RawConnection[]>();
  private readonly open = new Set<RawConnection>();
  private destroyed = false;

  /**
   * @param extraCa a certificate authority trusted besides the system's (tests: a server with a
   *   certificate of their own)
   */
  constructor(
    private readonly timeouts: NetworkTimeouts,
    private readonly extraCa?: string,
  ) {}

  /**
   * An idle connection to `url`'s origin (unless `fresh`), or a new one once connected.
   * @throws NetworkSilenceError (no connection within `connectMs`), the socket's error
   *   (ECONNREFUSED, a TLS failure, …), AbortError when `signal` fires first
   */
  async take(url: URL, signal?: AbortSignal, fresh = false): Promise<RawConnection> {
    const pool = fresh ? undefined : this.idle.get(url.origin);
    for (let c = pool?.pop(); c !== undefined; c = pool?.pop()) if (c.usable) return c;
    return this.connect(url, signal);
  }

  /** Puts an idle connection back for the next exchange (a closed one is dropped). */
  give(c: RawConnection): void {
    if (this.destroyed || !c.usable) {
      c.destroy();
      this.open.delete(c);
      return;
    }
    const pool = this.idle.get(c.origin) ?? [];
    pool.push(c);
    this.idle.set(c.origin, pool);
  }

  /** Closes every connection (the session is done). */
  destroy(): void {
    this.destroyed = true;
    for (const c of this.open) c.destroy();
    this.open.clear();
    this.idle.clear();
  }

  private async connect(url: URL, signal?: AbortSignal): Promise<RawConnection> {
    const tls = url.protocol === 'https:';
    const port = Number(url.port || (tls ? 443 : 80));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const hostHeader = url.host;
    const c = new RawConnection(url.origin, hostHeader);
    const onread = {
      buffer: (): Uint8Array => c.memory(),
      callback: (n: number, memory: Uint8Array): boolean => c.arrived(n, memory),
    };
    // node:tls only for https: loading it costs start-up time a plain endpoint never needs.
    const socket: Socket = tls
      ? await tlsConnect(host, port, onread, this.extraCa)
      : netConnect({ host, port, onread });
    this.open.add(c);
    socket.once('close', () => this.open.delete(c));
    try {
      await connected(socket, tls, `${host}:${port}`, this.timeouts.connectMs, signal);
    } catch (e) {
      socket.destroy();
      this.open.delete(c);
      throw e;
    }
    if (this.destroyed) {
      socket.destroy();
      throw Object.assign(new Error('the session was closed'), { name: 'AbortError' });
    }
    c.attach(socket);
    return c;
  }
}

/** A TLS connection read through `onread`; node:tls only loaded here (start-up time, see above). */
async function tlsConnect(host: string, port: number, onread: object, extraCa?: string): Promise<Socket> {
  const tls = await import('node:tls');
  return tls.connect({
    host,
    port,
    ...(isIp(host) ? {} : { servername: host }),
    ...(extraCa !== undefined ? { ca: [...tls.rootCertificates, extraCa] } : {}),
    // tls.connect takes `onread` as net.connect does (Node ≥ 14); @types/node leaves it out.
    ...({ onread } as object),
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

/** Resolves once `socket` is connected (and, for TLS, its handshake done). */
function connected(socket: Socket, tls: boolean, host: string, connectMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (e?: Error): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off(tls ? 'secureConnect' : 'connect', onConnect);
      socket.off('error', done);
      if (e === undefined) resolve();
      else reject(e);
    };
    const onConnect = (): void => done();
    const onAbort = (): void => done(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    const timer = setTimeout(() => done(new NetworkSilenceError(host, connectMs, 'connect')), connectMs);
    socket.once(tls ? 'secureConnect' : 'connect', onConnect);
    socket.once('error', done);
    if (signal?.aborted === true) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
