/**
 * Remembers the SHA1 of every file the CLI writes, and on B2 how it was encrypted, for `--json`
 * results (the engine's JobView says that a file was verified, not what its checksum is).
 *
 * It wraps the providers the engine gets: `write` and `copy` record the checksum of the entry
 * they return; when the caller did not know the checksum up front (local→local copies, large B2
 * files without `large_file_sha1`), the bytes are hashed on their way into `write`.
 * The local provider's `copy` (fs.copyFile) is left out on purpose, so local copies are streamed
 * and hashed like every other transfer instead of being copied blind.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { Entry, FileEncryption, Provider, WriteOptions } from '../providers/types.js';

/** A pass-through that hashes and counts what flows through it. */
class Sha1Tap extends Transform {
  private readonly hash: Hash = createHash('sha1');
  bytes = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    cb(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** A 40-hex SHA1 (B2's `unverified:` prefix dropped, lower case), or null. */
export function cleanSha1(sha1: string | null | undefined): string | null {
  if (!sha1) return null;
  const s = sha1.startsWith('unverified:') ? sha1.slice('unverified:'.length) : sha1;
  return /^[0-9a-fA-F]{40}$/.test(s) ? s.toLowerCase() : null;
}

/** Checksums (and B2 encryption) of written files, by provider reference and path. */
export class Sha1Recorder {
  private readonly sums = new Map<string, string | null>();
  private readonly encryptions = new Map<string, FileEncryption>();

  /** The SHA1 recorded for `path` on `ref`, or null when unknown. */
  sha1Of(ref: string, path: string): string | null {
    return this.sums.get(`${ref}\0${path}`) ?? null;
  }

  /** How B2 reported the file written at `path` on `ref` to be encrypted, or null (local, unknown). */
  encryptionOf(ref: string, path: string): FileEncryption | null {
    return this.encryptions.get(`${ref}\0${path}`) ?? null;
  }

  private record(ref: string, path: string, sha1: string | null, written?: Entry): void {
    this.sums.set(`${ref}\0${path}`, sha1);
    if (written?.encryption !== undefined) this.encryptions.set(`${ref}\0${path}`, written.encryption);
  }

  /** `p` with `write` and `copy` recorded under `ref`; see the module comment. */
  wrap(ref: string, p: Provider): Provider {
    const wrapped: Provider = {
      traits: p.traits,
      // A getter: the B2 provider refreshes its KeyInfo on re-authorization.
      get keyInfo() {
        return p.keyInfo;
      },
      list: (path, options) => p.list(path, options),
      stat: (path, options) => p.stat(path, options),
      openRead: (path, options) => p.openRead(path, options),
      write: (path, source, options) => this.write(ref, p, path, source, options),
      mkdir: (path, options) => p.mkdir(path, options),
      remove: (path, options) => p.remove(path, options),
    };
    if (p.copy && p.traits.kind !== 'local') {
      const copy = p.copy.bind(p);
      wrapped.copy = async (from, to, options) => {
        const entry = await copy(from, to, options);
        this.record(ref, to, cleanSha1(entry.sha1), entry);
        return entry;
      };
    }
    if (p.move) wrapped.move = p.move.bind(p);
    if (p.versions) wrapped.versions = p.versions.bind(p);
    if (p.unfinishedUploads) wrapped.unfinishedUploads = p.unfinishedUploads.bind(p);
    if (p.close) wrapped.close = p.close.bind(p);
    return wrapped;
  }

  private async write(ref: string, p: Provider, path: string, source: Readable, options: WriteOptions): Promise<Entry> {
    if (cleanSha1(options.sha1) !== null) {
      const entry = await p.write(path, source, options);
      this.record(ref, path, cleanSha1(entry.sha1) ?? cleanSha1(options.sha1), entry);
      return entry;
    }
    const tap = new Sha1Tap();
    // pipe() does not forward errors: a failing source must fail the write, and a write that
    // stops reading must not leave the source open.
    source.on('error', (err) => tap.destroy(err));
    tap.once('close', () => {
      if (!source.readableEnded) source.destroy();
    });
    source.pipe(tap);
    const entry = await p.write(path, tap, options);
    this.record(ref, path, cleanSha1(entry.sha1) ?? (tap.bytes === options.size ? tap.digest() : null), entry);
    return entry;
  }
}
