import { describe, expect, it } from 'vitest';
import { refuseSecretInArgv } from '../../src/config/index.js';

const SECRET = 'K005verySecretApplicationKey';

describe('refuseSecretInArgv', () => {
  it.each([
    [['keys', 'inspect', '--application-key', SECRET], '--application-key'],
    [['--applicationKey=' + SECRET], '--applicationKey'],
    [['--application_key', SECRET], '--application_key'],
    [['ls', '--key', SECRET, 'bucket/'], '--key'],
    [['--KEY=' + SECRET], '--KEY'],
    [['--app-key', SECRET], '--app-key'],
    [['--secret', SECRET], '--secret'],
    [['-key', SECRET], '-key'],
    [['B2_APPLICATION_KEY=' + SECRET, 'ls'], 'B2_APPLICATION_KEY='],
  ])('refuses %j, naming %s and never the value', (argv, option) => {
    const message = refuseSecretInArgv(argv);
    expect(message).not.toBeNull();
    expect(message).toContain(option);
    expect(message).toContain('ps');
    expect(message).toContain('B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY');
    expect(message).toContain('wizard');
    expect(message).not.toContain(SECRET);
  });

  it.each([
    [[]],
    [['ls', 'b2://bucket/dir/']],
    [['--application-key-id', '0051234567890ab0000000001']],
    [['--key-id=0051234567890ab0000000001', '--profile', 'work']],
    [['--applicationKeyId', 'abc', '--keys']],
    [['keys', 'list', '--json']],
    [['cp', '--', '--key', './local']],
    [['cp', 'key', 'application-key']],
  ])('lets %j through', (argv) => {
    expect(refuseSecretInArgv(argv)).toBeNull();
  });
});
