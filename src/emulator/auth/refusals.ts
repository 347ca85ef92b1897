/**
 * Counts the 401 `unauthorized` answers the server gives to signed-in calls: the key behind a
 * valid token lacks the capability, bucket or name prefix (enforce.ts). A client that asks the
 * permission rules first should never cause one, so tests read this count to prove it (issue 9:
 * "the server never sees a forbidden request from b2c").
 *
 * Sign-in failures (b2_authorize_account with a wrong, expired or deleted key) are counted apart:
 * a client cannot know a key was revoked without trying it. Control endpoints are not counted.
 */
import type { IncomingMessage } from 'node:http';

/** What `GET /_emulator/stats` answers (and `RunningEmulator.stats()` returns). */
export interface RefusalStats {
  /** 401 `unauthorized` answers to calls made with a valid token or upload URL. */
  unauthorized: number;
  /** The same, per application key ID (`anonymous` for a download without any token). */
  unauthorizedByKey: Record<string, number>;
  /** The same, per endpoint (`b2_list_file_names`, `b2_download_file_by_name`, …). */
  unauthorizedByEndpoint: Record<string, number>;
  /** b2_authorize_account answered 401 (wrong, expired or deleted key). */
  signInsRejected: number;
}

/** Remembers which key made each request, for the per-key count. */
const callers = new WeakMap<IncomingMessage, string>();

/** Records that `req` is made with application key `keyId` (once its token was checked). */
export function noteCaller(req: IncomingMessage, keyId: string): void {
  callers.set(req, keyId);
}

/** The counters of one running server. */
export class RefusalCounter {
  private stats: RefusalStats = {
    unauthorized: 0,
    unauthorizedByKey: {},
    unauthorizedByEndpoint: {},
    signInsRejected: 0,
  };

  /** Counts one 401 `unauthorized` answer to `req` on `endpoint`. */
  record(req: IncomingMessage, endpoint: string): void {
    if (endpoint === 'b2_authorize_account') {
      this.stats.signInsRejected++;
      return;
    }
    const key = callers.get(req) ?? 'anonymous';
    this.stats.unauthorized++;
    this.stats.unauthorizedByKey[key] = (this.stats.unauthorizedByKey[key] ?? 0) + 1;
    this.stats.unauthorizedByEndpoint[endpoint] = (this.stats.unauthorizedByEndpoint[endpoint] ?? 0) + 1;
  }

  /** A copy of the counters. */
  get(): RefusalStats {
    return {
      unauthorized: this.stats.unauthorized,
      unauthorizedByKey: { ...this.stats.unauthorizedByKey },
      unauthorizedByEndpoint: { ...this.stats.unauthorizedByEndpoint },
      signInsRejected: this.stats.signInsRejected,
    };
  }
}
