/**
 * The files of the demo account (see demo-seed.ts). Content is deterministic per name, so tests
 * can recompute it with {@link demoBytes}.
 */
import { DEMO_BUCKETS } from './demo-constants.js';

/** One seeded file version, or a hide marker (`hide: true`). Order matters: later = newer. */
export interface SeedFile {
  bucket: string;
  name: string;
  /** Made when the seed stores the file: making every file's bytes at once held requests up. */
  data: () => Buffer;
  contentType?: string;
  info?: Record<string, string>;
  uploadTimestamp?: number;
  hide?: boolean;
}

/** True where a Uint32Array stores its words little-endian (every machine Node ships for today). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Deterministic pseudo-random bytes for `name` (xorshift32 seeded from the name): each 32-bit state
 * in turn, little-endian, cut to `size`. Written through a Uint32Array: the demo's 5.5 MB large
 * file took half a second of start-up as one `writeUInt32LE` call per word.
 */
export function demoBytes(name: string, size: number): Buffer {
  const key = `${size}:${name}`;
  let bytes = generated.get(key);
  if (bytes === undefined) {
    bytes = generate(name, size);
    generated.set(key, bytes);
  }
  // A copy: the caller may keep or change it; a copy costs a memcpy, generating costs 10×.
  return Buffer.from(bytes);
}

/**
 * What {@link demoBytes} made, by size and name: every demo server (and every test that starts
 * one) seeds the same few files, the largest 5.5 MB.
 */
const generated = new Map<string, Buffer>();

/** xorshift32's first state for `name` (FNV-1a of its code points, never 0). */
function seedOf(name: string): number {
  let x = 2166136261;
  for (const ch of name) x = Math.imul(x ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return x === 0 ? 1 : x;
}

/** Writes the states after `x` into `words[from..to)`; returns the last. */
function fill(words: Uint32Array, from: number, to: number, x: number): number {
  for (let i = from; i < to; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    words[i] = x;
  }
  return x;
}

/** The words as little-endian bytes, cut to `size`. */
function bytesOf(words: Uint32Array, size: number): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(words.buffer, 0, size);
  const le = Buffer.alloc(words.length * 4);
  words.forEach((w, i) => le.writeUInt32LE(w, i * 4));
  return le.subarray(0, size);
}

function generate(name: string, size: number): Buffer {
  const words = new Uint32Array(Math.ceil(size / 4));
  fill(words, 0, words.length, seedOf(name));
  return bytesOf(words, size);
}

/** Words generated between two turns by {@link demoBytesInTurns}: a megabyte. */
const TURN_WORDS = 256 * 1024;

/**
 * {@link demoBytes} for the demo server's seed: the same bytes, made a megabyte at a time with
 * `turn()` between the pieces, so that the server answers requests meanwhile (the large file is
 * 5.5 MB). Read-only: the buffer is the one kept for later calls, not a copy.
 */
export async function demoBytesInTurns(name: string, size: number, turn: () => Promise<void>): Promise<Buffer> {
  const key = `${size}:${name}`;
  const kept = generated.get(key);
  if (kept !== undefined) return kept;
  const words = new Uint32Array(Math.ceil(size / 4));
  let x = seedOf(name);
  for (let i = 0; i < words.length; i += TURN_WORDS) {
    if (i > 0) await turn();
    x = fill(words, i, Math.min(words.length, i + TURN_WORDS), x);
  }
  const bytes = bytesOf(words, size);
  generated.set(key, bytes);
  return bytes;
}

function text(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

const DAY = 86_400_000;

/**
 * The content type `b2/x-auto` gives each seeded name without a type of its own, by extension
 * (tests/emulator/demo-seeding.test.ts checks each against the server's own lookup). Named here so
 * that seeding never builds the MIME tables: the first lookup takes the demo thread 20–40 ms,
 * which b2c's sign-in would wait for (bench/README.md, "Start-up").
 */
const SEED_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.exe': 'application/x-msdos-program',
  '.html': 'text/html',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.gz': 'application/gzip',
  '.sql': 'application/sql',
};

