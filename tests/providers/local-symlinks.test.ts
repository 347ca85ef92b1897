/**
 * Symlinks in the local provider: listed and stat-ed as links with their stored target, removed
 * as links, never written through. Real temp dirs.
 */
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlreadyExistsError, NotFoundError } from '../../src/providers/errors.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import type { Provider } from '../../src/providers/types.js';
import { expectRejects, get, listAll, put } from './contract/helpers.js';
import { contextFor, type ContractContext } from './contract/context.js';

let dir = '';
let provider: Provider;
let ctx: ContractContext;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b2c-links-'));
  provider = createLocalProvider();
  ctx = contextFor(provider, dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('symlinks are shown as links, never silently followed', () => {
  beforeEach(async () => {
    await writeFile(join(dir, 'target.txt'), 'target bytes');
    await mkdir(join(dir, 'outside'));
    await writeFile(join(dir, 'outside', 'secret.txt'), 'x');
    await mkdir(join(dir, 'tree'));
    await symlink('../target.txt', join(dir, 'tree', 'to-file'));
    await symlink(join(dir, 'outside'), join(dir, 'tree', 'to-dir'));
    await symlink('nowhere', join(dir, 'tree', 'dangling'));
  });

  it('lists links as symlinks with their stored target', async () => {
    const rows = await listAll(provider, `${dir}/tree`);
    const byName = Object.fromEntries(rows.map((e) => [e.name, e]));
    expect(byName['to-file']).toMatchObject({
      kind: 'symlink',
      linkTarget: '../target.txt',
      size: '../target.txt'.length,
    });
    expect(byName['to-dir']).toMatchObject({ kind: 'symlink', linkTarget: join(dir, 'outside') });
    expect(byName['dangling']).toMatchObject({ kind: 'symlink', linkTarget: 'nowhere' });
    expect(rows).toHaveLength(3);
  });

  it('stat describes the link itself', async () => {
    expect(await provider.stat(`${dir}/tree/to-dir`)).toMatchObject({
      kind: 'symlink',
      linkTarget: join(dir, 'outside'),
    });
    expect(await provider.stat(`${dir}/tree/dangling`)).toMatchObject({ kind: 'symlink', linkTarget: 'nowhere' });
  });

  it('remove deletes the link, not what it points to', async () => {
    await provider.remove(`${dir}/tree/to-dir`);
    await provider.remove(`${dir}/tree/to-file`);
    expect(await readdir(join(dir, 'tree'))).toEqual(['dangling']);
    expect(await readFile(join(dir, 'outside', 'secret.txt'), 'utf8')).toBe('x');
    expect(await readFile(join(dir, 'target.txt'), 'utf8')).toBe('target bytes');
  });

  it('openRead of a link reads what it points to (an explicit request); a dangling link is NotFound', async () => {
    expect((await get(provider, `${dir}/tree/to-file`)).toString()).toBe('target bytes');
    await expectRejects(provider.openRead(`${dir}/tree/dangling`), NotFoundError);
  });

  it('overwriting a link replaces the link with a file; the old target is untouched', async () => {
    await expectRejects(put(ctx, `${dir}/tree/to-file`, Buffer.from('new')), AlreadyExistsError);
    await put(ctx, `${dir}/tree/to-file`, Buffer.from('new'), { overwrite: true });
    expect((await lstat(join(dir, 'tree', 'to-file'))).isFile()).toBe(true);
    expect(await readFile(join(dir, 'target.txt'), 'utf8')).toBe('target bytes');
  });

  it('move moves the link as a link', async () => {
    await provider.move!(`${dir}/tree/to-file`, `${dir}/moved-link`);
    expect(await readlink(join(dir, 'moved-link'))).toBe('../target.txt');
  });
});
