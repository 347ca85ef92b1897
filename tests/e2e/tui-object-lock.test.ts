/**
 * Object Lock and encryption in the real binary at 80×24 (issue 13): a file uploaded with a
 * governance retention and SSE-B2 into a bucket with Object Lock (set up through the server's API)
 * shows its encryption, retention and legal hold in Info (its bucket's defaults come last, below
 * the fold at 24 rows: tests/state/protection-text.test.ts); F8 on it greys
 * both deletions with the reason for a key without bypassGovernance, hiding stays allowed, and the
 * file is still there afterwards. F5 on an SSE-C file says why it cannot be copied from here.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { KEYS } from './pty-harness.js';
import { cursorTo, go, see, startSignedIn, type DemoRun } from './tui-helpers.js';

let server: TestServer;
let bucket: string;
let run: DemoRun | null = null;

beforeAll(async () => {
  server = await startTestServer();
  const b = await server.api<{ bucketName: string; bucketId: string }>('b2_create_bucket', {
    accountId: server.emu.accountId,
    bucketName: `locked-${randomBytes(3).toString('hex')}`,
    bucketType: 'allPrivate',
    fileLockEnabled: true,
    defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
  });
  bucket = b.bucketName;
  await server.upload(b.bucketId, 'contract.pdf', 'signed', {
    headers: {
      'X-Bz-Server-Side-Encryption': 'AES256',
      'X-Bz-File-Retention-Mode': 'governance',
      'X-Bz-File-Retention-Retain-Until-Timestamp': String(Date.UTC(2031, 0, 1)),
    },
  });
  const key = randomBytes(32);
  await server.upload(b.bucketId, 'sealed.bin', 'sealed', {
    headers: {
      'X-Bz-Server-Side-Encryption-Customer-Algorithm': 'AES256',
      'X-Bz-Server-Side-Encryption-Customer-Key': key.toString('base64'),
      'X-Bz-Server-Side-Encryption-Customer-Key-Md5': createHash('md5').update(key).digest('base64'),
    },
  });
});
afterAll(async () => {
  s()?.kill();
  await run?.close();
  await server.close();
});

const s = () => run?.s;

/** b2c at 80×24, signed in (environment credentials) with a key that lacks bypassGovernance. */
async function start(): Promise<DemoRun> {
  const k = await server.createKey([
    'listBuckets',
    'readBucketEncryption',
    'readBucketRetentions',
    'listFiles',
    'readFiles',
    'writeFiles',
    'deleteFiles',
    'readFileRetentions',
    'readFileLegalHolds',
  ]);
  return startSignedIn(
    { B2_APPLICATION_KEY_ID: k.applicationKeyId, B2_APPLICATION_KEY: k.applicationKey, B2_ENDPOINT: server.endpoint },
    { cols: 80, rows: 24 },
  );
}

describe('a retained, encrypted file in the TUI', () => {
  it('Info shows encryption, retention and legal hold; F8 greys deleting with the reason', async () => {
    run = await start();
    const pty = run.s;
    await see(pty, '[env');
    await go(pty, `b2://${bucket}/`);
    await see(pty, 'contract.pdf');
    await cursorTo(run, 'contract.pdf');
    pty.write('i');
    const info = await see(pty, 'Info: contract.pdf', 'Legal hold');
    const flat = info.replace(/[│║]/g, ' ').replace(/\s+/g, ' ');
    expect(flat).toContain('Encryption SSE-B2 (AES256), with a key B2 keeps');
    expect(flat).toContain('Retention governance until 2031-01-01 (only bypassGovernance lifts it)');
    expect(flat).toContain('Legal hold off');
    pty.write(KEYS.escape);
    await pty.waitFor((t) => !t.includes('Info: contract.pdf'));

    pty.write(KEYS.f8);
    await see(
      pty,
      '(•) Hide',
      'Delete this version — kept by Object Lock',
      'Delete all versions — kept by Object Lock',
    );
    pty.write(KEYS.down);
    const refused = await see(pty, 'Not allowed: contract.pdf is retained until');
    expect(refused.replace(/[│║]/g, ' ').replace(/\s+/g, ' ')).toContain(
      'contract.pdf is retained until 2031-01-01 (governance); only a key with bypassGovernance may delete it.',
    );
    // Enter on the greyed choice only says why; nothing is deleted.
    pty.write(KEYS.enter);
    await see(pty, 'retained until 2031-01-01');
    pty.write(KEYS.escape);
    await pty.waitFor((t) => !t.includes('How:'));
    const versions = await server.api<{ files: unknown[] }>('b2_list_file_versions', {
      bucketId: (
        await server.api<{ buckets: Array<{ bucketId: string }> }>('b2_list_buckets', {
          accountId: server.emu.accountId,
          bucketName: bucket,
        })
      ).buckets[0]?.bucketId,
    });
    expect(versions.files).toHaveLength(2);

    // An SSE-C file: F5 says why the file manager cannot copy it, before anything is queued.
    await cursorTo(run, 'sealed.bin');
    pty.write(KEYS.f5);
    await see(pty, 'sealed.bin is encrypted with a customer key (SSE-C)');
    expect(pty.text()).not.toContain('Copy 1 file');
  }, 120_000);
});
