/**
 * errno → typed error mapping of the local provider. Most codes are also produced for real in the
 * fault tests (ENOSPC, EROFS, EACCES, EPERM, EXDEV); this pins the whole table, including codes a
 * test machine cannot easily provoke (EDQUOT, EIO, ENAMETOOLONG on odd file systems).
 */
import { describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  InvalidNameError,
  NoSpaceError,
  NotEmptyError,
  NotFoundError,
  PermissionDeniedError,
  TransientError,
  type ProviderError,
} from '../../src/providers/errors.js';
import { mapFsError, type FsOp } from '../../src/providers/local/fs-errors.js';

const errno = (code: string): Error => Object.assign(new Error(`${code}: something, open '/disk/path'`), { code });

type Cls = abstract new (...args: never[]) => ProviderError;
const table: Array<[string, FsOp, Cls]> = [
  ['ENOENT', 'read', NotFoundError],
  ['EACCES', 'read', PermissionDeniedError],
  ['EPERM', 'remove', PermissionDeniedError],
  ['EROFS', 'create', PermissionDeniedError],
  ['ENOSPC', 'create', NoSpaceError],
  ['EDQUOT', 'create', NoSpaceError],
  ['EEXIST', 'create', AlreadyExistsError],
  ['EEXIST', 'remove', NotEmptyError],
  ['ENOTEMPTY', 'remove', NotEmptyError],
  ['EISDIR', 'read', NotFoundError],
  ['EISDIR', 'create', AlreadyExistsError],
  ['ENOTDIR', 'read', NotFoundError],
  ['ENOTDIR', 'create', AlreadyExistsError],
  ['ELOOP', 'read', NotFoundError],
  ['ENAMETOOLONG', 'create', InvalidNameError],
  ['EINVAL', 'create', InvalidNameError],
  ['EIO', 'read', TransientError],
  ['EMFILE', 'read', TransientError],
];

describe('mapFsError', () => {
  it.each(table)('%s while %s → %o', (code, op, cls) => {
    const original = errno(code);
    const mapped = mapFsError(original, '/home/me/file.txt', op);
    expect(mapped).toBeInstanceOf(cls);
    expect(mapped.path).toBe('/home/me/file.txt');
    expect(mapped.message).toContain('"/home/me/file.txt"');
    expect(mapped.message).toMatch(/^[A-Z"].*\.$|:/);
    expect(mapped.cause).toBe(original);
  });

  it('permission errors name no capability (OS-level denial)', () => {
    const e = mapFsError(errno('EACCES'), '/x', 'create') as PermissionDeniedError;
    expect(e.missing).toEqual([]);
  });

  it('provider errors pass through unchanged; non-errno errors become transient', () => {
    const nf = new NotFoundError('"x" does not exist.', '/x');
    expect(mapFsError(nf, '/y', 'read')).toBe(nf);
    expect(mapFsError(new Error('weird'), '/y', 'read')).toBeInstanceOf(TransientError);
  });
});
