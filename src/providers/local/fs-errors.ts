/**
 * Maps Node's errno errors (ENOENT, EACCES, …) to the typed provider errors of ../errors.ts.
 * Messages are sentences naming the provider path (not the disk path); the original error is kept
 * as `cause` for logs and debugging.
 */
import {
  AlreadyExistsError,
  ConflictError,
  InvalidNameError,
  NoSpaceError,
  NotEmptyError,
  NotFoundError,
  PermissionDeniedError,
  TransientError,
  isProviderError,
  type ProviderError,
} from '../errors.js';

/**
 * `move` across file systems (EXDEV): fs.rename cannot do it. Callers fall back to copy + remove
 * (stream copy, then `remove` of the source). It is a ConflictError subclass because errors.ts has
 * no "cross-device" kind; check with `instanceof CrossDeviceError`.
 */
export class CrossDeviceError extends ConflictError {
  /** The destination the caller asked for. */
  readonly target: string;
  constructor(from: string, to: string, options?: { cause?: unknown }) {
    super(
      `"${from}" cannot be moved to "${to}" in one step because they are on different file systems.`,
      from,
      options,
    );
    this.target = to;
  }
}

/** What the failed call was doing; it decides how ambiguous codes (ENOTDIR, EISDIR) read. */
export type FsOp = 'read' | 'create' | 'remove';

const verbs: Record<FsOp, string> = { read: 'read', create: 'write', remove: 'remove' };

/** The `code` of a Node system error, or undefined. */
export function errnoCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  const { code } = e;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns any error thrown by node:fs into a ProviderError about `path` (a provider path).
 * ProviderErrors pass through unchanged. Unknown codes (EIO, EMFILE, EBUSY…) become
 * TransientError: errors.ts has no generic I/O kind, and retrying is the sensible offer.
 */
export function mapFsError(e: unknown, path: string, op: FsOp): ProviderError {
  if (isProviderError(e)) return e;
  const cause = { cause: e };
  const code = errnoCode(e);
  switch (code ?? '') {
    case 'ENOENT':
      return new NotFoundError(`"${path}" does not exist.`, path, cause);
    case 'EACCES':
    case 'EPERM':
      return new PermissionDeniedError(
        `The system does not allow b2c to ${verbs[op]} "${path}" (permission denied).`,
        [],
        path,
        cause,
      );
    case 'EROFS':
      return new PermissionDeniedError(
        `"${path}" is on a read-only file system, so b2c cannot ${verbs[op]} it.`,
        [],
        path,
        cause,
      );
    case 'ENOSPC':
      return new NoSpaceError(`There is no space left on the disk for "${path}".`, path, cause);
    case 'EDQUOT':
      return new NoSpaceError(`The disk quota is used up, so "${path}" cannot be written.`, path, cause);
    case 'EEXIST':
      // rmdir reports a non-empty folder as EEXIST on some systems (POSIX allows either code).
      if (op === 'remove') return new NotEmptyError(`The folder "${path}" is not empty.`, path, cause);
      return new AlreadyExistsError(`"${path}" already exists.`, path, cause);
    case 'ENOTEMPTY':
      return new NotEmptyError(`The folder "${path}" is not empty.`, path, cause);
    case 'EISDIR':
      return op === 'create'
        ? new AlreadyExistsError(`A folder named "${path}" is in the way.`, path, cause)
        : new NotFoundError(`"${path}" is a folder, not a file.`, path, cause);
    case 'ENOTDIR':
      return op === 'create'
        ? new AlreadyExistsError(`A file is in the way: part of "${path}" is not a folder.`, path, cause)
        : new NotFoundError(`"${path}" does not exist: part of it is not a folder.`, path, cause);
    case 'ELOOP':
      return new NotFoundError(`"${path}" cannot be resolved: too many levels of symbolic links.`, path, cause);
    case 'ENAMETOOLONG':
      return new InvalidNameError(`The name "${path}" is too long for this file system.`, path, cause);
    case 'EINVAL':
    case 'EILSEQ':
      return new InvalidNameError(`"${path}" is not a valid name on this file system.`, path, cause);
    default: {
      const detail = e instanceof Error ? e.message : String(e);
      return new TransientError(`b2c could not ${verbs[op]} "${path}": ${detail}`, undefined, path, cause);
    }
  }
}
