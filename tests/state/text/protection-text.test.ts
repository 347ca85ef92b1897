/**
 * A B2 file's protection in words (Info, `ls -l`): encryption, retention (active, over,
 * unreadable), legal hold, and its bucket's defaults — "unknown" with the capability it needs,
 * never a guess.
 */
import { describe, expect, it } from 'vitest';
import type { BucketSettings, Entry } from '../../../src/state/model/entry.js';
import { bucketRulesFields, protectionFields } from '../../../src/state/text/protection-text.js';

const NOW = Date.UTC(2026, 11, 3);
const file = (extra: Partial<Entry>): Entry => ({
  name: 'a',
  path: '/b/a',
  kind: 'file',
  size: 1,
  mtimeMs: 0,
  ...extra,
});
const lockBucket: BucketSettings = {
  lifecycleRules: [],
  corsRuleCount: 0,
  encryption: { mode: 'SSE-B2', algorithm: 'AES256' },
  objectLock: { enabled: true, mode: 'governance', period: { duration: 7, unit: 'days' } },
};

describe('protection fields', () => {
  it('says what each fact means', () => {
    const rows = protectionFields(
      file({
        encryption: { mode: 'SSE-C', algorithm: 'AES256' },
        retention: { mode: 'compliance', retainUntil: Date.UTC(2027, 0, 1) },
        legalHold: true,
      }),
      NOW,
    );
    expect(rows).toEqual([
      ['Encryption', 'SSE-C (AES256), with a customer key: downloads and copies need it'],
      ['Retention', 'compliance until 2027-01-01 (nobody can delete it before)'],
      ['Legal hold', 'on: nobody can delete it until released'],
    ]);
  });

  it('a retention that is over says so; a time that is not midnight shows it', () => {
    const [row] = protectionFields(file({ retention: { mode: 'governance', retainUntil: NOW - 90_000 } }), NOW);
    expect(row).toEqual(['Retention', 'governance until 2026-12-02 23:58 UTC (over: it keeps the file no more)']);
  });

  it('what the key may not read is unknown, naming the capability', () => {
    expect(protectionFields(file({ retention: 'unreadable', legalHold: 'unreadable' }), NOW)).toEqual([
      ['Retention', 'unknown — the key cannot read it (needs readFileRetentions)'],
      ['Legal hold', 'unknown — the key cannot read it (needs readFileLegalHolds)'],
    ]);
  });

  it('the bucket defaults: known, unreadable, not reported; none for a local file', () => {
    expect(bucketRulesFields(file({ bucketSettings: lockBucket }))).toEqual([
      ['Bucket rules', 'SSE-B2 for new files; Object Lock on, governance 7 days'],
    ]);
    expect(
      bucketRulesFields(
        file({
          bucketSettings: {
            lifecycleRules: [],
            corsRuleCount: null,
            encryption: 'unreadable',
            objectLock: 'unreadable',
          },
        }),
      ),
    ).toEqual([
      [
        'Bucket rules',
        'encryption unknown (needs readBucketEncryption); Object Lock unknown (needs readBucketRetentions)',
      ],
    ]);
    expect(bucketRulesFields(file({ encryption: { mode: 'none', algorithm: null } }))).toEqual([
      ['Bucket rules', 'unknown: B2 has not reported them to this key'],
    ]);
    expect(bucketRulesFields(file({}))).toEqual([]);
  });
});
