/**
 * Token registry: account tokens (from b2_authorize_account), upload tokens (tied to one upload
 * URL) and download-authorization tokens. One namespace for every API version (docs/b2-api.md
 * §1.1). Tokens live in memory only; after a restart clients get bad_auth_token and re-authorize.
 */
import { badAuthToken, expiredAuthToken } from '../http/errors.js';
import { newShortId, newToken } from '../store/ids.js';

/** An account authorization token. */
export interface AccountToken {
  token: string;
  keyId: string;
  /** ms since the epoch. */
  expiresAt: number;
  /** Set by faults / expireAll: the token then stays expired. */
  expired: boolean;
}

/** An upload token: valid only on the upload URL it was issued with. */
export interface UploadToken {
  token: string;
  kind: 'file' | 'part';
  /** bucketId for `file`, large fileId for `part`. */
  targetId: string;
  urlId: string;
  keyId: string;
  expiresAt: number;
  expired: boolean;
  /** True while an upload is using the token (B2 refuses concurrent use). */
  busy?: boolean;
}

/** A download authorization from b2_get_download_authorization. */
export interface DownloadToken {
  token: string;
  bucketId: string;
  fileNamePrefix: string;
  expiresAt: number;
  /** b2ContentDisposition etc. that downloads must repeat as query parameters. */
  overrides: Record<string, string>;
}

/** All live tokens. */
export class TokenRegistry {
  private readonly account = new Map<string, AccountToken>();
  private readonly upload = new Map<string, UploadToken>();
  private readonly download = new Map<string, DownloadToken>();

  constructor(private readonly lifetimeMs: number) {}

  /** Issues an account token; it expires after the lifetime or at `keyExpiry`, whichever is first. */
  issueAccount(keyId: string, keyExpiry: number | null): AccountToken {
    const expiresAt = Math.min(Date.now() + this.lifetimeMs, keyExpiry ?? Number.MAX_SAFE_INTEGER);
    const t: AccountToken = { token: newToken('4_004'), keyId, expiresAt, expired: false };
    this.account.set(t.token, t);
    return t;
  }

  /** Looks an account token up. Throws 401 bad_auth_token / expired_auth_token. */
  checkAccount(token: string | undefined): AccountToken {
    const t = token ? this.account.get(token) : undefined;
    if (!t) throw badAuthToken();
    if (t.expired || Date.now() >= t.expiresAt) {
      t.expired = true;
      throw expiredAuthToken();
    }
    return t;
  }

  /** Looks an account token up without throwing (download paths also accept download tokens). */
  findAccount(token: string): AccountToken | undefined {
    return this.account.get(token);
  }

  /** Issues an upload URL id + token pair. */
  issueUpload(kind: 'file' | 'part', targetId: string, keyId: string): UploadToken {
    const t: UploadToken = {
      token: newToken('4_004_u'),
      kind,
      targetId,
      urlId: newShortId(),
      keyId,
      expiresAt: Date.now() + this.lifetimeMs,
      expired: false,
    };
    this.upload.set(t.token, t);
    return t;
  }

  /**
   * Checks an upload token against the URL it is used on. A token from another URL, an unknown
   * token or a revoked one gives bad_auth_token; an old one expired_auth_token. Either way the
   * client must fetch a new upload URL (docs/b2-api.md §3.3).
   */
  checkUpload(token: string | undefined, kind: 'file' | 'part', targetId: string, urlId: string): UploadToken {
    const t = token ? this.upload.get(token) : undefined;
    if (!t || t.kind !== kind || t.targetId !== targetId || t.urlId !== urlId) throw badAuthToken();
    if (t.expired || Date.now() >= t.expiresAt) {
      t.expired = true;
      throw expiredAuthToken();
    }
    return t;
  }

  /** Marks one upload token expired (fault injection); unknown tokens are ignored. */
  expireUpload(token: string | undefined): void {
    const t = token ? this.upload.get(token) : undefined;
    if (t) t.expired = true;
  }

  /**
   * Issues a download authorization token. Like an account token it ends at the signing key's
   * expiry (`keyExpiry`, ms) when that comes first: a link never outlives the key that made it.
   */
  issueDownload(
    bucketId: string,
    fileNamePrefix: string,
    validSeconds: number,
    overrides: Record<string, string>,
    keyExpiry: number | null = null,
  ): DownloadToken {
    const t: DownloadToken = {
      token: newToken('3_004_d'),
      bucketId,
      fileNamePrefix,
      expiresAt: Math.min(Date.now() + validSeconds * 1000, keyExpiry ?? Number.MAX_SAFE_INTEGER),
      overrides,
    };
    this.download.set(t.token, t);
    return t;
  }

  /** A download token, or undefined when unknown. */
  findDownload(token: string): DownloadToken | undefined {
    return this.download.get(token);
  }

  /** Marks every account and upload token expired (tests: re-authorization paths). */
  expireAll(): void {
    for (const t of this.account.values()) t.expired = true;
    for (const t of this.upload.values()) t.expired = true;
  }

  /** Revokes every token of a deleted key. */
  revokeKey(keyId: string): void {
    for (const [k, t] of this.account) if (t.keyId === keyId) this.account.delete(k);
    for (const [k, t] of this.upload) if (t.keyId === keyId) this.upload.delete(k);
  }
}
