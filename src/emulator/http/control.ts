/**
 * Test-control endpoints for servers running in another process. Both need Basic auth with the
 * master key (`masterKeyId:masterKey`):
 *
 * - `POST /_emulator/faults` with a JSON {@link FaultOptions} body replaces the fault settings
 *   (and restarts the PRNG from `seed`); answers `{"faults": …}`. `GET` returns the current ones.
 * - `POST /_emulator/expire-tokens` marks every account and upload token expired; answers `{}`.
 * - `POST /_emulator/reserve-memory` with `{"bytes": N}` touches N bytes of memory for the next
 *   uploads (in-memory store only: MemoryBlobStore.reserve); answers `{"reserved": N}`.
 * - `GET /_emulator/stats` answers the {@link RefusalStats}: how many 401 `unauthorized` answers
 *   signed-in calls got (in all, per key ID, per endpoint) and how many sign-ins were rejected.
 *
 * Errors use the B2 error body: 401 unauthorized for bad credentials, 404 for unknown paths.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { B2Error, badRequest, notFound } from './errors.js';
import type { FaultOptions } from '../faults/faults.js';
import type { RefusalStats } from '../auth/refusals.js';
import { header, parseJsonObject, readText, sendJson } from './http-util.js';
import type { EmulatorState } from '../state.js';

function checkMaster(state: EmulatorState, req: IncomingMessage): void {
  const m = /^Basic\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
  const expected = Buffer.from(`${state.store.meta.masterKeyId}:${state.store.meta.masterKey}`);
  const given = Buffer.from(m?.[1] ? Buffer.from(m[1], 'base64').toString('utf8') : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new B2Error(401, 'unauthorized', 'Control endpoints need Basic auth with the master key');
  }
}

function parseFaults(body: Record<string, unknown>): FaultOptions {
  const out: FaultOptions = {};
  const num = (k: keyof FaultOptions): number | undefined => {
    const v = body[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw badRequest(`${k} must be a number`);
    return v;
  };
  out.seed = num('seed');
  out.uploadFailureRate = num('uploadFailureRate');
  out.tooManyRequestsRate = num('tooManyRequestsRate');
  out.retryAfterSeconds = num('retryAfterSeconds');
  out.expireTokenRate = num('expireTokenRate');
  out.dropConnectionRate = num('dropConnectionRate');
  out.uploadBytesPerSecond = num('uploadBytesPerSecond');
  if (body.only !== undefined && body.only !== null) {
    if (!Array.isArray(body.only) || body.only.some((x) => typeof x !== 'string'))
      throw badRequest('only must be an array of strings');
    out.only = body.only as string[];
  }
  return out;
}

/** Handles `/_emulator/*`. */
export async function handleControl(
  state: EmulatorState,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  checkMaster(state, req);
  if (path === '/_emulator/faults' && req.method === 'GET') {
    sendJson(res, 200, { faults: state.faults.get() });
    return;
  }
  if (path === '/_emulator/faults' && req.method === 'POST') {
    state.faults.set(parseFaults(parseJsonObject(await readText(req))));
    sendJson(res, 200, { faults: state.faults.get() });
    return;
  }
  if (path === '/_emulator/stats' && req.method === 'GET') {
    const stats: RefusalStats = state.refusals.get();
    sendJson(res, 200, stats);
    return;
  }
  if (path === '/_emulator/reserve-memory' && req.method === 'POST') {
    const bytes = parseJsonObject(await readText(req)).bytes;
    if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0 || bytes > 64 * 2 ** 30)
      throw badRequest('bytes must be a whole number from 0 to 64 GiB');
    const blobs = state.store.blobs;
    if (blobs.reserve === undefined) throw badRequest('Only the in-memory store can reserve memory');
    blobs.reserve(bytes);
    sendJson(res, 200, { reserved: bytes });
    return;
  }
  if (path === '/_emulator/expire-tokens' && req.method === 'POST') {
    state.tokens.expireAll();
    sendJson(res, 200, {});
    return;
  }
  throw notFound(`Unknown control endpoint ${path}`);
}
