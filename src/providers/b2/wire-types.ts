/**
 * JSON shapes of the B2 native API as this provider reads them (docs/b2-api.md §1.3, §2.5, §4.7).
 * Only the fields we use are typed; B2 may add fields at any time (docs/b2-api.md §1.1).
 */

/** `apiInfo.storageApi.allowed` of a v4 `b2_authorize_account` response. */
export interface WireAllowedV4 {
  buckets?: Array<{ id: string; name: string | null }> | null;
  capabilities?: string[];
  namePrefix?: string | null;
}

/** v4 `b2_authorize_account` response (docs/b2-api.md §1.3). */
export interface WireAuthorizeV4 {
  accountId: string;
  authorizationToken: string;
  applicationKeyExpirationTimestamp?: number | null;
  apiInfo: {
    storageApi: {
      apiUrl: string;
      downloadUrl: string;
      recommendedPartSize: number;
      absoluteMinimumPartSize: number;
      allowed?: WireAllowedV4;
    };
  };
}

/** The common file object (docs/b2-api.md §4.7); `action` may gain new values. */
export interface WireFile {
  accountId?: string;
  action: string;
  bucketId?: string;
  contentLength: number;
  contentSha1: string | null;
  contentType: string | null;
  fileId: string | null;
  fileInfo?: Record<string, string> | null;
  fileName: string;
  uploadTimestamp: number;
  /** Envelopes of docs/b2-api.md §4.7 (absent on hide markers and folder rows): read defensively. */
  serverSideEncryption?: unknown;
  fileRetention?: unknown;
  legalHold?: unknown;
}

export interface WireListFiles {
  files: WireFile[];
  nextFileName: string | null;
  nextFileId?: string | null;
}

export interface WireListUnfinished {
  files: WireFile[];
  nextFileId: string | null;
}

export interface WireBucket {
  accountId: string;
  bucketId: string;
  bucketName: string;
  bucketType: string;
  /** The bucket settings below (v2+; docs/b2-api.md §4): read defensively, B2 may add or change shapes. */
  lifecycleRules?: unknown;
  corsRules?: unknown;
  defaultServerSideEncryption?: unknown;
  fileLockConfiguration?: unknown;
}

export interface WireListBuckets {
  buckets: WireBucket[];
}

export interface WireUploadUrl {
  uploadUrl: string;
  authorizationToken: string;
}

export interface WirePart {
  fileId: string;
  partNumber: number;
  contentLength: number;
  contentSha1: string;
}

export interface WireListParts {
  parts: WirePart[];
  nextPartNumber: number | null;
}

/** v4 key object (bucketIds, docs/b2-api.md §2.5). */
export interface WireKeyV4 {
  accountId: string;
  applicationKeyId: string;
  keyName: string;
  capabilities: string[];
  expirationTimestamp: number | null;
  namePrefix: string | null;
  bucketIds: string[] | null;
  applicationKey?: string;
}

export interface WireListKeysV4 {
  keys: WireKeyV4[];
  nextApplicationKeyId: string | null;
}

export interface WireDownloadAuthorization {
  authorizationToken: string;
  bucketId: string;
  fileNamePrefix: string;
}

/** The B2 error body: `{status, code, message}` (docs/b2-api.md §3.1). */
export interface WireError {
  status?: number;
  code?: string;
  message?: string;
}
