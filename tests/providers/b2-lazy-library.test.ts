/**
 * backblaze-b2 (with axios) is loaded by a session's first call that needs it
 * (src/providers/b2/session.ts): signing in and the bucket list — what the file manager shows
 * first — go through b2c's own HTTP calls, so a session that has only done those has not loaded
 * it; the first call through the library loads it, and that call works. Likewise Node's https
 * and tls (network-guard.ts): a session with a plain http endpoint never loads them.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BucketDirectory } from '../../src/providers/b2/buckets.js';
import { allVersions, findFile, folderContents } from '../../src/providers/b2/lookup.js';
import { DEFAULT_RETRY } from '../../src/providers/b2/retry.js';
import { B2Session } from '../../src/providers/b2/session.js';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { toClassicScript as convert } from '../../scripts/classic-script.mjs';
import { ROOT } from '../support/binary.js';
import { FAST_RETRY, startB2, type B2Fixture } from './b2/helpers.js';

const toClassicScript = convert as (esm: string) => string;

let f: B2Fixture;
beforeAll(async () => {
  f = await startB2();
  await f.bucket('lazy-a');
  await f.bucket('lazy-b');
});
afterAll(() => f.close());

describe('the B2 client library', () => {
  it('is not loaded by signing in and listing the buckets, and is by the first call that needs it', async () => {
    const session = await B2Session.open({
      endpoint: f.emu.endpoint,
      applicationKeyId: f.emu.masterKeyId,
      applicationKey: f.emu.masterKey,
      userAgent: 'b2c-test',
      policy: { ...DEFAULT_RETRY, ...FAST_RETRY },
    });
    try {
      const buckets = new BucketDirectory(session);
      const names = (await buckets.list()).map((e) => e.name);
      expect(names.filter((n) => n.startsWith('t-lazy-'))).toHaveLength(2);
      const one = await buckets.resolve(names.find((n) => n.startsWith('t-lazy-a-')) ?? '');
      expect(one.type).toBe('allPrivate');
      expect(session.libraryLoaded).toBe(false);
      // Nor by what a copy from B2 does first: looking its source up (lookup.ts).
      expect(await findFile(session, one, 'absent.txt', `/${one.name}/absent.txt`)).toBeNull();
      expect(await folderContents(session, one, 'dir/', `/${one.name}/dir/`)).toMatchObject({ exists: false });
      expect(await allVersions(session, one, 'absent.txt', `/${one.name}/absent.txt`)).toEqual([]);
      expect(session.libraryLoaded).toBe(false);

      const url = await session.lib<{ uploadUrl: string }>(
        { op: 'b2_get_upload_url', capability: 'writeFiles', action: 'Upload', path: `/${one.name}` },
        undefined,
        (c, x) => c.getUploadUrl({ bucketId: one.id, ...x }),
      );
      expect(url.uploadUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(session.libraryLoaded).toBe(true);
    } finally {
      session.close();
    }
  });
});

/** Makes the agents, asks for the plain one, then the TLS one; prints whether tls was loaded after each. */
const AGENTS_PROBE = `
import { GuardedAgents } from './src/providers/b2/network-guard.ts';
const tls = () => process.moduleLoadList.includes('NativeModule tls');
const agents = new GuardedAgents({ connectMs: 1000, idleMs: 1000 });
const before = tls();
agents.for(new URL('http://127.0.0.1:1/'));
const plain = tls();
agents.for(new URL('https://127.0.0.1:1/'));
agents.destroy();
console.log(JSON.stringify({ before, plain, secure: tls() }));
`;

describe('the connection agents', () => {
  it('load https and tls only for an https endpoint (in the classic script, where built-ins load at first use)', async () => {
    const out = await build({
      stdin: { contents: AGENTS_PROBE, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const script = toClassicScript(out.outputFiles[0]?.text ?? '');
    const run = `new (require('node:vm').Script)(${JSON.stringify(script)}).runInThisContext()(require, 'file:///probe.js');`;
    const result = execFileSync(process.execPath, ['-e', run], { encoding: 'utf8' });
    expect(JSON.parse(result)).toEqual({ before: false, plain: false, secure: true });
  });
});
