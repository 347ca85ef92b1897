/**
 * The run fails when a test leaves a temporary folder behind (tests/support/global-setup.ts): its
 * teardown is run here, on purpose, after a folder was left in a temp dir of this test's own.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestProject } from 'vitest/node';
import setup from '../support/global-setup.js';
import { watchLeftoverFolders } from '../support/leftover-folders.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('b2c-leftover-');

describe('watchLeftoverFolders', () => {
  it('lists the b2c- folders made since it started, and nothing else', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b2c-there-before'));
    const leftovers = watchLeftoverFolders(dir);
    expect(leftovers()).toEqual([]);
    mkdirSync(join(dir, 'b2c-zz-left'));
    mkdirSync(join(dir, 'b2c-aa-left'));
    mkdirSync(join(dir, 'someone-elses'));
    writeFileSync(join(dir, 'b2c-a-file'), '');
    expect(leftovers()).toEqual(['b2c-a-file', 'b2c-aa-left', 'b2c-zz-left']);
  });
});

describe('the run’s teardown', () => {
  const exitCode = process.exitCode;
  const tmp = process.env.TMPDIR;
  afterEach(() => {
    process.exitCode = exitCode;
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
    vi.restoreAllMocks();
  });

  /** Runs the global setup with the OS temp dir at `dir`; `during` runs between setup and teardown. */
  function runIn(dir: string, during: () => void): string[] {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((text: string) => void errors.push(text));
    process.env.TMPDIR = dir; // os.tmpdir() reads it at each call
    const teardown = setup({ provide: () => undefined } as unknown as TestProject);
    during();
    teardown();
    return errors;
  }

  it('fails the run, naming the folder, when a test left one behind', () => {
    const dir = tempDir();
    const errors = runIn(dir, () => mkdirSync(join(dir, 'b2c-forgotten-x1')));
    expect(process.exitCode).toBe(1);
    expect(errors).toEqual([`tests left temporary folders behind in ${dir}: b2c-forgotten-x1`]);
  });

  it('passes, and removes its own config folder, when every test cleaned up', () => {
    const dir = tempDir();
    const errors = runIn(dir, () => undefined);
    expect(errors).toEqual([]);
    expect(process.exitCode).toBe(exitCode);
    expect(readdirSync(dir)).toEqual([]);
  });
});
