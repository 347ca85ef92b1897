/**
 * Small HTTP helpers shared by every handler: JSON responses with B2's headers, error bodies,
 * and bounded JSON request bodies. Node's http server adds the `Date` header b2sdk's clock-skew
 * check needs (docs/b2-api.md §1.6) to every response by default.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { B2Error } from './errors.js';

const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_JSON_BODY = 4 * 1024 * 1024;

/** Sends a JSON body with B2's content type and no-cache headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': JSON_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'max-age=0, no-cache, no-store',
    ...headers,
  });
  res.end(text);
}

/** Sends `{status, code, message}`; HEAD requests get the status and headers only (as on B2). */
export function sendError(res: ServerResponse, err: B2Error, head: boolean): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = { ...err.headers };
  if (head) {
    res.writeHead(err.status, { 'Cache-Control': 'max-age=0, no-cache, no-store', ...headers });
    res.end();
    return;
  }
  sendJson(res, err.status, { status: err.status, code: err.code, message: err.message }, headers);
}

/** Reads the whole (small) request body as text. Throws 400 bad_request when it is too big. */
export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_JSON_BODY) throw new B2Error(400, 'bad_request', 'request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a JSON object body. An empty body counts as `{}` (b2sdk POSTs `{}` or nothing to
 * authorize). Malformed JSON or a non-object gives 400 bad_json.
 */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new B2Error(400, 'bad_json', 'Invalid JSON in request body');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new B2Error(400, 'bad_json', 'Request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** One header's value as a string (first one when repeated). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
