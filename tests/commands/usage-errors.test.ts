/**
 * Mistakes on the command line get b2c's own sentence (issue 11, bug 10): which option is
 * unknown, needs a value or takes none, in b2c's words and quotes — not node:util's message with
 * its unbalanced quotes — then the command's help, exit 64. The file manager's own options too.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { parseTuiArgs } from '../../src/tui/setup.js';

const HINT = ' (a name that starts with "-" goes after "--").';

describe('usage errors', () => {
  it.each([
    [['ls', '--bogus'], `b2c ls: Unknown option "--bogus"${HINT}`],
    [['ls', '-lZ', 'b2://x'], `b2c ls: Unknown option "-Z"${HINT}`],
    [['ls', '--bogus=1', 'b2://x'], `b2c ls: Unknown option "--bogus"${HINT}`],
    [['cp', '-r', '--nope', 'a', 'b'], `b2c cp: Unknown option "--nope"${HINT}`],
    [['rm', '--profile'], 'b2c rm: "--profile" needs a value.'],
    [['ls', '--json=yes', 'b2://x'], 'b2c ls: "--json" takes no value.'],
    [['keys', 'inspect', '--bogus'], `b2c keys inspect: Unknown option "--bogus"${HINT}`],
  ])('b2c %j', async (args, first) => {
    const r = await runCli(args);
    expect(r.code).toBe(64);
    const [line, blank, usage] = r.stderr.split('\n');
    expect(line).toBe(first);
    expect(blank).toBe('');
    expect(usage).toMatch(/^Usage: b2c /);
    expect(r.stderr).not.toContain('positional argument');
    expect(r.stdout).toBe('');
  });

  it('a name that starts with "-" after "--" is a name, not an option', async () => {
    const r = await runCli(['ls', '--', '-no-such-file']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('-no-such-file');
    expect(r.stderr).not.toContain('Unknown option');
  });

  it('the file manager says it the same way', () => {
    expect(parseTuiArgs(['--demo', '--bogus'])).toEqual({ kind: 'usage', message: 'Unknown option "--bogus".' });
    expect(parseTuiArgs(['--key'])).toEqual({ kind: 'usage', message: '"--key" needs a value.' });
  });
});
