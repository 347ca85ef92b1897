/**
 * Maps a final (non-retried or retries-exhausted) B2CallError to the typed provider errors, in one
 * place. Matches on (status, code) as docs/b2-api.md §3.1 advises: the same code can appear under
 * several statuses. Messages are sentences for users; they never contain tokens or keys.
 */
import {
  AlreadyExistsError,
  AuthError,
  CancelledError,
  ConflictError,
  NoSpaceError,
  NotEmptyError,
  NotFoundError,
  PermissionDeniedError,
  TransientError,
  UnreachableError,
  type ProviderError,
} from '../errors.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import {
  bucketProblem,
  capabilityProblem,
  prefixProblem,
  refusedProblem,
} from '../../state/permissions/permission-reasons.js';
import type { B2CallError } from './call-error.js';
import { formatWait, triedTimes } from './network-guard.js';

/** What a call was about, so errors can name the path, bucket and capability involved. */
export interface CallContext {
  /** B2 operation name, e.g. `b2_list_file_names`. */
  op: string;
  /** Provider path the user asked about (used in messages and `error.path`). */
  path?: string;
  /** Bucket name involved. */
  bucket?: string;
  /** File name (object key) or listing prefix involved, checked against the key's namePrefix. */
  fileName?: string;
  /** Capability the call needs (docs/b2-api.md §2.1), e.g. `deleteFiles`. */
  capability?: string;
  /** Short verb phrase for messages: "Listing", "Upload", "Delete" … */
  action?: string;
}

/**
 * Works out what a key lacks for `ctx` (capability, `bucket:NAME`, `prefix:P`), per docs/b2-api.md §2.2–§2.3,
 * in the permission rules' own sentences (state/permissions/permission-reasons.ts), so a refusal
 * from B2 reads like the rules' refusal of the same thing.
 */
export function inferMissing(ctx: CallContext, key: KeyInfo): { missing: string[]; reason: string } {
  const what = ctx.action ?? 'This operation';
  if (ctx.bucket !== undefined && key.buckets !== null && !key.buckets.some((b) => b.name === ctx.bucket)) {
    const p = bucketProblem(key.buckets, ctx.bucket);
    return { missing: p.missing, reason: p.sentence };
  }
  if (key.namePrefix !== null && ctx.fileName !== undefined && !ctx.fileName.startsWith(key.namePrefix)) {
    // The provider reports the key's prefix as what is missing (PermissionDeniedError `prefix:PREFIX`).
    return {
      missing: [`prefix:${key.namePrefix}`],
      reason: prefixProblem(key.namePrefix, ctx.fileName, `"${ctx.fileName}"`).sentence,
    };
  }
  if (ctx.capability !== undefined && !key.capabilities.includes(ctx.capability)) {
    const p = capabilityProblem(what, [ctx.capability], key.capabilities, null);
    return { missing: p.missing, reason: p.sentence };
  }
  return { missing: [], reason: refusedProblem(what).sentence };
}

function where(ctx: CallContext): string {
  return ctx.path ?? (ctx.bucket !== undefined ? `/${ctx.bucket}` : '');
}

/**
 * What the user reads when B2 went quiet: what (the call and its path), where (host:port), how
 * long b2c waited and how often it tried. E.g. `B2 at 127.0.0.1:4000 sent no data for 30 s during
 * b2_list_file_names of "/photos" (tried 2 times).`
 */
function silenceSentence(err: B2CallError, ctx: CallContext): string {
  const s = err.silence;
  if (s === undefined) return err.message;
  const waited = formatWait(s.waitedMs);
  const what = s.phase === 'connect' ? `could not be connected to within ${waited}` : `sent no data for ${waited}`;
  const about = where(ctx) !== '' ? ` of "${where(ctx)}"` : '';
  return `B2 at ${s.host} ${what} during ${ctx.op}${about} (${triedTimes(err.attempts)}).`;
}

