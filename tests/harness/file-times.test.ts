/**
 * The test run's file order (tests/support/longest-first.ts) and the reporter that records the
 * times it orders by (tests/support/file-times-reporter.ts). No timing is asserted: the order only
 * decides how well the files fill the cores, so what is checked is the order given a table, and
 * that a run that did not pass leaves the table alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import FileTimesReporter from '../support/file-times-reporter.js';
import { FILE_TIMES_PATH, longestFirst, readFileTimes } from '../support/file-times.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('b2c-file-times-');
const byName = (name: string): string => name;

describe('longestFirst', () => {
  it('starts the longest file first', () => {
    const times = { 'a.test.ts': 1, 'b.test.ts': 12, 'c.test.ts': 3.5 };
    expect(longestFirst(['a.test.ts', 'b.test.ts', 'c.test.ts'], times, byName)).toEqual([
      'b.test.ts',
      'c.test.ts',
      'a.test.ts',
    ]);
  });

  it('starts files missing from the table before every timed one, keeping their order', () => {
    const times = { 'timed.test.ts': 30 };
    expect(longestFirst(['new-1.test.ts', 'timed.test.ts', 'new-2.test.ts'], times, byName)).toEqual([
      'new-1.test.ts',
      'new-2.test.ts',
      'timed.test.ts',
    ]);
  });

  it('keeps the given order of files with equal times', () => {
    const times = { 'x.test.ts': 2, 'y.test.ts': 2, 'z.test.ts': 2, 'long.test.ts': 9 };
    expect(longestFirst(['z.test.ts', 'x.test.ts', 'long.test.ts', 'y.test.ts'], times, byName)).toEqual([
      'long.test.ts',
      'z.test.ts',
      'x.test.ts',
      'y.test.ts',
    ]);
  });

  it('reads the file of each item through `fileOf`, and leaves the input as it was', () => {
    const specs = [{ id: 'short.test.ts' }, { id: 'long.test.ts' }];
    const ordered = longestFirst(specs, { 'short.test.ts': 1, 'long.test.ts': 5 }, (s) => s.id);
    expect(ordered.map((s) => s.id)).toEqual(['long.test.ts', 'short.test.ts']);
    expect(specs.map((s) => s.id)).toEqual(['short.test.ts', 'long.test.ts']);
  });
});

describe('the recorded table', () => {
  it('names every test file of the repository it holds by a path that exists', () => {
    const repo = join(import.meta.dirname, '..', '..');
    const files = Object.keys(readFileTimes(FILE_TIMES_PATH));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !existsSync(join(repo, f)))).toEqual([]);
  });

  it('is read as empty when it is missing or not JSON: the order is then vitest’s own', () => {
    const dir = tempDir();
    expect(readFileTimes(join(dir, 'missing.json'))).toEqual({});
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    expect(readFileTimes(join(dir, 'broken.json'))).toEqual({});
  });
});

describe('FileTimesReporter', () => {
  afterEach(() => vi.restoreAllMocks());

  /** A finished test module as vitest hands it to a reporter (the two fields read). */
  const finished = (relativeModuleId: string, collectMs: number, runMs: number) => ({
    relativeModuleId,
    diagnostic: () => ({ collectDuration: collectMs, duration: runMs }) as ReturnType<TestModule['diagnostic']>,
  });

  function report(table: string, reason: 'passed' | 'failed' | 'interrupted'): void {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reporter = new FileTimesReporter({ table });
    reporter.onTestModuleEnd(finished('tests/a.test.ts', 250, 1_000));
    reporter.onTestModuleEnd(finished('tests\\win\\b.test.ts', 40, 7_960));
    reporter.onTestModuleEnd(finished('tests/c.test.ts', 0, 1_240));
    reporter.onTestRunEnd([], [], reason);
  }

  it('after a passing run, writes each file’s imports and tests in seconds, longest first', () => {
    const table = join(tempDir(), 'times.json');
    report(table, 'passed');
    const text = readFileSync(table, 'utf8');
    expect(Object.entries(JSON.parse(text) as Record<string, number>)).toEqual([
      ['tests/win/b.test.ts', 8],
      ['tests/a.test.ts', 1.3],
      ['tests/c.test.ts', 1.2],
    ]);
    expect(longestFirst(['tests/c.test.ts', 'tests/win/b.test.ts'], readFileTimes(table), byName)).toEqual([
      'tests/win/b.test.ts',
      'tests/c.test.ts',
    ]);
  });

  it('leaves the table as it was after a run that failed or was interrupted', () => {
    const table = join(tempDir(), 'times.json');
    writeFileSync(table, '{"tests/old.test.ts": 4}\n');
    report(table, 'failed');
    report(table, 'interrupted');
    expect(readFileSync(table, 'utf8')).toBe('{"tests/old.test.ts": 4}\n');
  });
});
