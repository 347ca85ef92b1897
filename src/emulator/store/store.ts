/**
 * The emulator's state: account meta, buckets, file versions, unfinished large files and their
 * parts, application keys, plus blob reference counts. Every mutation is a JournalRecord applied
 * in memory at once and handed to the journal (persistence.ts) when one is attached; `commit`
 * resolves once the records are durable. Blobs whose last reference goes away are deleted only
 * after that commit, so a crash can never leave metadata pointing at a deleted blob.
 */
import { BucketIndex } from './bucket-index.js';
import type { BlobStore } from './blob-store.js';
import type {
  AccountMeta,
  BucketRecord,
  KeyRecord,
  LargeFileRecord,
  PartRecord,
  Segment,
  VersionRecord,
} from './model.js';

/** One state change, as stored in the journal. `-` suffixed kinds are deletions by ID. */
export type JournalRecord =
  | { t: 'meta'; v: AccountMeta }
  | { t: 'bucket'; v: BucketRecord }
  | { t: 'bucket-'; id: string }
  | { t: 'version'; v: VersionRecord }
  | { t: 'version-'; id: string }
  | { t: 'large'; v: LargeFileRecord }
  | { t: 'large-'; id: string }
  | { t: 'part'; fileId: string; v: PartRecord }
  | { t: 'key'; v: KeyRecord }
  | { t: 'key-'; id: string };

/** Where committed records go (a no-op for in-memory stores). */
export interface Journal {
  append(records: JournalRecord[]): Promise<void>;
}

/** In-memory state plus optional journal. */
export class Store {
  readonly buckets = new Map<string, BucketRecord>();
  readonly keys = new Map<string, KeyRecord>();
  readonly versions = new Map<string, VersionRecord>();
  readonly largeFiles = new Map<string, LargeFileRecord>();
  readonly parts = new Map<string, Map<number, PartRecord>>();
  private readonly indexes = new Map<string, BucketIndex>();
  private readonly blobRefs = new Map<string, number>();
  private garbage: string[] = [];
  journal: Journal | undefined;

  constructor(
    public meta: AccountMeta,
    readonly blobs: BlobStore,
  ) {}

  /** A fresh, strictly increasing sequence number (orders versions, numbers keys). */
  nextSeq(): number {
    const seq = this.meta.nextSeq;
    this.meta.nextSeq = seq + 1;
    return seq;
  }

  /** The name index of a bucket (created on demand). */
  index(bucketId: string): BucketIndex {
    let idx = this.indexes.get(bucketId);
    if (!idx) {
      idx = new BucketIndex();
      this.indexes.set(bucketId, idx);
    }
    return idx;
  }

  /** Finds a bucket by name, case-insensitively (B2 bucket names are). */
  bucketByName(name: string): BucketRecord | undefined {
    const lower = name.toLowerCase();
    for (const b of this.buckets.values()) if (b.bucketName.toLowerCase() === lower) return b;
    return undefined;
  }

  /** True when the blob is still referenced by any version or part. */
  isBlobReferenced(blobId: string): boolean {
    return (this.blobRefs.get(blobId) ?? 0) > 0;
  }

  /** Applies records in memory, journals them, then deletes blobs nobody references any more. */
  async commit(...records: JournalRecord[]): Promise<void> {
    for (const r of records) this.apply(r);
    if (this.journal) await this.journal.append([...records, { t: 'meta', v: { ...this.meta } }]);
    await this.collectGarbage();
  }

  /** Deletes blobs whose reference count reached zero. */
  async collectGarbage(): Promise<void> {
    const dead = this.garbage;
    this.garbage = [];
    for (const id of dead) if (!this.isBlobReferenced(id)) await this.blobs.delete(id);
  }

  /** Applies one record to the in-memory state (also used to replay the journal). */
  apply(r: JournalRecord): void {
    switch (r.t) {
      case 'meta':
        this.meta = { ...r.v, nextSeq: Math.max(r.v.nextSeq, this.meta.nextSeq) };
        return;
      case 'bucket':
        this.buckets.set(r.v.bucketId, r.v);
        return;
      case 'bucket-':
        this.buckets.delete(r.id);
        this.indexes.delete(r.id);
        return;
      case 'version': {
        const old = this.versions.get(r.v.fileId);
        if (old) this.removeVersion(old);
        this.versions.set(r.v.fileId, r.v);
        this.index(r.v.bucketId).addVersion(r.v);
        this.ref(r.v.segments, 1);
        this.bumpSeq(r.v.seq);
        return;
      }
      case 'version-': {
        const old = this.versions.get(r.id);
        if (old) this.removeVersion(old);
        return;
      }
      case 'large': {
        const old = this.largeFiles.get(r.v.fileId);
        if (old) this.index(old.bucketId).removeStart(old);
        this.largeFiles.set(r.v.fileId, r.v);
        this.index(r.v.bucketId).addStart(r.v);
        if (!this.parts.has(r.v.fileId)) this.parts.set(r.v.fileId, new Map());
        this.bumpSeq(r.v.seq);
        return;
      }
      case 'large-': {
        const old = this.largeFiles.get(r.id);
        if (old) this.index(old.bucketId).removeStart(old);
        this.largeFiles.delete(r.id);
        for (const p of this.parts.get(r.id)?.values() ?? []) this.ref(p.segments, -1);
        this.parts.delete(r.id);
        return;
      }
      case 'part': {
        const parts = this.parts.get(r.fileId);
        if (!parts) return;
        const old = parts.get(r.v.partNumber);
        if (old) this.ref(old.segments, -1);
        parts.set(r.v.partNumber, r.v);
        this.ref(r.v.segments, 1);
        return;
      }
      case 'key':
        this.keys.set(r.v.applicationKeyId, r.v);
        return;
      case 'key-':
        this.keys.delete(r.id);
        return;
      default: {
        const never: never = r;
        throw new Error(`unknown journal record ${JSON.stringify(never)}`);
      }
    }
  }

  private removeVersion(v: VersionRecord): void {
    this.versions.delete(v.fileId);
    this.index(v.bucketId).removeVersion(v);
    this.ref(v.segments, -1);
  }

  private bumpSeq(seq: number): void {
    if (seq >= this.meta.nextSeq) this.meta.nextSeq = seq + 1;
  }

  private ref(segments: Segment[], delta: number): void {
    for (const s of segments) {
      const n = (this.blobRefs.get(s.blobId) ?? 0) + delta;
      if (n <= 0) {
        this.blobRefs.delete(s.blobId);
        this.garbage.push(s.blobId);
      } else {
        this.blobRefs.set(s.blobId, n);
      }
    }
  }

  /** Every record needed to rebuild the current state (for journal compaction). */
  snapshot(): JournalRecord[] {
    const out: JournalRecord[] = [{ t: 'meta', v: { ...this.meta } }];
    for (const v of this.buckets.values()) out.push({ t: 'bucket', v });
    for (const v of this.keys.values()) out.push({ t: 'key', v });
    for (const v of this.versions.values()) out.push({ t: 'version', v });
    for (const v of this.largeFiles.values()) {
      out.push({ t: 'large', v });
      for (const p of this.parts.get(v.fileId)?.values() ?? []) out.push({ t: 'part', fileId: v.fileId, v: p });
    }
    return out;
  }
}
