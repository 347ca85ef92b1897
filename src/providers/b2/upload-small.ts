/**
 * Single-call uploads (b2_upload_file) for files up to the cutoff. The bytes are held in memory
 * (at most the cutoff, which never exceeds the part size) because a retry on a fresh upload URL
 * must send them again; each attempt streams them from that one buffer (no copies), counting
 * them as they are sent (./sending-body.ts).
 */
import type { BucketRef } from './buckets.js';
import type { CallContext } from './error-map.js';
import type { B2Session } from './session.js';
import type { UploadUrlPool } from './upload-url-pool.js';
import type { WireFile } from './wire-types.js';
import { SendingBody } from './sending-body.js';
import { writeHeaders } from './encryption.js';

/** A whole file already in memory, hashed, with its metadata. */
export interface SmallUpload {
  bucket: BucketRef;
  key: string;
  path: string;
  data: Buffer;
  sha1: string;
  contentType: string;
  info: Record<string, string>;
  signal?: AbortSignal;
  /** Bytes sent, as deltas while the body goes out; a failed attempt takes its bytes back (negative). */
  onSent?: (delta: number) => void;
}

/**
 * Uploads `data` as one file version.
 * @throws PermissionDeniedError, InvalidNameError-free (names are checked before), NoSpaceError,
 * TransientError (after the upload retries), CancelledError
 */
export function uploadSmall(session: B2Session, pool: UploadUrlPool, u: SmallUpload): Promise<WireFile> {
  const ctx: CallContext = {
    op: 'b2_upload_file',
    path: u.path,
    bucket: u.bucket.name,
    fileName: u.key,
    capability: 'writeFiles',
    action: 'Upload',
  };
  return pool.send({ kind: 'bucket', bucketId: u.bucket.id }, ctx, u.signal, async (url) => {
    // lodash `_.merge` inside the library deep-copies Buffers but passes streams through, so a
    // stream over the buffer avoids a copy per attempt. An empty body must stay a Buffer: the
    // library computes Content-Length as `contentLength || data.length`.
    const body = new SendingBody(u.onSent);
    const data = u.data.length === 0 ? u.data : body.stream(u.data);
    try {
      const res = await (
        await session.libClient()
      ).uploadFile({
        uploadUrl: url.uploadUrl,
        uploadAuthToken: url.authorizationToken,
        fileName: u.key,
        data,
        contentLength: u.data.length,
        hash: u.sha1,
        mime: u.contentType,
        info: u.info,
        ...session.extras(u.signal),
        axiosOverride: { headers: writeHeaders(session.encryption) },
      });
      return res.data as WireFile;
    } catch (e) {
      body.takeBack();
      throw e;
    }
  });
}
