/**
 * The plain HTTP exchanges with B2 that do not go through backblaze-b2: sign-in, the JSON calls
 * the library lacks, and downloads. node:http(s) rather than fetch, for three reasons:
 * - every socket comes from the caller's guarded agent (network-guard.ts: connect and silence
 *   bounds); fetch has no idle timeout and cannot take a node:http agent;
 * - fetch refuses the "bad ports" of the WHATWG spec (1, 9, 21, …) with an error carrying no
 *   code, which looked like a flaky network and was retried with backoff for 10 s;
 * - measured on a 256 MiB file from the built-in server, undici's fetch body (web ReadableStream
 *   → async iterator) costs about a third more CPU per byte than an IncomingMessage read by
 *   'data' events (0.38–0.46 s vs 0.27–0.32 s), and on a 2-core machine that CPU is the
 *   download's speed.
 * Like fetch, this gives a streaming body, AbortSignal support and errors that never carry the
 * request's headers (the Authorization token).
 */
import { request as httpRequest, type Agent, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { errorFromBody } from './call-error.js';
import { releaseSilenceWatch, silenceOf } from './network-guard.js';

/** A response with an OK (2xx) status whose body has not been read yet. */
export interface HttpResponse {
  status: number;
  /** First value of a response header (name in any case), or null. */
  header(name: string): string | null;
  /** The body, paused until someone reads it; destroy it when not reading to the end. */
  body: IncomingMessage;
}

/** What one request sends. `headers` may hold the Authorization token: never log them. */
export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  /** Without user-info (`user:pass@`): B2 authenticates with its own Authorization header. */
  url: string;
  headers: Record<string, string>;
  /** Request body (POST). */
  body?: string;
  /** The guarded agent (network-guard.ts) for the URL's scheme. */
  agent: Agent;
  signal?: AbortSignal;
  /**
   * The caller watches the body's silence itself (downloads, whose consumer may pause): the
   * socket's silence watch stops once the headers are in. Otherwise it runs until the body ends.
   */
  watchBodyItself?: boolean;
}

/** Largest error body read for its JSON `{status, code, message}` (B2's are a few hundred bytes). */
const MAX_ERROR_BODY = 64 * 1024;

function headerOf(res: IncomingMessage, name: string): string | null {
  const v = res.headers[name.toLowerCase()];
  if (v === undefined) return null;
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

/** Reads a whole body (at most `limit` bytes are kept). Rejects when the body breaks off. */
function readBody(res: IncomingMessage, limit = Infinity): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    res.on('data', (c: Buffer) => {
      bytes += c.length;
      if (bytes <= limit) chunks.push(c);
    });
    res.once('end', () => resolve(Buffer.concat(chunks)));
    // A body cut off by the silence timer errors as a plain "aborted": report the silence.
    res.once('error', (e) => reject(silenceOf(res.socket) ?? e));
    res.resume();
  });
}

/** Reads a (small) error body and parses it as JSON; null when it is not JSON or breaks off. */
async function readErrorBody(res: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse((await readBody(res, MAX_ERROR_BODY)).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/**
 * Reads an OK response's body as JSON; null when it is not JSON.
 * @throws the network error that cut the body off (a NetworkSilenceError on silence)
 */
export async function readJson(res: HttpResponse): Promise<unknown> {
  const text = (await readBody(res.body)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Sends one request and resolves once the response headers are in.
 * @throws B2CallError for a non-2xx status (from B2's JSON error body; HEAD has none); Node's
 * network errors (ECONNRESET, ECONNREFUSED, NetworkSilenceError, …) and AbortError as they come,
 * for toCallError.
 */
export function sendHttp(req: HttpRequest): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const url = new URL(req.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers =
      req.body === undefined ? req.headers : { ...req.headers, 'Content-Length': String(Buffer.byteLength(req.body)) };
    const outgoing = send(url, { method: req.method, headers, agent: req.agent, signal: req.signal }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        res.pause();
        if (req.watchBodyItself === true) releaseSilenceWatch(res.socket);
        resolve({ status, header: (name) => headerOf(res, name), body: res });
        return;
      }
      const retryAfter = headerOf(res, 'retry-after');
      if (req.method === 'HEAD') {
        res.resume();
        reject(errorFromBody(status, null, retryAfter));
        return;
      }
      void readErrorBody(res).then((body) => reject(errorFromBody(status, body, retryAfter)));
    });
    outgoing.once('error', reject);
    outgoing.end(req.body);
  });
}
