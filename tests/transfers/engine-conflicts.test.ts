import { describe, expect, it } from 'vitest';
import { decideConflict, numberedName } from '../../src/transfers/conflicts.js';
import type { ConflictQuestion } from '../../src/transfers/types.js';
import { makeFixture } from './helpers/engine-fixture.js';
import { until } from './helpers/memory-provider.js';

describe('conflict rules (pure)', () => {
  it('numbers names before the last extension', () => {
    expect(numberedName('/d/report.pdf', 1)).toBe('/d/report (1).pdf');
    expect(numberedName('/d/archive.tar.gz', 2)).toBe('/d/archive.tar (2).gz');
    expect(numberedName('/d/.bashrc', 1)).toBe('/d/.bashrc (1)');
    expect(numberedName('/d/README', 3)).toBe('/d/README (3)');
  });

  it('overwrite-if-newer replaces only a strictly older target and skips when times are unknown', () => {
    const side = (mtimeMs: number | null) => ({ size: 1, mtimeMs });
    expect(decideConflict('overwrite-if-newer', side(2), side(1))).toEqual({ action: 'overwrite' });
    expect(decideConflict('overwrite-if-newer', side(1), side(1)).action).toBe('skip');
    expect(decideConflict('overwrite-if-newer', side(1), side(2)).action).toBe('skip');
    expect(decideConflict('overwrite-if-newer', side(null), side(2)).action).toBe('skip');
  });
});

function setup() {
  const f = makeFixture();
  for (const n of ['a.txt', 'b.txt', 'c.txt']) {
    f.local.put(`/s/${n}`, `new ${n}`, 2_000);
    f.b2.put(`/k/${n}`, `old ${n}`, 1_000);
  }
  f.local.put('/s/fresh.txt', 'fresh', 2_000);
  const questions: ConflictQuestion[] = [];
  f.engine.on('question', (q) => questions.push(q));
  const items = ['a.txt', 'b.txt', 'c.txt', 'fresh.txt'].map((n) => ({ source: `/s/${n}`, targetDir: '/k' }));
  return { f, questions, items };
}

describe('transfer engine: conflicts', () => {
  it('asks about one existing target at a time; other files keep moving', async () => {
    const { f, questions, items } = setup();
    f.engine.submit({ operation: 'copy', from: 'local', to: 'b2', conflict: 'ask', items });
    await f.engine.whenIdle();
    expect(f.b2.text('/k/fresh.txt')).toBe('fresh');
    expect(questions).toHaveLength(3);
    f.engine.publishNow();
    const snap = f.engine.store.getSnapshot();
    expect(snap.questionsPending).toBe(3);
    expect(snap.question).toMatchObject({
      source: { location: { provider: 'local', path: '/s/a.txt' }, size: 9, mtimeMs: 2_000 },
      target: { location: { provider: 'b2', path: '/k/a.txt' }, size: 9, mtimeMs: 1_000 },
      choices: ['overwrite', 'skip', 'rename', 'overwrite-if-newer'],
    });
    expect(f.latest().filter((j) => j.state === 'asking')).toHaveLength(3);

    // Answer one: only that one changes.
    expect(f.engine.answer(snap.question?.id ?? '', 'rename')).toBe(true);
    await f.engine.whenIdle();
    expect(f.b2.text('/k/a (1).txt')).toBe('new a.txt');
    expect(f.b2.text('/k/a.txt')).toBe('old a.txt');
    // The job names the file it wrote (the queue panel shows it), with the note saying so.
    expect(f.byTarget('/k/a (1).txt')?.note).toBe('Saved as "a (1).txt".');
    expect(f.bySource('/s/a.txt')?.target?.path).toBe('/k/a (1).txt');

    // Apply to all: the remaining two are answered together.
    f.engine.publishNow();
    const next = f.engine.store.getSnapshot().question;
    expect(next?.target.location.path).toBe('/k/b.txt');
    f.engine.answer(next?.id ?? '', 'overwrite', true);
    await f.engine.whenIdle();
    expect(f.b2.text('/k/b.txt')).toBe('new b.txt');
    expect(f.b2.text('/k/c.txt')).toBe('new c.txt');
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot()).toMatchObject({ question: null, questionsPending: 0 });
    expect(f.engine.store.getSnapshot().groups[0]?.appliedAnswer).toBe('overwrite');
  });

  it('"apply to all" also answers conflicts found later in the same group', async () => {
    const { f, questions } = setup();
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: '/s/a.txt', targetDir: '/k' }],
    });
    await until(() => questions.length === 1);
    f.engine.answer(questions[0]?.id ?? '', 'skip', true);
    await f.engine.whenIdle();
    expect(f.byTarget('/k/a.txt')).toMatchObject({ state: 'skipped', note: 'Skipped: the target exists.' });
    expect(f.b2.text('/k/a.txt')).toBe('old a.txt');
  });

  it.each([
    ['skip', 'old a.txt', 'skipped'],
    ['overwrite', 'new a.txt', 'done'],
    ['overwrite-if-newer', 'new a.txt', 'done'],
  ] as const)('a fixed policy %s needs no question', async (policy, content, state) => {
    const { f, questions, items } = setup();
    f.engine.submit({ operation: 'copy', from: 'local', to: 'b2', conflict: policy, items: items.slice(0, 1) });
    await f.engine.whenIdle();
    expect(questions).toHaveLength(0);
    expect(f.b2.text('/k/a.txt')).toBe(content);
    expect(f.byTarget('/k/a.txt')?.state).toBe(state);
  });

  it('overwrite-if-newer keeps a newer target', async () => {
    const { f } = setup();
    f.b2.put('/k/a.txt', 'newer on b2', 9_000);
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite-if-newer',
      items: [{ source: '/s/a.txt', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    expect(f.b2.text('/k/a.txt')).toBe('newer on b2');
    expect(f.byTarget('/k/a.txt')?.note).toBe('Skipped: the target is as new or newer.');
  });

  it('rename finds the next free number', async () => {
    const { f } = setup();
    f.b2.put('/k/a (1).txt', 'taken');
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'rename',
      items: [{ source: '/s/a.txt', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    expect(f.b2.text('/k/a (2).txt')).toBe('new a.txt');
    expect(f.b2.text('/k/a (1).txt')).toBe('taken');
  });

  it('a folder in the way of a file fails that file with a clear reason', async () => {
    const { f } = setup();
    f.b2.put('/k/x/inside', 'i');
    f.local.put('/s/x', 'a file named x');
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite-if-newer',
      items: [{ source: '/s/x', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    expect(f.byTarget('/k/x')?.failure?.message).toBe('A folder with this name exists at the destination.');
  });

  it('cancelling an asking job removes its question', async () => {
    const { f, questions } = setup();
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: '/s/a.txt', targetDir: '/k' }],
    });
    await until(() => questions.length === 1);
    expect(f.engine.cancel(questions[0]?.jobId ?? '')).toBe(true);
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().question).toBeNull();
    expect(f.engine.answer(questions[0]?.id ?? '', 'overwrite')).toBe(false);
  });
});
