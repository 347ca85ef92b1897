/**
 * The Object Lock oracle (issue 13): b2c's delete dialog decides, from what the provider listed,
 * whether "Hide", "Delete this version" and "Delete all versions" may go ahead for a locked file —
 * compliance, governance with and without a key holding bypassGovernance, legal hold, and a
 * retention that is over. The built-in server is the truth: the same key then asks it, with a raw
 * call, to hide and to delete that exact version (sending bypassGovernance exactly when b2c would).
 * Allowed ⇔ the server does it, for every case; a refusal carries its reason.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { B2Provider } from '../../src/providers/b2/index.js';
import type { Entry } from '../../src/providers/types.js';
import { b2PaneLocation } from '../../src/state/location/pane-location.js';
import { deleteTargetsLock } from '../../src/state/permissions/object-lock.js';
import { deleteChoices } from '../../src/tui/dialogs/choices.js';
import { call, tokenFor } from '../emulator/helpers.js';
import { until } from '../support/poll.js';
import { startTestServer, type TestServer } from '../support/server.js';

const UNTIL = Date.UTC(2031, 0, 1);
const FILE_CAPS = ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'];
const READ_LOCKS = ['readFileRetentions', 'readFileLegalHolds'];

interface Actor {
  label: string;
  provider: B2Provider;
  token: string;
}

let s: TestServer;
let bucket: { name: string; id: string };
let actors: Actor[];

async function actor(label: string, capabilities: string[] | null): Promise<Actor> {
  const k = capabilities === null ? null : await s.createKey(capabilities);
  const id = k?.applicationKeyId ?? s.emu.masterKeyId;
  const secret = k?.applicationKey ?? s.emu.masterKey;
  return { label, provider: await s.connect(id, secret), token: await tokenFor(s.emu, id, secret) };
}

const retained = (mode: string, until: number) => ({
  'X-Bz-File-Retention-Mode': mode,
  'X-Bz-File-Retention-Retain-Until-Timestamp': String(until),
});

/** The kinds of lock under test: the headers of the upload that makes one. */
const LOCKS: Record<string, () => Record<string, string>> = {
  compliance: () => retained('compliance', UNTIL),
  governance: () => retained('governance', UNTIL),
  'legal hold': () => ({ 'X-Bz-File-Legal-Hold': 'on' }),
  'retention over': () => retained('compliance', Date.now() + 1500),
  none: () => ({}),
};

beforeAll(async () => {
  s = await startTestServer();
  const b = await s.api<{ bucketName: string; bucketId: string }>('b2_create_bucket', {
    accountId: s.emu.accountId,
    bucketName: `oracle-lock-${randomBytes(3).toString('hex')}`,
    bucketType: 'allPrivate',
    fileLockEnabled: true,
  });
  bucket = { name: b.bucketName, id: b.bucketId };
  actors = [
    await actor('master (holds bypassGovernance)', null),
    await actor('no bypassGovernance', [...FILE_CAPS, ...READ_LOCKS]),
    await actor('with bypassGovernance', [...FILE_CAPS, ...READ_LOCKS, 'bypassGovernance']),
  ];
});
afterAll(() => s.close());

interface Verdict {
  hide: boolean;
  deleteVersion: boolean;
  allVersions: boolean;
  reason: string | null;
  bypass: boolean;
}

function b2cVerdict(a: Actor, e: Entry): Verdict {
  const at = b2PaneLocation('p', bucket.name, '');
  const choices = deleteChoices(at, [e], a.provider.keyInfo, Date.now());
  const allowed = (mode: string) => choices.find((c) => c.value === mode)?.allowed === true;
  return {
    hide: allowed('hide'),
    deleteVersion: allowed('delete-version'),
    allVersions: allowed('all-versions'),
    reason: choices.find((c) => c.value === 'delete-version')?.reason ?? null,
    bypass: deleteTargetsLock([e], true, a.provider.keyInfo, Date.now()).bypass !== null,
  };
}

describe('Object Lock: b2c greys exactly what the server refuses', () => {
  it('compliance, governance ± bypassGovernance, legal hold, a retention that is over, none', async () => {
    const rows: string[] = [];
    // Every file first (one of each lock per key), then one wait for the retentions that end soon.
    const files: Array<{ a: Actor; lock: string; name: string; fileId: string }> = [];
    let retentionsEnd = 0;
    for (const a of actors) {
      for (const [lock, headers] of Object.entries(LOCKS)) {
        const name = `${lock.replace(' ', '-')}-${randomBytes(3).toString('hex')}.txt`;
        const h = headers();
        files.push({ a, lock, name, fileId: await s.upload(bucket.id, name, 'data', { headers: h }) });
        if (lock === 'retention over') {
          retentionsEnd = Math.max(retentionsEnd, Number(h['X-Bz-File-Retention-Retain-Until-Timestamp']));
        }
      }
    }
    await until(() => Date.now() > retentionsEnd, 'the short retentions to be over');
    for (const { a, lock, name, fileId } of files) {
      const listed: Entry[] = [];
      for await (const page of a.provider.list(`/${bucket.name}`)) listed.push(...page);
      const entry = listed.find((e) => e.name === name);
      expect(entry, name).toBeDefined();
      const verdict = b2cVerdict(a, entry!);
      // The truth: the same key asks the server itself (hide first: it deletes nothing).
      const hid = await call(s.emu, a.token, 'b2_hide_file', { bucketId: bucket.id, fileName: name });
      const del = await call(s.emu, a.token, 'b2_delete_file_version', {
        fileId,
        fileName: name,
        ...(verdict.bypass ? { bypassGovernance: true } : {}),
      });
      rows.push(`${a.label} / ${lock}: b2c ${verdict.deleteVersion ? 'deletes' : `refuses (${verdict.reason})`}`);
      expect([a.label, lock, 'hide', verdict.hide]).toEqual([a.label, lock, 'hide', hid.status === 200]);
      expect([a.label, lock, 'delete', verdict.deleteVersion]).toEqual([a.label, lock, 'delete', del.status === 200]);
      expect(verdict.allVersions).toBe(verdict.deleteVersion);
      if (!verdict.deleteVersion)
        expect(verdict.reason).toMatch(/retained until 2031-01-01 \((compliance|governance)\)|legal hold on/);
    }
    // Both verdicts occur, and the bypass is exercised (refused without it, done with it).
    expect(rows.some((r) => r.includes('deletes'))).toBe(true);
    expect(rows.find((r) => r.startsWith('no bypassGovernance / governance'))).toMatch(
      /refuses \(\S+ is retained until 2031-01-01 \(governance\); only a key with bypassGovernance may delete it\.\)$/,
    );
    expect(rows.find((r) => r.startsWith('with bypassGovernance / governance'))).toContain('deletes');
  }, 60_000);
});
