/**
 * Wire-level behaviour shared by every endpoint: error body shape and content type, malformed
 * JSON, unknown endpoints and paths, methods, unknown fields, cache headers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { call, reply, start, tokenFor } from './helpers.js';

let emu: RunningEmulator;
let t: string;

beforeAll(async () => {
  emu = await start();
  t = await tokenFor(emu);
});
afterAll(() => emu.close());

const post = async (path: string, body: string) =>
  reply(await fetch(`${emu.endpoint}${path}`, { method: 'POST', headers: { Authorization: t }, body }));

describe('wire format', () => {
  test('errors are {status, code, message} JSON with the status repeated', async () => {
    const r = await call(emu, t, 'b2_get_file_info', { fileId: '4_znothing' });
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(r.body).sort()).toEqual(['code', 'message', 'status']);
    expect(r.body.status).toBe(r.status);
  });

  test('malformed JSON or a non-object body → 400 bad_json', async () => {
    for (const body of ['{not json', '[1,2]', '"text"']) {
      const r = await post('/b2api/v2/b2_list_buckets', body);
      expect([body, r.status, r.body.code]).toEqual([body, 400, 'bad_json']);
    }
  });

  test('unknown endpoints and paths → 404 not_found; other methods → 405', async () => {
    for (const name of ['b2_make_coffee', 'constructor', '__proto__', 'toString']) {
      expect((await post(`/b2api/v2/${name}`, '{}')).body).toMatchObject({ status: 404, code: 'not_found' });
    }
    expect((await reply(await fetch(`${emu.endpoint}/`))).status).toBe(404);
    expect((await reply(await fetch(`${emu.endpoint}/b2api/v9/b2_list_buckets`))).status).toBe(404);
    const put = await reply(
      await fetch(`${emu.endpoint}/b2api/v2/b2_list_buckets`, {
        method: 'PUT',
        headers: { Authorization: t },
        body: '{}',
      }),
    );
    expect([put.status, put.body.code]).toEqual([405, 'method_not_allowed']);
    const del = await reply(await fetch(`${emu.endpoint}/file/x/y`, { method: 'DELETE' }));
    expect(del.status).toBe(405);
  });

  test('unknown request fields are ignored; wrong field types → 400', async () => {
    const r = await call(emu, t, 'b2_list_buckets', { accountId: emu.accountId, someFutureField: { a: 1 } });
    expect(r.status).toBe(200);
    const bad = await call(emu, t, 'b2_list_buckets', { accountId: 42 });
    expect([bad.status, bad.body.code]).toEqual([400, 'bad_request']);
  });

  test('JSON responses are not cacheable', async () => {
    const r = await call(emu, t, 'b2_list_buckets', { accountId: emu.accountId });
    expect(r.headers.get('cache-control')).toBe('max-age=0, no-cache, no-store');
  });
});
