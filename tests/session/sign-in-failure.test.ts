/**
 * The sign-in service's one classification of what went wrong (src/session/sign-in-failure.ts),
 * which the CLI turns into exit codes and the wizard and the file manager can show: by class,
 * never by message, with the sentence of the layer that found it.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, CredentialsError } from '../../src/config/index.js';
import { AuthError, CancelledError, UnreachableError } from '../../src/providers/errors.js';
import { NoCredentialsError, signInFailure } from '../../src/session/index.js';

describe('signInFailure', () => {
  it('classifies by class and keeps the sentence', () => {
    expect(signInFailure(new AuthError('This application key has expired; create a new one.'))).toEqual({
      kind: 'rejected',
      message: 'This application key has expired; create a new one.',
    });
    expect(signInFailure(new UnreachableError('Cannot reach B2 at h:1 (ECONNREFUSED).'))).toEqual({
      kind: 'unreachable',
      message: 'Cannot reach B2 at h:1 (ECONNREFUSED).',
    });
    expect(signInFailure(new CancelledError('Signing in to B2 was cancelled.')).kind).toBe('cancelled');
    expect(signInFailure(new CredentialsError('partial-env', 'half set')).kind).toBe('config');
    expect(signInFailure(new ConfigError('unreadable', '/x/config.json', 'bad file')).kind).toBe('config');
    // A message that reads like a rejection is not one: only the class counts.
    expect(signInFailure(new Error('B2 rejected the application key'))).toEqual({
      kind: 'other',
      message: 'B2 rejected the application key',
    });
  });

  it('says how to add credentials when there are none, or which profiles to choose from', () => {
    expect(signInFailure(new NoCredentialsError('no-profiles', []))).toEqual({
      kind: 'no-credentials',
      message:
        'No B2 credentials: set B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY, or run b2c without arguments to add a profile with the wizard.',
    });
    expect(signInFailure(new NoCredentialsError('no-default', ['a', 'b'])).message).toBe(
      'There are several profiles and none is the default: pass --profile NAME ("a", "b").',
    );
  });
});
