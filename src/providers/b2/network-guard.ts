/**
 * No unbounded wait on the network: every socket b2c opens to B2 (API calls, uploads, downloads,
 * sign-in) comes from one of these agents, which give up on a connection that takes longer than
 * `connectMs` to establish or that carries no byte in either direction for `idleMs` while a
 * request is using it. The socket is then destroyed with a {@link NetworkSilenceError}, which the
 * request sees as its failure (and retry.ts counts: a call meets silence at most
 * `maxSilentTries` times before it fails as "unreachable").
 *
 * Why watch sockets and not time requests: axios's `timeout` is a wall clock until the response
 * headers (a 100 MB part on a slow line would hit it while bytes still flow), fetch has no idle
 * timeout at all, and a socket's byte counters cover every phase — connecting, sending a body
 * the server stopped reading, waiting for headers, reading a JSON body — with one rule.
 * Download bodies are the exception: their consumer may stop reading on purpose, so
 * download-stream.ts watches them itself and releases the socket ({@link releaseSilenceWatch}).
 */
import { Agent as HttpAgent, type ClientRequest, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { RawConnections } from './raw-connection.js';

/** How long b2c waits on the network, in ms. */
export interface NetworkTimeouts {
  /** Longest a TCP (and TLS) connection may take to be established. */
  connectMs: number;
  /** Longest a request may go without a byte in either direction. */
  idleMs: number;
}

/** The documented bounds (README, "Network timeouts"): 10 s to connect, 30 s of silence. */
export const DEFAULT_TIMEOUTS: NetworkTimeouts = { connectMs: 10_000, idleMs: 30_000 };

/** The environment variable that shortens (or lengthens) the silence bound, in seconds. */
export const TIMEOUT_ENV = 'B2C_NETWORK_TIMEOUT';

/**
 * The timeouts for this process: the defaults, or `B2C_NETWORK_TIMEOUT` seconds of silence
 * (a positive number, fractions allowed; the connect bound is never longer than it).
 * Anything else in the variable is ignored.
 */
export function timeoutsFromEnv(env: Record<string, string | undefined>): NetworkTimeouts {
  const raw = env[TIMEOUT_ENV]?.trim();
  const seconds = raw !== undefined && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds > 0)) return { ...DEFAULT_TIMEOUTS };
  const idleMs = Math.max(1, Math.round(seconds * 1000));
  return { idleMs, connectMs: Math.min(DEFAULT_TIMEOUTS.connectMs, idleMs) };
}