/** Converts a B2CallError into the ProviderError a caller should see. */
export function toProviderError(err: B2CallError, ctx: CallContext, key: KeyInfo | undefined): ProviderError {
  const path = ctx.path;
  const detail = err.message !== '' ? `: ${err.message}` : '';
  if (err.isCancelled) return new CancelledError(`The operation on "${where(ctx)}" was cancelled.`, path);
  if (err.silence !== undefined) return new UnreachableError(silenceSentence(err, ctx), path);
  if (err.isUnreachable)
    return new UnreachableError(`B2 could not be reached (${err.networkCode ?? 'network error'}).`, path);
  if (err.isNetwork)
    return new TransientError(
      `The connection to B2 failed during ${ctx.op} (${err.networkCode ?? 'network error'}); try again.`,
      undefined,
      path,
    );
  const status = err.status ?? 0;
  switch (err.code) {
    case 'unauthorized':
    case 'access_denied':
    case 'http_401': {
      // http_401: a bodyless 401 (HEAD) that survived a re-authorization, so a refusal.
      if (key === undefined) return new AuthError('B2 rejected the application key ID or key.', path);
      const { missing, reason } = inferMissing(ctx, key);
      // Nothing the key lacks explains it (e.g. Object Lock keeping a version, docs/b2-api.md
      // §10.4): B2's own words are the only reason there is.
      const said = missing.length === 0 && err.message !== '' ? ` B2 said: ${err.message}` : '';
      return new PermissionDeniedError(`${reason}${said}`, missing, path);
    }
    case 'bad_auth_token':
    case 'expired_auth_token':
      return new AuthError(
        'B2 no longer accepts this key (its session could not be renewed); it may have been deleted or expired.',
        path,
      );
    case 'not_found':
    case 'file_not_present':
    case 'no_such_file':
    case 'already_hidden':
      return new NotFoundError(`"${where(ctx)}" does not exist.`, path);
    case 'bad_bucket_id':
    case 'invalid_bucket_id':
      return new NotFoundError(`Bucket ${ctx.bucket ?? ''} does not exist.`.replace('  ', ' '), path);
    case 'duplicate_bucket_name':
      return new AlreadyExistsError(
        `A bucket named ${ctx.bucket ?? ''} already exists (bucket names are global across B2).`,
        path,
      );
    case 'cannot_delete_non_empty_bucket':
      return new NotEmptyError(
        `Bucket ${ctx.bucket ?? ''} still holds files, file versions or unfinished uploads.`,
        path,
      );
    case 'conflict':
      return new ConflictError(`Someone else changed "${where(ctx)}" at the same time; reload and try again.`, path);
    case 'range_not_satisfiable':
      return new ConflictError(`"${where(ctx)}" is shorter than the requested range (it may have changed).`, path);
    case 'storage_cap_exceeded':
      return new NoSpaceError('The B2 account has reached its storage cap.', path);
    case 'transaction_cap_exceeded':
    case 'download_cap_exceeded':
    case 'cap_exceeded':
      return new PermissionDeniedError(
        `The B2 account has reached a cap (${err.code.replaceAll('_', ' ')}); raise it in the B2 web UI.`,
        [],
        path,
      );
    default:
      break;
  }
  if (status === 401) return new AuthError('B2 rejected the credentials.', path);
  if (status === 404) return new NotFoundError(`"${where(ctx)}" does not exist.`, path);
  if (status === 408 || status === 429 || status >= 500) {
    return new TransientError(
      `B2 is busy or unavailable (${status} ${err.code}); try again later.`,
      err.retryAfterMs,
      path,
    );
  }
  // Any other 4xx: B2 says the request itself is wrong (docs/b2-api.md §3.2). There is no generic
  // class, so it is reported as a conflict carrying B2's own explanation.
  return new ConflictError(`B2 refused ${ctx.op} (${status} ${err.code})${detail}.`, path);
}
