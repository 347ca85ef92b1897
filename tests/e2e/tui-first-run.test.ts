/**
 * What a new user hit in the file manager (issue 11, "Bugs"), each reproduced through the real
 * binary in a pseudo-terminal at 80×24 against `b2c --demo`, as the user saw it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from './pty-harness.js';
import { cursorTo, openFolder, see, startDemo, type DemoRun } from './tui-helpers.js';

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

describe('a question a running transfer raises', () => {
  it('shows on top of the versions list at once, and the list is back after the answer', async () => {
    run = await startDemo();
    const { s } = run;
    await openFolder(run, 'demo-photos', 'docs');
    await cursorTo(run, 'report.pdf');
    s.write('v');
    await see(s, 'Versions of report.pdf', '3 versions, newest first');
    s.write(KEYS.f5);
    await see(s, 'Copy: 1 of 1 file done');
    // The same version again: report.pdf now exists in the local folder.
    s.write(KEYS.f5);
    const asked = await see(s, 'File exists', 'report.pdf already exists.');
    expect(asked).toContain('( ) Skip');
    s.write(KEYS.down);
    await see(s, '(•) Skip');
    s.write(KEYS.enter);
    const back = await see(s, 'Versions of report.pdf', 'Copy: 0 of 1 file done (0 B); 1 skipped.');
    expect(back).not.toContain('File exists');
  });
});
