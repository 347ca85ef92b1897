/**
 * Upload URLs: one per concurrent upload, reused serially, replaced after a failure.
 * B2 rejects concurrent uploads on one upload token (docs/b2-api.md §3.3, `auth_token_limit`), so
 * every in-flight upload holds its own URL; a URL goes back to the pool only after a success.
 * After 401 (any code), 408, 5xx or a network failure the URL is dropped and the retry gets a
 * fresh one; a 429 is retried on the same URL after its Retry-After.
 */
import type { CallContext } from './error-map.js';
import { toCallError } from './call-error.js';
import { backoffDelay, sleep } from './retry.js';
import type { B2Session } from './session.js';
import type { WireUploadUrl } from './wire-types.js';

/** Where an upload goes: a whole file into a bucket, or parts of one large file. */
export type UploadTarget = { kind: 'bucket'; bucketId: string } | { kind: 'part'; fileId: string };

function poolKey(t: UploadTarget): string {
  switch (t.kind) {
    case 'bucket':
      return `b:${t.bucketId}`;
    case 'part':
      return `p:${t.fileId}`;
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** Free upload URLs per bucket / per large file; a URL is held by one upload at a time. */
export class UploadUrlPool {
  private readonly free = new Map<string, WireUploadUrl[]>();

  constructor(private readonly session: B2Session) {}

  /** A URL nobody else is using: from the pool, else a new one from B2. */
  async acquire(target: UploadTarget, ctx: CallContext, signal?: AbortSignal): Promise<WireUploadUrl> {
    const spare = this.free.get(poolKey(target))?.pop();
    if (spare !== undefined) return spare;
    const getCtx = {
      ...ctx,
      op: target.kind === 'bucket' ? 'b2_get_upload_url' : 'b2_get_upload_part_url',
      capability: 'writeFiles',
    };
    switch (target.kind) {
      case 'bucket':
        return this.session.lib<WireUploadUrl>(getCtx, signal, (c, x) =>
          c.getUploadUrl({ bucketId: target.bucketId, ...x }),
        );
      case 'part':
        return this.session.lib<WireUploadUrl>(getCtx, signal, (c, x) =>
          c.getUploadPartUrl({ fileId: target.fileId, ...x }),
        );
      default: {
        const never: never = target;
        return never;
      }
    }
  }

  /** Returns a URL that just worked, for the next upload to the same target. */
  release(target: UploadTarget, url: WireUploadUrl): void {
    const key = poolKey(target);
    const list = this.free.get(key) ?? [];
    list.push(url);
    this.free.set(key, list);
  }

  /** Forgets the part URLs of a finished or cancelled large file. */
  dropParts(fileId: string): void {
    this.free.delete(poolKey({ kind: 'part', fileId }));
  }

  /**
   * Runs `send` with a URL, under the upload retry rules above (at most `maxUploadAttempts`
   * tries, of which at most `maxSilentTries` may end in silence; a 401 `unauthorized` is tried on
   * two URLs only, as it usually means a real refusal).
   * @throws the mapped ProviderError of the last failure
   */
  async send<T>(
    target: UploadTarget,
    ctx: CallContext,
    signal: AbortSignal | undefined,
    send: (url: WireUploadUrl) => Promise<T>,
  ): Promise<T> {
    const policy = this.session.policy;
    let silent = 0;
    for (let n = 1; ; n++) {
      const url = await this.acquire(target, ctx, signal);
      try {
        const result = await send(url);
        this.release(target, url);
        return result;
      } catch (raw) {
        const found = toCallError(raw);
        if (found === null) throw raw;
        const e = found.afterAttempts(n);
        if (e.silence !== undefined && ++silent >= policy.maxSilentTries && signal?.aborted !== true)
          throw this.session.fail(e, ctx);
        if (e.isCancelled || signal?.aborted === true) throw this.session.fail(e, ctx);
        const status = e.status ?? 0;
        if (status === 429) this.release(target, url);
        const urlProblem = e.isNetwork || status === 401 || status === 408 || status >= 500;
        const giveUp =
          !(urlProblem || status === 429) ||
          n >= policy.maxUploadAttempts ||
          (e.code === 'unauthorized' && n >= 2) ||
          (e.retryAfterMs !== undefined && e.retryAfterMs > policy.maxDelayMs);
        if (giveUp) throw this.session.fail(e, ctx);
        try {
          await sleep(backoffDelay(policy, n, e.retryAfterMs), signal);
        } catch (cancel) {
          throw this.session.fail(cancel, ctx);
        }
      }
    }
  }
}