/** "30 s", "0.5 s": a duration in the units the README states the bound in. */
export function formatWait(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(1))} s`;
}

/** "tried once", "tried 2 times": how often a call met the network before it gave up. */
export function triedTimes(n: number): string {
  return n === 1 ? 'tried once' : `tried ${n} times`;
}

/**
 * A request got no byte for too long (`phase: 'idle'`) or could not connect in time
 * (`phase: 'connect'`). `code` is ETIMEDOUT so that generic network handling treats it as a
 * network failure. Carries no URL path, header or token: only `host:port`.
 */
export class NetworkSilenceError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly host: string,
    readonly waitedMs: number,
    readonly phase: 'connect' | 'idle',
  ) {
    super(
      phase === 'connect'
        ? `could not connect to ${host} within ${formatWait(waitedMs)}`
        : `no data from ${host} for ${formatWait(waitedMs)}`,
    );
    this.name = 'NetworkSilenceError';
  }
}

/** Sockets this module destroyed for silence, so a wrapped error that lost its cause is still recognised. */
const silenced = new WeakMap<object, NetworkSilenceError>();

/** The NetworkSilenceError `socket` was destroyed with, or null. */
export function silenceOf(socket: object | null | undefined): NetworkSilenceError | null {
  return socket === null || socket === undefined ? null : (silenced.get(socket) ?? null);
}

/**
 * Finds the NetworkSilenceError behind `e`: in `e` or its causes (axios wraps errors), or through
 * the socket of the request an axios error names (axios reports a response body cut off by the
 * timer as "stream has been aborted", without the cause).
 */
export function findSilence(e: unknown): NetworkSilenceError | null {
  let cur: unknown = e;
  for (let depth = 0; depth < 6 && typeof cur === 'object' && cur !== null; depth++) {
    if (cur instanceof NetworkSilenceError) return cur;
    const socket = (cur as { request?: { socket?: unknown } }).request?.socket;
    const viaSocket = typeof socket === 'object' && socket !== null ? silenced.get(socket) : undefined;
    if (viaSocket !== undefined) return viaSocket;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Stops watching the socket under a response whose body the caller watches itself (downloads,
 * whose consumer may pause on purpose). The watch resumes when the agent reuses the socket.
 */
export function releaseSilenceWatch(socket: Duplex | null | undefined): void {
  if (socket) watchOf.get(socket)?.resting(socket, true);
}

/** One socket's watch: when its byte counters last moved, and whether anyone waits on it. */
interface Watched {
  bytes: number;
  since: number;
  /** Idle in the agent's pool, or released by a caller that watches the body itself. */
  resting: boolean;
  timer: NodeJS.Timeout;
}

/**
 * What both agent classes share. A socket counts as silent when neither `bytesRead` nor
 * `bytesWritten` moved for the bound while a request uses it (`bytesWritten` includes bytes
 * still queued in Node, so a body the server stopped reading stops it too). A timer polls the
 * counters instead of `socket.setTimeout`, because axios resets every request socket's timeout
 * to 0 when it has no wall-clock `timeout` of its own.
 */
class SocketWatch {
  private readonly watched = new WeakMap<Duplex, Watched>();
  private readonly tickMs: number;

  constructor(private readonly t: NetworkTimeouts) {
    this.tickMs = Math.min(1000, Math.max(10, Math.floor(Math.min(t.connectMs, t.idleMs) / 10)));
  }

  /** A new socket, about to carry a request. */
  created(socket: Duplex, options: ClientRequestArgs): void {
    const net = socket as Socket;
    const host = `${options.host ?? options.hostname ?? 'localhost'}:${String(options.port ?? '')}`.replace(/:$/, '');
    const w: Watched = {
      bytes: 0,
      since: performance.now(),
      resting: false,
      timer: setInterval(() => this.check(net, host, w), this.tickMs),
    };
    w.timer.unref();
    this.watched.set(socket, w);
    net.once('close', () => clearInterval(w.timer));
  }

  private check(net: Socket, host: string, w: Watched): void {
    const now = performance.now();
    const bytes = net.bytesRead + net.bytesWritten;
    if (w.resting || bytes !== w.bytes) {
      w.bytes = bytes;
      w.since = now;
      return;
    }
    const connecting = net.connecting;
    const limit = connecting ? this.t.connectMs : this.t.idleMs;
    if (now - w.since < limit) return;
    clearInterval(w.timer);
    const error = new NetworkSilenceError(host, limit, connecting ? 'connect' : 'idle');
    silenced.set(net, error);
    net.destroy(error);
  }

  /** The socket rests (pooled, or its body is watched by the caller) or works again. */
  resting(socket: Duplex, resting: boolean): void {
    const w = this.watched.get(socket);
    if (w === undefined) return;
    w.resting = resting;
    w.since = performance.now();
  }
}

/** The watch of every guarded agent's sockets, for {@link releaseSilenceWatch}. */
const watchOf = new WeakMap<Duplex, SocketWatch>();

/**
 * Puts `agent`'s sockets under a {@link SocketWatch}: one function for the plain and the TLS
 * agent (HttpsAgent inherits these three hooks from HttpAgent), rather than two subclasses that
 * say the same thing.
 */
function guarded<A extends HttpAgent>(agent: A, t: NetworkTimeouts): A {
  const watch = new SocketWatch(t);
  const createConnection = agent.createConnection.bind(agent);
  const keepSocketAlive = agent.keepSocketAlive.bind(agent);
  const reuseSocket = agent.reuseSocket.bind(agent);
  agent.createConnection = (
    options: ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined => {
    const socket = createConnection(options, callback);
    if (socket) {
      watch.created(socket, options);
      watchOf.set(socket, watch);
    }
    return socket;
  };
  agent.keepSocketAlive = (socket: Duplex): void => {
    watch.resting(socket, true);
    // Node reads the answer (false: destroy the socket), which @types/node declares as void.
    return keepSocketAlive(socket);
  };
  agent.reuseSocket = (socket: Duplex, request: ClientRequest): void => {
    reuseSocket(socket, request);
    watch.resting(socket, false);
  };
  return agent;
}

/**
 * The two agents of one connection to B2 (plain and TLS), with the same bounds. Each is made at
 * its first use: the TLS one loads Node's https and tls (≈ 20 ms of start-up), which a plain
 * http endpoint such as the built-in server never needs (bench/README.md, "Start-up").
 */
export class GuardedAgents {
  #http: HttpAgent | undefined;
  #https: HttpsAgent | undefined;
  #raw: RawConnections | undefined;

  constructor(readonly timeouts: NetworkTimeouts) {}

  /** The agent for plain http URLs. */
  get http(): HttpAgent {
    return (this.#http ??= guarded(new HttpAgent({ keepAlive: true }), this.timeouts));
  }

  /** The agent for https URLs. */
  get https(): HttpsAgent {
    return (this.#https ??= guarded(new HttpsAgent({ keepAlive: true }), this.timeouts));
  }

  /** Connections for ranges received in place (raw-connection.ts), with the same connect bound. */
  get raw(): RawConnections {
    return (this.#raw ??= new RawConnections(this.timeouts));
  }

  /** The agent for a URL's scheme. */
  for(url: URL): HttpAgent {
    return url.protocol === 'https:' ? this.https : this.http;
  }

  /** The axios options that route a backblaze-b2 request through these agents. */
  get axios(): { httpAgent: HttpAgent; httpsAgent: HttpsAgent } {
    return { httpAgent: this.http, httpsAgent: this.https };
  }

  /** Closes every pooled socket (the provider is done). */
  destroy(): void {
    this.#http?.destroy();
    this.#https?.destroy();
    this.#raw?.destroy();
  }
}
