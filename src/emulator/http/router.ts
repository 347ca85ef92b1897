/**
 * Request routing. Paths:
 *   /b2api/v{1-4}/b2_authorize_account            GET or POST, Basic auth
 *   /b2api/vN/b2_upload_file/BUCKET_ID/URL_ID       POST (upload URL)
 *   /b2api/vN/b2_upload_part/FILE_ID/URL_ID         POST (part upload URL)
 *   /b2api/vN/b2_download_file_by_id?fileId=…       GET, HEAD, POST
 *   /b2api/vN/<json endpoint>                       POST JSON or GET query (api-table.ts)
 *   /file/BUCKET/NAME                               GET, HEAD
 *   /_emulator/…                                    test control (control.ts)
 * The raw request target is parsed by hand: `new URL()` would resolve `.`/`..` segments, which
 * are legal inside B2 file names.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_HANDLERS } from './api-table.js';
import { authorizeAccount } from '../auth/authorize.js';
import { ConnectionDropped } from '../upload/body-sink.js';
import { handleControl } from './control.js';
import { downloadById, downloadByName } from '../download/download.js';
import { B2Error, expiredAuthToken, notFound } from './errors.js';
import { loadContentTypes } from '../api/names.js';
import { checkFaults, dropPoint, testModeOf } from '../faults/fault-gate.js';
import { header, parseJsonObject, readText, sendError, sendJson } from './http-util.js';
import { uploadPart } from '../upload/large-file-parts.js';
import type { ApiVersion } from '../store/model.js';
import { Params } from './params.js';
import { principalFor } from '../auth/principal.js';
import { noteCaller } from '../auth/refusals.js';
import type { ApiContext, EmulatorState } from '../state.js';
import { uploadFile } from '../upload/upload.js';

const API_PATH = /^\/b2api\/v([1-4])\/([A-Za-z0-9_]+)(?:\/([^/]+)\/([^/]+))?$/;

function methodNotAllowed(allowed: string): B2Error {
  return new B2Error(405, 'method_not_allowed', `Only ${allowed} is supported`);
}

/** Runs one JSON API call: token, faults, parameters, handler, response. */
async function jsonCall(
  state: EmulatorState,
  version: ApiVersion,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  // hasOwn: names like "constructor" must not reach Object.prototype.
  const handler = Object.hasOwn(API_HANDLERS, name) ? API_HANDLERS[name] : undefined;
  if (!handler) throw notFound(`Unknown API endpoint ${name}`);
  if (req.method !== 'POST' && req.method !== 'GET') throw methodNotAllowed('POST or GET');
  const testMode = testModeOf(req);
  checkFaults(state, name, testMode);
  const token = state.tokens.checkAccount(header(req, 'authorization'));
  noteCaller(req, token.keyId);
  if (state.faults.expireToken(name, testMode)) {
    token.expired = true;
    throw expiredAuthToken();
  }
  const params =
    req.method === 'GET'
      ? new Params(Object.fromEntries(query.entries()), true)
      : new Params(parseJsonObject(await readText(req)), false);
  const principal = principalFor(state.store, token.keyId);
  const ctx: ApiContext = {
    state,
    version,
    params,
    principal,
    token,
    shape: { version, accountId: state.store.meta.accountId, principal },
    req,
    res,
    testMode,
  };
  const body = await handler(ctx);
  sendJson(res, 200, body);
}

/** What the server answers while the demo's files are still being seeded: they touch no file. */
const ANSWERED_WHILE_SEEDING = new Set(['b2_authorize_account', 'b2_list_buckets']);

/** The calls that may name `b2/x-auto`, for which the MIME tables are loaded first (names.ts). */
const SETTING_CONTENT_TYPES = new Set(['b2_upload_file', 'b2_start_large_file', 'b2_copy_file']);

async function route(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const endpoint = endpointOf(path) ?? '';
  if (state.seeding !== null && !ANSWERED_WHILE_SEEDING.has(endpoint)) await state.seeding.done();
  if (SETTING_CONTENT_TYPES.has(endpoint)) await loadContentTypes();
  const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  const method = req.method ?? 'GET';
  if (path.startsWith('/_emulator/')) return handleControl(state, path, req, res);
  if (path.startsWith('/file/')) {
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed('GET or HEAD');
    const rest = path.slice('/file/'.length);
    const slash = rest.indexOf('/');
    if (slash <= 0 || slash === rest.length - 1) throw notFound('File not present');
    checkFaults(state, 'b2_download_file_by_name', testModeOf(req), req);
    const drop = dropPoint(state, 'b2_download_file_by_name');
    return downloadByName(state, rest.slice(0, slash), rest.slice(slash + 1), req, res, query, drop);
  }
  const m = API_PATH.exec(path);
  if (!m) throw notFound(`Unknown path ${path}`);
  const version = Number(m[1]) as ApiVersion;
  const name = m[2] ?? '';
  const [a, b] = [m[3], m[4]];
  const testMode = testModeOf(req);
  if (name === 'b2_authorize_account') {
    if (method !== 'GET' && method !== 'POST') throw methodNotAllowed('GET or POST');
    checkFaults(state, name, testMode);
    sendJson(res, 200, authorizeAccount(state, version, req));
    return;
  }
  if ((name === 'b2_upload_file' || name === 'b2_upload_part') && a !== undefined && b !== undefined) {
    if (method !== 'POST') throw methodNotAllowed('POST');
    checkFaults(state, name, testMode, req);
    const drop = dropPoint(state, name);
    if (name === 'b2_upload_file') return uploadFile(state, version, a, b, req, res, drop);
    return uploadPart(state, decodeURIComponent(a), b, req, res, drop);
  }
  if (a !== undefined) throw notFound(`Unknown path ${path}`);
  if (name === 'b2_download_file_by_id') {
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') throw methodNotAllowed('GET, HEAD or POST');
    checkFaults(state, name, testMode, req);
    return downloadById(state, req, res, query, dropPoint(state, name));
  }
  await jsonCall(state, version, name, req, res, query);
  // b2c --demo asks for the bucket list right after signing in: the demo's files may come now.
  if (name === 'b2_list_buckets') state.seeding?.open();
}

/** The endpoint a request path names (`b2_download_file_by_name` for `/file/…`), or null for control paths. */
function endpointOf(path: string): string | null {
  if (path.startsWith('/_emulator/')) return null;
  if (path.startsWith('/file/')) return 'b2_download_file_by_name';
  return API_PATH.exec(path)?.[2] ?? path;
}

/** Handles one request end to end, turning thrown B2Errors into B2 error responses. */
export async function handleRequest(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  try {
    await route(state, req, res);
  } catch (err) {
    if (err instanceof ConnectionDropped) {
      res.destroy();
    } else if (err instanceof B2Error) {
      const endpoint = endpointOf((req.url ?? '').split('?')[0] ?? '');
      if (err.status === 401 && err.code === 'unauthorized' && endpoint !== null) state.refusals.record(req, endpoint);
      sendError(res, err, req.method === 'HEAD');
    } else {
      state.log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      sendError(res, new B2Error(500, 'internal_error', 'internal error'), req.method === 'HEAD');
    }
  } finally {
    // Never log the query string: it may carry ?Authorization=<token>.
    const path = (req.url ?? '').split('?')[0] ?? '';
    state.log(`${req.method ?? '?'} ${path} ${res.statusCode} ${Date.now() - started}ms`);
  }
}
