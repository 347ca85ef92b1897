/**
 * Content types and file info with control characters (issue 10, item 6): every write path that
 * sets them — b2_upload_file, b2_start_large_file, b2_copy_file with REPLACE — answers 400
 * bad_request and stores nothing, like names with control characters; and a download never
 * answers 500 for what is stored, even a content type written by an older version into --data.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { call, makeBucket, ok, put, start, tokenFor, upload, useBucketEmulator } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;

useBucketEmulator('control-bucket', (setup) => {
  ({ emu, token: t, bucketId } = setup);
});

const BAD_TYPES = ['text/\x1b[31m', 'text/plain\tx', 'a\x7fb'];
const BAD_INFO = [{ note: 'red\x1b[31m' }, { note: 'a\nb' }, { 'b2-content-disposition': 'inline\x07' }];

/** The names in the bucket, hidden or not, finished or not. */
async function stored(): Promise<string[]> {
  const files = (await ok(emu, t, 'b2_list_file_versions', { bucketId, maxFileCount: 1000 })).files as Array<{
    fileName: string;
  }>;
  const unfinished = (await ok(emu, t, 'b2_list_unfinished_large_files', { bucketId })).files as Array<{
    fileName: string;
  }>;
  return [...files, ...unfinished].map((f) => f.fileName).sort();
}

describe('control characters in metadata are refused at write time', () => {
  test('b2_start_large_file: 400 bad_request for a content type or file info value with them', async () => {
    for (const contentType of BAD_TYPES) {
      const r = await call(emu, t, 'b2_start_large_file', { bucketId, fileName: 'large-type', contentType });
      expect([JSON.stringify(contentType), r.status, r.body.code]).toEqual([
        JSON.stringify(contentType),
        400,
        'bad_request',
      ]);
    }
    for (const fileInfo of BAD_INFO) {
      const r = await call(emu, t, 'b2_start_large_file', {
        bucketId,
        fileName: 'large-info',
        contentType: 'text/plain',
        fileInfo,
      });
      expect([JSON.stringify(fileInfo), r.status, r.body.code]).toEqual([JSON.stringify(fileInfo), 400, 'bad_request']);
    }
    expect(await stored()).not.toContain('large-type');
    expect(await stored()).not.toContain('large-info');
  });

  test('b2_copy_file with REPLACE: 400 bad_request for the same; COPY keeps working', async () => {
    const src = await put(emu, t, bucketId, 'source.txt', 'hello');
    for (const contentType of BAD_TYPES) {
      const r = await call(emu, t, 'b2_copy_file', {
        sourceFileId: src.fileId,
        fileName: 'copy-type',
        metadataDirective: 'REPLACE',
        contentType,
      });
      expect([JSON.stringify(contentType), r.status, r.body.code]).toEqual([
        JSON.stringify(contentType),
        400,
        'bad_request',
      ]);
    }
    for (const fileInfo of BAD_INFO) {
      const r = await call(emu, t, 'b2_copy_file', {
        sourceFileId: src.fileId,
        fileName: 'copy-info',
        metadataDirective: 'REPLACE',
        contentType: 'text/plain',
        fileInfo,
      });
      expect([JSON.stringify(fileInfo), r.status, r.body.code]).toEqual([JSON.stringify(fileInfo), 400, 'bad_request']);
    }
    expect((await call(emu, t, 'b2_copy_file', { sourceFileId: src.fileId, fileName: 'copy-ok' })).status).toBe(200);
    const names = await stored();
    expect(names.filter((n) => n.startsWith('copy-'))).toEqual(['copy-ok']);
  });

  test('b2_upload_file: 400 bad_request for a file info value with them (percent-encoded) or a tab in the type', async () => {
    const cases: Array<Record<string, string>> = [
      { 'X-Bz-Info-note': 'red%1B%5B31m' },
      { 'X-Bz-Info-note': 'a%0Ab' },
      { 'Content-Type': 'text/plain\tx' },
    ];
    for (const headers of cases) {
      const r = await upload(emu, t, bucketId, 'up-bad', 'x', headers);
      expect([JSON.stringify(headers), r.status, r.body.code]).toEqual([JSON.stringify(headers), 400, 'bad_request']);
    }
    expect(await stored()).not.toContain('up-bad');
  });
});

describe('stored metadata never makes a download answer 500', () => {
  test('a content type with an escape written by an older version (--data) downloads with it escaped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'b2c-emu-old-data-'));
    try {
      const first = await start({ dataDir: dir });
      const t1 = await tokenFor(first);
      const b = await makeBucket(first, t1, 'old-data');
      await put(first, t1, b, 'old.txt', 'old bytes', { 'Content-Type': 'text/marker-type' });
      await first.close();
      // What an older emulator could have stored: the same record with a raw ESC in the type.
      const journal = join(dir, 'journal.jsonl');
      const text = await readFile(journal, 'utf8');
      expect(text).toContain('text/marker-type');
      await writeFile(journal, text.replaceAll('text/marker-type', 'text/\\u001b[31mmarker'));

      const again = await start({ dataDir: dir });
      try {
        const t2 = await tokenFor(again);
        for (const method of ['GET', 'HEAD']) {
          const res = await fetch(`${again.endpoint}/file/old-data/old.txt`, {
            method,
            headers: { Authorization: t2 },
          });
          expect([method, res.status, res.headers.get('content-type')]).toEqual([method, 200, 'text/%1B%5B31mmarker']);
          if (method === 'GET') expect(await res.text()).toBe('old bytes');
        }
      } finally {
        await again.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
