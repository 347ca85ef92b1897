/**
 * b2_get_file_info, b2_hide_file, b2_delete_file_version: shapes, unhiding, error codes.
 */
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { b2Client, call, type Json, ok, put, useBucketEmulator } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;

useBucketEmulator('files-bucket', (setup) => {
  ({ emu, token: t, bucketId } = setup);
});

const dl = (name: string) => fetch(`${emu.endpoint}/file/files-bucket/${name}`, { headers: { Authorization: t } });
const listNames = async (): Promise<string[]> =>
  (await ok(emu, t, 'b2_list_file_names', { bucketId })).files.map((f: Json) => f.fileName as string);

describe('file operations', () => {
  test('get_file_info returns the version; unknown id → 404 not_found; malformed → 400', async () => {
    const f = await put(emu, t, bucketId, 'info.txt', 'info', { 'X-Bz-Info-color': 'blue' });
    const info = await ok(emu, t, 'b2_get_file_info', { fileId: f.fileId });
    expect(info).toEqual(f);
    const missing = await call(emu, t, 'b2_get_file_info', { fileId: `${f.fileId}9` });
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
    expect((await call(emu, t, 'b2_get_file_info', { fileId: 'nonsense' })).status).toBe(400);
    const b2 = await b2Client(emu);
    expect((await b2.getFileInfo({ fileId: f.fileId })).data.fileInfo).toEqual({ color: 'blue' });
  });

  test('hide_file adds a hide marker: name leaves list_file_names, downloads 404, versions show it', async () => {
    await put(emu, t, bucketId, 'hide.txt', 'h');
    const hidden = await ok(emu, t, 'b2_hide_file', { bucketId, fileName: 'hide.txt' });
    expect(hidden).toMatchObject({
      action: 'hide',
      fileName: 'hide.txt',
      bucketId,
      accountId: emu.accountId,
      contentLength: 0,
    });
    expect(await listNames()).not.toContain('hide.txt');
    expect((await dl('hide.txt')).status).toBe(404);
    const v = await ok(emu, t, 'b2_list_file_versions', { bucketId, prefix: 'hide.txt' });
    expect(v.files.map((f: Json) => f.action)).toEqual(['hide', 'upload']);
    const info = await ok(emu, t, 'b2_get_file_info', { fileId: hidden.fileId });
    expect(info.action).toBe('hide');
  });

  test('hide_file twice → 400 already_hidden; unknown name → 400 no_such_file', async () => {
    await put(emu, t, bucketId, 'twice.txt', 't');
    await ok(emu, t, 'b2_hide_file', { bucketId, fileName: 'twice.txt' });
    const again = await call(emu, t, 'b2_hide_file', { bucketId, fileName: 'twice.txt' });
    expect([again.status, again.body.code]).toEqual([400, 'already_hidden']);
    const none = await call(emu, t, 'b2_hide_file', { bucketId, fileName: 'never-uploaded.txt' });
    expect([none.status, none.body.code]).toEqual([400, 'no_such_file']);
  });

  test('v1 hide_file answers without bucketId', async () => {
    await put(emu, t, bucketId, 'v1hide.txt', 'x');
    const r = await ok(emu, t, 'b2_hide_file', { bucketId, fileName: 'v1hide.txt' }, 1);
    expect(r).not.toHaveProperty('bucketId');
    expect(r.accountId).toBe(emu.accountId);
  });

  test('uploading again unhides; deleting the hide marker unhides too', async () => {
    await put(emu, t, bucketId, 'unhide.txt', 'one');
    await ok(emu, t, 'b2_hide_file', { bucketId, fileName: 'unhide.txt' });
    await put(emu, t, bucketId, 'unhide.txt', 'two');
    expect(await (await dl('unhide.txt')).text()).toBe('two');
    const marker = await ok(emu, t, 'b2_hide_file', { bucketId, fileName: 'unhide.txt' });
    expect((await dl('unhide.txt')).status).toBe(404);
    await ok(emu, t, 'b2_delete_file_version', { fileName: 'unhide.txt', fileId: marker.fileId });
    expect(await (await dl('unhide.txt')).text()).toBe('two');
  });

  test('delete_file_version removes one version; the previous one becomes current', async () => {
    await put(emu, t, bucketId, 'versions.txt', 'old');
    const newer = await put(emu, t, bucketId, 'versions.txt', 'new');
    const b2 = await b2Client(emu);
    const del = await b2.deleteFileVersion({ fileId: newer.fileId, fileName: 'versions.txt' });
    expect(del.data).toEqual({ fileId: newer.fileId, fileName: 'versions.txt' });
    expect(await (await dl('versions.txt')).text()).toBe('old');
  });

  test('delete_file_version with an unknown id or mismatched name → 400 file_not_present', async () => {
    const f = await put(emu, t, bucketId, 'keep.txt', 'k');
    const wrongName = await call(emu, t, 'b2_delete_file_version', { fileName: 'other.txt', fileId: f.fileId });
    expect([wrongName.status, wrongName.body.code]).toEqual([400, 'file_not_present']);
    const unknown = await call(emu, t, 'b2_delete_file_version', { fileName: 'keep.txt', fileId: `${f.fileId}1` });
    expect(unknown.body.code).toBe('file_not_present');
    expect((await call(emu, t, 'b2_delete_file_version', { fileName: 'keep.txt' })).body.code).toBe('bad_request');
  });

  test('delete_file_version of an unfinished large file cancels it (rclone cleanup relies on this)', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', { bucketId, fileName: 'pending.bin', contentType: 'text/plain' });
    await ok(emu, t, 'b2_delete_file_version', { fileName: 'pending.bin', fileId: s.fileId });
    const left = await ok(emu, t, 'b2_list_unfinished_large_files', { bucketId });
    expect(left.files).toEqual([]);
  });

  test('upload timestamps and file IDs are monotonic', async () => {
    const a = await put(emu, t, bucketId, 'mono.txt', 'a');
    const b = await put(emu, t, bucketId, 'mono.txt', 'b');
    expect(b.uploadTimestamp).toBeGreaterThanOrEqual(a.uploadTimestamp);
    expect(b.fileId > a.fileId).toBe(true);
  });
});
