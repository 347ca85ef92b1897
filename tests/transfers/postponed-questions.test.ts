/**
 * Postponed conflict questions (issue 12, item 4): with `postponeQuestions`, files whose target
 * exists are set aside, everything else is copied, and only then are the questions raised —
 * together. Local disk → the built-in B2 server over real HTTP; what arrived is read back.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { createTransferEngine, type TransferEngine } from '../../src/transfers/engine.js';
import type { ConflictQuestion, JobView } from '../../src/transfers/types.js';
import { startB2Server, type B2Server } from './helpers/b2-server.js';

let base = '';
let server: B2Server;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-postpone-'));
  server = await startB2Server();
});
afterEach(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

const NAMES = Array.from({ length: 24 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`);
/** The names already in the bucket: spread among the others, first and last included. */
const EXISTING = ['f00.txt', 'f07.txt', 'f13.txt', 'f23.txt'];

async function readB2(name: string): Promise<string> {
  const h = await server.b2.openRead(`/${server.bucket}/${name}`);
  const chunks: Buffer[] = [];
  for await (const c of h.stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

/** An engine copying NAMES into the bucket (sub/ among them), recording when each question came. */
async function start(postpone: boolean): Promise<{
  engine: TransferEngine;
  asked: Array<{ q: ConflictQuestion; doneBefore: number; othersLeft: number }>;
  /** Settles once every EXISTING name has been asked about: an event, not a count of turns, since real HTTP under load takes any number of them. */
  allAsked: Promise<void>;
}> {
  const src = join(base, 'src');
  await mkdir(join(src, 'sub'), { recursive: true });
  for (const n of NAMES) await writeFile(join(src, n), `new ${n}`);
  await writeFile(join(src, 'sub', 'deep.txt'), 'deep');
  for (const n of EXISTING)
    await server.b2.write(`/${server.bucket}/${n}`, Readable.from([Buffer.from(`old ${n}`)]), {
      size: `old ${n}`.length,
      overwrite: true,
    });
  const local = createLocalProvider();
  const engine = createTransferEngine({
    providers: (ref) => (ref === 'local' ? local : server.b2),
    concurrency: 3,
  });
  const latest = new Map<string, JobView>();
  engine.on('job', (j) => latest.set(j.id, j));
  const asked: Array<{ q: ConflictQuestion; doneBefore: number; othersLeft: number }> = [];
  let settle!: () => void;
  const allAsked = new Promise<void>((resolve) => {
    settle = resolve;
  });
  engine.on('question', (q) => {
    const jobs = [...latest.values()];
    asked.push({
      q,
      doneBefore: jobs.filter((j) => j.state === 'done' && j.kind === 'upload').length,
      othersLeft: jobs.filter((j) => !['done', 'skipped', 'failed', 'cancelled', 'asking'].includes(j.state)).length,
    });
    if (asked.length === EXISTING.length) settle();
  });
  engine.submit({
    operation: 'copy',
    from: 'local',
    to: 'b2',
    items: [...NAMES, 'sub'].map((n) => ({ source: join(src, n), targetDir: `/${server.bucket}` })),
    conflict: 'ask',
    postponeQuestions: postpone,
  });
  return { engine, asked, allAsked };
}

describe('postponed conflict questions', () => {
  it('raises no question until every other file is copied, then all of them together', async () => {
    const { engine, asked, allAsked } = await start(true);
    await allAsked;
    // Every question came after the 21 other files (sub/deep.txt included) were done, none before.
    expect(asked.map((a) => a.doneBefore)).toEqual(EXISTING.map(() => NAMES.length - EXISTING.length + 1));
    expect(asked.every((a) => a.othersLeft === 0)).toBe(true);
    expect(asked.every((a) => a.q.postponed)).toBe(true);
    engine.publishNow();
    const snap = engine.store.getSnapshot();
    expect(snap.questions.map((q) => q.target.location.path.split('/').pop()).sort()).toEqual(EXISTING);
    for (const n of NAMES.filter((x) => !EXISTING.includes(x))) expect(await readB2(n)).toBe(`new ${n}`);
    expect(await readB2('sub/deep.txt')).toBe('deep');

    // Answers: one per item (keep both, skip), then overwrite for all that remain.
    const byName = (n: string) => snap.questions.find((q) => q.target.location.path.endsWith(`/${n}`));
    expect(engine.answer(byName('f00.txt')?.id ?? '', 'rename')).toBe(true);
    expect(engine.answer(byName('f07.txt')?.id ?? '', 'skip')).toBe(true);
    expect(engine.answer(byName('f13.txt')?.id ?? '', 'overwrite', true)).toBe(true);
    await engine.whenIdle();
    expect(await readB2('f00.txt')).toBe('old f00.txt');
    expect(await readB2('f00 (1).txt')).toBe('new f00.txt');
    expect(await readB2('f07.txt')).toBe('old f07.txt');
    expect(await readB2('f13.txt')).toBe('new f13.txt');
    expect(await readB2('f23.txt')).toBe('new f23.txt');
    engine.publishNow();
    expect(engine.store.getSnapshot().questions).toEqual([]);
    await engine.close();
  });

  it('without the option, a question comes while other files still wait (as before)', async () => {
    const { engine, asked, allAsked } = await start(false);
    await allAsked;
    expect(asked[0]?.q.postponed).toBe(false);
    expect(asked[0]?.othersLeft).toBeGreaterThan(0);
    engine.cancelAll();
    await engine.close();
  });
});