/** The type of a seeded name without one (no known extension: `application/octet-stream`). */
function seedContentType(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > name.lastIndexOf('/') + 1 ? name.slice(dot).toLowerCase() : '';
  return SEED_CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Every seeded file, oldest first, each with its content type. */
export function seedFiles(now = Date.now()): SeedFile[] {
  return seedList(now).map((f) => (f.hide || f.contentType ? f : { ...f, contentType: seedContentType(f.name) }));
}

function seedList(now: number): SeedFile[] {
  const photos = DEMO_BUCKETS.photos;
  const pub = DEMO_BUCKETS.public;
  const backups = DEMO_BUCKETS.backups;
  const mtime = (daysAgo: number): Record<string, string> => ({
    src_last_modified_millis: String(now - daysAgo * DAY),
  });
  const at = (daysAgo: number): number => now - daysAgo * DAY;
  return [
    // demo-photos: folders, sizes, versions, hide markers, unicode and hostile names.
    {
      bucket: photos,
      name: 'README.txt',
      data: () => text('Demo photos bucket, first draft.\n'),
      info: mtime(30),
      uploadTimestamp: at(30),
    },
    {
      bucket: photos,
      name: 'README.txt',
      data: () => text('Demo photos bucket.\nBrowse the folders with the arrow keys.\n'),
      info: mtime(2),
      uploadTimestamp: at(2),
    },
    {
      bucket: photos,
      name: 'photos/2024/beach.jpg',
      data: () => demoBytes('beach', 245_760),
      contentType: 'image/jpeg',
      info: mtime(100),
      uploadTimestamp: at(99),
    },
    {
      bucket: photos,
      name: 'photos/2024/sunset.jpg',
      data: () => demoBytes('sunset', 180_000),
      contentType: 'image/jpeg',
      info: mtime(90),
      uploadTimestamp: at(89),
    },
    {
      bucket: photos,
      name: 'photos/2023/mountain.png',
      data: () => demoBytes('mountain', 61_440),
      info: mtime(400),
      uploadTimestamp: at(399),
    },
    {
      bucket: photos,
      name: 'photos/cats/mia.jpg',
      data: () => demoBytes('mia', 98_304),
      info: mtime(50),
      uploadTimestamp: at(50),
    },
    {
      bucket: photos,
      name: 'photos/cats/old-cat.jpg',
      data: () => demoBytes('old-cat', 40_000),
      info: mtime(60),
      uploadTimestamp: at(60),
    },
    { bucket: photos, name: 'photos/cats/old-cat.jpg', data: () => Buffer.alloc(0), hide: true },
    {
      bucket: photos,
      name: 'docs/report.pdf',
      data: () => demoBytes('report-v1', 20_000),
      contentType: 'application/pdf',
      info: mtime(20),
      uploadTimestamp: at(20),
    },
    {
      bucket: photos,
      name: 'docs/report.pdf',
      data: () => demoBytes('report-v2', 24_000),
      contentType: 'application/pdf',
      info: mtime(10),
      uploadTimestamp: at(10),
    },
    {
      bucket: photos,
      name: 'docs/report.pdf',
      data: () => demoBytes('report-v3', 26_500),
      contentType: 'application/pdf',
      info: mtime(1),
      uploadTimestamp: at(1),
    },
    {
      bucket: photos,
      name: 'docs/notes.md',
      data: () => text('# Notes\n\n- buy film\n- back up the NAS\n'),
      info: { ...mtime(5), 'b2-content-disposition': 'inline' },
      uploadTimestamp: at(5),
    },
    {
      bucket: photos,
      name: 'docs/deleted-draft.txt',
      data: () => text('draft\n'),
      info: mtime(8),
      uploadTimestamp: at(8),
    },
    { bucket: photos, name: 'docs/deleted-draft.txt', data: () => Buffer.alloc(0), hide: true },
    {
      bucket: photos,
      name: 'unicode/日本語のファイル.txt',
      data: () => text('こんにちは\n'),
      info: mtime(3),
      uploadTimestamp: at(3),
    },
    { bucket: photos, name: 'unicode/émoji-🎉.txt', data: () => text('🎉\n'), info: mtime(3), uploadTimestamp: at(3) },
    {
      bucket: photos,
      name: 'unicode/Ελληνικά/αρχείο.txt',
      data: () => text('γεια\n'),
      info: mtime(3),
      uploadTimestamp: at(3),
    },
    {
      bucket: photos,
      name: 'weird/name with spaces & symbols (1)+plus.txt',
      data: () => text('spaces\n'),
      uploadTimestamp: at(4),
    },
    // Hostile names for the UI's sanitising: a raw ESC sequence (real B2 refuses control characters,
    // so this one exists only in the demo), a C1 CSI (legal on B2) and a right-to-left override.
    { bucket: photos, name: 'weird/\u001b[31mred\u001b[0m.txt', data: () => text('escape\n'), uploadTimestamp: at(4) },
    { bucket: photos, name: 'weird/csi-\u009b2J-clear.txt', data: () => text('c1\n'), uploadTimestamp: at(4) },
    { bucket: photos, name: 'weird/bidi-\u202egnp.exe', data: () => text('bidi\n'), uploadTimestamp: at(4) },
    { bucket: photos, name: 'empty-folder/.bzEmpty', data: () => Buffer.alloc(0), uploadTimestamp: at(6) },
    // demo-public: a tiny static site.
    {
      bucket: pub,
      name: 'index.html',
      data: () => text('<!doctype html><title>demo</title><h1>Hello from b2c</h1>\n'),
      uploadTimestamp: at(7),
    },
    { bucket: pub, name: 'assets/style.css', data: () => text('h1 { color: teal; }\n'), uploadTimestamp: at(7) },
    {
      bucket: pub,
      name: 'assets/logo.svg',
      data: () => text('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>\n'),
      uploadTimestamp: at(7),
    },
    {
      bucket: pub,
      name: 'downloads/tool-1.2.3.tar.gz',
      data: () => demoBytes('tool', 307_200),
      contentType: 'application/gzip',
      uploadTimestamp: at(7),
    },
    // demo-backups: many versions.
    {
      bucket: backups,
      name: 'server1/latest.tar.gz',
      data: () => demoBytes('latest-1', 50_000),
      info: mtime(3),
      uploadTimestamp: at(3),
    },
    {
      bucket: backups,
      name: 'server1/latest.tar.gz',
      data: () => demoBytes('latest-2', 51_000),
      info: mtime(2),
      uploadTimestamp: at(2),
    },
    {
      bucket: backups,
      name: 'server1/latest.tar.gz',
      data: () => demoBytes('latest-3', 52_000),
      info: mtime(1),
      uploadTimestamp: at(1),
    },
    {
      bucket: backups,
      name: 'server1/2024-01-01.tar.gz',
      data: () => demoBytes('2024-01-01', 100_000),
      info: mtime(300),
      uploadTimestamp: at(300),
    },
    {
      bucket: backups,
      name: 'db/dump.sql',
      data: () => text('CREATE TABLE demo (id int);\n'),
      info: mtime(1),
      uploadTimestamp: at(1),
    },
  ];
}
