import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, commandInfo, isCommandId } from '../../../src/state/keyboard/commands.js';

describe('commands', () => {
  it('has unique ids and data for each', () => {
    expect(new Set(COMMAND_IDS).size).toBe(COMMAND_IDS.length);
    expect(COMMANDS.map((c) => c.id)).toEqual([...COMMAND_IDS]);
    for (const c of COMMANDS) {
      expect(c.label.length, c.id).toBeGreaterThan(0);
      expect(c.label.length, c.id).toBeLessThanOrEqual(7);
      expect(c.description.length, c.id).toBeGreaterThan(0);
    }
  });

  it('recognises ids from settings', () => {
    expect(isCommandId('copy')).toBe(true);
    expect(isCommandId('Copy')).toBe(false);
    expect(isCommandId('toString')).toBe(false);
  });

  it('describes a command', () => {
    expect(commandInfo('delete')).toMatchObject({ id: 'delete', label: 'Delete', group: 'files' });
  });
});
