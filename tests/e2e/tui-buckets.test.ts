/**
 * Managing buckets from `b2c --demo`'s bucket list in a pseudo-terminal (issue 12, item 9): F7
 * creates a private bucket, `p` makes it public (asked first), `i` shows the type the server now
 * reports, F8 deletes it; the bucket list is listed again from the server after each step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from './pty-harness.js';
import { cursorTo, rightRows, see, startDemo, type DemoRun } from './tui-helpers.js';

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

describe('buckets in the bucket list', () => {
  it('creates a bucket, makes it public, and deletes it', async () => {
    run = await startDemo([], { cols: 120, rows: 30 });
    const { s } = run;
    // The demo starts in the bucket list (right pane, active): F7 and F8 say they act on buckets.
    await see(s, 'demo-photos', '7MkBuckt', '8DelBuck');

    s.write(KEYS.f7);
    await see(s, 'Create bucket', '(•) Private');
    s.write('pty-made-bucket');
    s.write(KEYS.enter);
    await see(s, 'Created the private bucket pty-made-bucket.');
    await s.waitFor((t) => rightRows(t).some((l) => l.includes('pty-made-bucket')));

    await cursorTo(run, 'pty-made-bucket');
    s.write('p');
    await see(s, 'Make public', 'Make the bucket pty-made-bucket public?');
    s.write(KEYS.enter);
    await see(s, 'Bucket pty-made-bucket is now public.');
    s.write('i');
    const info = await see(s, 'Info: pty-made-bucket', 'allPublic');
    expect(info).toContain('anyone may download by URL');
    s.write(KEYS.escape);
    await s.waitFor((t) => !t.includes('Info: pty-made-bucket'));

    s.write(KEYS.f8);
    await see(s, 'Delete bucket', 'Delete the bucket pty-made-bucket?');
    s.write(KEYS.enter);
    await see(s, 'Deleted bucket pty-made-bucket.');
    await s.waitFor((t) => !rightRows(t).some((l) => l.includes('pty-made-bucket')));
  });
});
