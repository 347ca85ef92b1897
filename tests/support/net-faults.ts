/**
 * Network faults as real sockets on 127.0.0.1, for the "no unbounded wait" tests:
 * - a black hole: accepts TCP connections and never sends a byte;
 * - a listener that never accepts: its queue is full, so the kernel drops new SYNs and a connect
 *   never completes (a firewall that drops packets, a host that is down);
 * - a stall proxy in front of the built-in B2 server that forwards everything, rewrites the
 *   URLs in JSON answers so every later request (API, uploads, downloads) goes through it,
 *   and holds chosen requests: it never answers them (`request`), stops reading their body after
 *   some bytes (`request-body`, an upload), or stops sending the answer's body after some bytes
 *   (`response-body`, a download). Held connections stay open until `close()`.
 */
import {
  createServer as createHttpServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { spawn } from 'node:child_process';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A server that listens on 127.0.0.1 (port 0). */
export interface FaultServer {
  /** `http://127.0.0.1:PORT`. */
  endpoint: string;
  close(): Promise<void>;
}

/** Accepts TCP and never answers. */
export async function startBlackHole(): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A port whose connections never complete: a python3 process listens with a backlog of 0, never
 * accepts, and fills the queue itself, so the kernel drops every further SYN. (Node's listeners
 * always accept, so this one is another process; python3 ships with Debian, and .ci/run checks.)
 */
export async function startUnacceptingListener(): Promise<FaultServer> {
  const script = [
    'import socket, sys, time',
    "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(0)",
    'port = s.getsockname()[1]',
    'held = []',
    'for i in range(3):',
    '    c = socket.socket(); c.setblocking(False)',
    "    try: c.connect(('127.0.0.1', port))",
    '    except BlockingIOError: pass',
    '    held.append(c)',
    'print(port, flush=True)',
    'sys.stdin.read()',
  ].join('\n');
  const child = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin.end();
      await exited;
    },
  };
}

/** Which requests the proxy holds, and where. */
export interface StallRule {
  /** Request path (with query) and method → hold this one? */
  match(path: string, method: string): boolean;
  /** `strip-range`: not a hold — the request goes upstream without its Range header. */
  at: 'request' | 'request-body' | 'response-body' | 'strip-range';
  /** Body bytes let through before the hold (`request-body`, `response-body`; default 0). */
  afterBytes?: number;
  /** How many matching requests to hold (default: all of them). */
  times?: number;
  /** `request` only: forward the held requests once this resolves (default: never). */
  release?: Promise<void>;
}

export interface StallProxy extends FaultServer {
  /** Paths of the requests held so far, in order. */
  held: string[];
  /** Their X-Bz-File-Name headers (uploads), decoded, in the same order ('' when absent). */
  heldFileNames: string[];
  /** Resolves at the first hold. */
  firstHold: Promise<void>;
  /** TCP connections the proxy has accepted so far. */
  connections(): number;
}

/** Starts the proxy for `upstream` (the built-in server's endpoint). */
export async function startStallProxy(upstream: string, rule: StallRule): Promise<StallProxy> {
  const up = new URL(upstream);
  const held: string[] = [];
  const heldFileNames: string[] = [];
  const open = new Set<Socket>();
  let accepted = 0;
  let endpoint = '';
  let markHeld: () => void = () => undefined;
  const firstHold = new Promise<void>((resolve) => (markHeld = resolve));
  const hold = (path: string, fileName: string | string[] | undefined): void => {
    held.push(path);
    heldFileNames.push(typeof fileName === 'string' ? decodeURIComponent(fileName) : '');
    markHeld();
  };

  const forward = (res: ServerResponse, status: number, headers: IncomingHttpHeaders, body: Buffer): void => {
    const out: IncomingHttpHeaders = { ...headers, 'content-length': String(body.length) };
    delete out['transfer-encoding'];
    res.writeHead(status, out);
    res.end(body);
  };

  const server = createHttpServer((req, res) => {
    const path = req.url ?? '/';
    const method = req.method ?? 'GET';
    const stall = rule.match(path, method) && (rule.times === undefined || held.length < rule.times);
    const after = rule.afterBytes ?? 0;
    if (stall && rule.at === 'request') {
      hold(path, req.headers['x-bz-file-name']);
      if (rule.release === undefined) req.resume();
      else void rule.release.then(() => forwardRequest(req, res, path, method, false));
      return;
    }
    if (stall && rule.at === 'request-body') {
      // Read `after` bytes of the upload, then stop reading: the client's writes back up.
      hold(path, req.headers['x-bz-file-name']);
      let seen = 0;
      const onData = (c: Buffer): void => {
        seen += c.length;
        if (seen < after) return;
        req.pause();
        req.off('data', onData);
      };
      if (after === 0) req.pause();
      else req.on('data', onData);
      return;
    }
    forwardRequest(req, res, path, method, stall && rule.at === 'response-body');
  });

  /** Forwards one request upstream; `holdBody`: stop the answer's body after `afterBytes`. */
  function forwardRequest(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    method: string,
    holdBody: boolean,
  ): void {
    const after = rule.afterBytes ?? 0;
    const headers = { ...req.headers, host: up.host };
    if (rule.at === 'strip-range' && rule.match(path, method)) {
      hold(path, undefined);
      delete headers.range;
    }
    const upstreamReq = request({ host: up.hostname, port: up.port, path, method, headers }, (upRes) => {
      const status = upRes.statusCode ?? 502;
      if (String(upRes.headers['content-type']).startsWith('application/json')) {
        // Answers carry URLs (apiUrl, downloadUrl, uploadUrl): send those through the proxy too.
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () =>
          forward(
            res,
            status,
            upRes.headers,
            Buffer.from(Buffer.concat(chunks).toString('utf8').split(upstream).join(endpoint)),
          ),
        );
        return;
      }
      res.writeHead(status, upRes.headers);
      if (!holdBody) {
        upRes.pipe(res);
        return;
      }
      let sent = 0;
      let holding = false;
      upRes.on('data', (chunk: Buffer) => {
        if (holding) return;
        const part = chunk.subarray(0, Math.max(0, Math.min(chunk.length, after - sent)));
        sent += part.length;
        if (part.length > 0) res.write(part);
        if (sent >= after) {
          holding = true;
          upRes.pause();
          hold(path, undefined);
        }
      });
    });
    upstreamReq.on('error', () => res.destroy());
    res.on('close', () => upstreamReq.destroy());
    req.pipe(upstreamReq);
  }
  server.on('connection', (s: Socket) => {
    accepted++;
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    held,
    heldFileNames,
    firstHold,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** True for a file download (by name or by ID): what a proxy holds to catch a transfer in flight. */
export function isDownload(path: string): boolean {
  return path.startsWith('/file/') || path.includes('b2_download_file_by_id');
}

/** The network bound the "no unbounded wait" tests set (B2C_NETWORK_TIMEOUT), in seconds. */
export const SHORT_NETWORK_TIMEOUT_S = 0.5;

/**
 * How long a command may take against a silent server with that bound: 2 silent tries and the
 * backoff between them (at most 1.5 s), plus starting node and signing in on a busy machine.
 */
export const SHORT_NETWORK_BOUND_MS = 2 * SHORT_NETWORK_TIMEOUT_S * 1000 + 1500 + 4000;

/** Runs `body`, resolving with its result and how long it took in ms. */
export async function timed<T extends object>(body: () => Promise<T>): Promise<T & { ms: number }> {
  const started = performance.now();
  const result = await body();
  return { ...result, ms: performance.now() - started };
}
