/**
 * B2 errors as the wire shows them: HTTP status + `{status, code, message}` body
 * (docs/b2-api.md §3.1). Handlers throw these; the router turns them into responses.
 */
export class B2Error extends Error {
  /**
   * @param status HTTP status (the same code may appear under several statuses).
   * @param code B2 snake_case code.
   * @param headers extra response headers (e.g. Retry-After).
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'B2Error';
  }
}

/** 400 bad_request with a human message. */
export function badRequest(message: string): B2Error {
  return new B2Error(400, 'bad_request', message);
}

/** 401 unauthorized: the token is valid but the key may not do this (capability, bucket, prefix). */
export function unauthorized(message = ''): B2Error {
  return new B2Error(401, 'unauthorized', message);
}

/** 401 bad_auth_token: unknown, malformed or revoked token. */
export function badAuthToken(message = 'Invalid authorization token'): B2Error {
  return new B2Error(401, 'bad_auth_token', message);
}

/** 401 expired_auth_token: re-authorize. */
export function expiredAuthToken(): B2Error {
  return new B2Error(401, 'expired_auth_token', 'Authorization token has expired');
}

/** 400 bad_bucket_id for a bucket that does not exist. */
export function badBucketId(bucketId: string): B2Error {
  return new B2Error(400, 'bad_bucket_id', `Bucket ${bucketId} does not exist`);
}

/** 404 not_found. */
export function notFound(message = 'File not present'): B2Error {
  return new B2Error(404, 'not_found', message);
}

/** 400 bucket_missing_file_lock: an Object Lock setting for a bucket without Object Lock (B2's message). */
export function bucketMissingFileLock(): B2Error {
  return new B2Error(400, 'bucket_missing_file_lock', 'The bucket is not file lock enabled');
}
