import { describe, expect, it } from 'vitest';
import { spawnB2c } from './pty-harness.js';

describe('b2c binary in a terminal', () => {
  it('prints usage for --help and exits 0', async () => {
    const s = spawnB2c(['--help']);
    await s.waitFor((t) => t.includes('Usage:'));
    expect(await s.exited).toBe(0);
    expect(s.text()).toContain('b2c emulator');
  });

  it('rejects an unknown command with exit code 64 (usage)', async () => {
    const s = spawnB2c(['frobnicate']);
    expect(await s.exited).toBe(64);
    expect(s.text()).toContain('unknown command "frobnicate"');
  });
});
