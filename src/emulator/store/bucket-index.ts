/**
 * The per-bucket name index: a sorted array of names plus, per name, its versions and unfinished
 * large files, newest first. Names compare in JavaScript code-unit order (like the backblaze-labs
 * simulator; real B2's order for astral characters is not documented: docs/b2-api.md §4.1, §8).
 */
import type { LargeFileRecord, VersionRecord } from './model.js';

/** Everything stored under one file name. Both arrays are sorted by `seq`, newest first. */
export interface NameEntry {
  versions: VersionRecord[];
  starts: LargeFileRecord[];
}

/** Sorted name index for one bucket. */
export class BucketIndex {
  readonly names: string[] = [];
  readonly entries = new Map<string, NameEntry>();

  /** Index of the first name >= `name`. */
  lowerBound(name: string): number {
    let lo = 0;
    let hi = this.names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.names[mid] ?? '') < name) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private entryFor(name: string): NameEntry {
    let entry = this.entries.get(name);
    if (!entry) {
      entry = { versions: [], starts: [] };
      this.entries.set(name, entry);
      this.names.splice(this.lowerBound(name), 0, name);
    }
    return entry;
  }

  private dropIfEmpty(name: string, entry: NameEntry): void {
    if (entry.versions.length > 0 || entry.starts.length > 0) return;
    this.entries.delete(name);
    const i = this.lowerBound(name);
    if (this.names[i] === name) this.names.splice(i, 1);
  }

  addVersion(v: VersionRecord): void {
    insertBySeq(this.entryFor(v.fileName).versions, v);
  }

  removeVersion(v: VersionRecord): void {
    const entry = this.entries.get(v.fileName);
    if (!entry) return;
    entry.versions = entry.versions.filter((x) => x.fileId !== v.fileId);
    this.dropIfEmpty(v.fileName, entry);
  }

  addStart(l: LargeFileRecord): void {
    insertBySeq(this.entryFor(l.fileName).starts, l);
  }

  removeStart(l: LargeFileRecord): void {
    const entry = this.entries.get(l.fileName);
    if (!entry) return;
    entry.starts = entry.starts.filter((x) => x.fileId !== l.fileId);
    this.dropIfEmpty(l.fileName, entry);
  }

  /** The newest version of a name (upload or hide), ignoring unfinished large files. */
  latest(name: string): VersionRecord | undefined {
    return this.entries.get(name)?.versions[0];
  }

  /** True while any version or unfinished large file remains. */
  isEmpty(): boolean {
    return this.names.length === 0;
  }
}

function insertBySeq<T extends { seq: number }>(list: T[], item: T): void {
  let i = 0;
  while (i < list.length && (list[i]?.seq ?? 0) > item.seq) i++;
  list.splice(i, 0, item);
}
