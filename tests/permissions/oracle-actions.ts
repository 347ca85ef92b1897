/**
 * Every action of the permission table (src/state/permissions/permission-actions.ts), three ways:
 * - `setup`: a fresh fixture for one run, made with the master key (a file of its own, a hidden
 *   file, a key or bucket to delete…);
 * - `direct`: the provider operation the product ends up calling, without asking the rules — what
 *   B2 itself (and the provider's own limits) say decides the truth;
 * - `viaB2c`: the same through the product's own path with its rules: keys pressed in the headless
 *   TUI (dialogs, the transfer queue with its permission checker), `b2c cp`'s destination check;
 * and `effect` checks with the master key that the thing happened. Listing and account actions:
 * oracle-actions-more.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveDestination } from '../../src/commands/cp-plan.js';
import { parseLocation } from '../../src/commands/location-url.js';
import type { Entry, Provider } from '../../src/providers/types.js';
import type { CommandId } from '../../src/state/keyboard/commands.js';
import type { KeyInfo } from '../../src/state/model/key-info.js';
import { checkAction, checkTransfer, type PermissionDecision } from '../../src/state/permissions/permissions.js';
import { LISTING_SPECS, ACCOUNT_SPECS, UPLOAD_SPEC, MKDIR_SPEC } from './oracle-actions-more.js';
import { atPlace, press, refusedNow } from './oracle-drive.js';
import {
  fileAction,
  b2Loc,
  drain,
  exists,
  fileRule,
  join2,
  NotApplicable,
  NO_FILE_AT_BUCKET_LIST,
  readAll,
  ruleAt,
  targetOf,
  versionCount,
  type ActionSpec,
  type Fixture,
} from './oracle-spec.js';
import { placePath } from './oracle-world.js';
import { VIEW_SPECS } from './oracle-actions-view.js';
import { runCli } from '../support/cli.js';

/** Copy / move / rename: the destination of the run's file. */
function destinationOf(f: Fixture, op: 'copy' | 'move' | 'rename'): string {
  const t = targetOf(f);
  const folder = placePath(f.place);
  return op === 'rename' ? join2(folder, `${f.slot}-r.txt`) : join2(join2(folder, `${f.slot}-x`), t.name);
}

function transferRule(op: 'copy' | 'move' | 'rename') {
  return (f: Fixture, key: KeyInfo | null, now: number): PermissionDecision => {
    if (f.target === null) return checkAction(op, ruleAt('/', true), key, now);
    return checkTransfer(op, fileRule(f), ruleAt(destinationOf(f, op), false), { source: key, destination: key }, now);
  };
}

function transferAction(op: 'copy' | 'move' | 'rename'): ActionSpec {
  const cmd: CommandId = op;
  return fileAction(op, cmd, {
    rule: transferRule(op),
    async direct(p, f) {
      const t = targetOf(f);
      if (!p.copy) throw new Error('no server-side copy');
      await p.copy(t.path, destinationOf(f, op), { overwrite: true });
      if (op !== 'copy') await p.remove(t.path, { mode: 'hide' });
    },
    async viaB2c(t, f, k, w) {
      await atPlace(t, f, w, k);
      if (op === 'rename') return press(t, 'rename', undefined, `${f.slot}-r.txt`);
      // The other pane shows the destination folder of the same key: a server-side copy.
      const dst = f.target === null ? b2Loc(f.place) : b2Loc(f.place, `${f.place.prefix}${f.slot}-x/`);
      t.place('left', dst, []);
      return press(t, cmd);
    },
    async effect(w, f) {
      const t = targetOf(f);
      const copied = await exists(w.master, destinationOf(f, op));
      return op === 'copy' ? copied : copied && !(await exists(w.master, t.path));
    },
  });
}

function removeAction(
  action: 'hide' | 'delete' | 'delete-all-versions',
  mode: 'hide' | 'delete-version' | 'all-versions',
): ActionSpec {
  return fileAction(action, 'delete', {
    direct: (p, f) => p.remove(targetOf(f).path, { mode }),
    async viaB2c(t, f, k, w) {
      // F8 at the bucket list deletes the bucket under the cursor: the delete-bucket action.
      if (f.target === null) return { kind: 'refused', reason: NO_FILE_AT_BUCKET_LIST };
      await atPlace(t, f, w, k);
      return press(t, 'delete', mode);
    },
    async effect(w, f) {
      const path = targetOf(f).path;
      if (mode !== 'hide') return (await versionCount(w, path)) === 0;
      return !(await exists(w.master, path)) && (await versionCount(w, path)) === 2;
    },
  });
}

/** Every action of the table, in the table's order. */
export const ACTION_SPECS: ActionSpec[] = [
  ...LISTING_SPECS,
  fileAction('download', 'copy', {
    async direct(p, f) {
      const got = await readAll(p, targetOf(f).path);
      if (!got.equals(f.data)) throw new Error('downloaded other bytes');
    },
    async viaB2c(t, f, k, w) {
      // No file at the bucket list: F5 there copies the bucket under the cursor, another action
      // (tests/ui/app/tui-b2-buckets.test.tsx), so b2c has no way to download a file here.
      if (f.target === null) return { kind: 'refused', reason: NO_FILE_AT_BUCKET_LIST };
      await atPlace(t, f, w, k);
      return press(t, 'copy');
    },
    effect: async (_w, f, t) =>
      t === null || (await readFile(join(f.localDir, targetOf(f).name)).catch(() => Buffer.alloc(0))).equals(f.data),
  }),
  ...VIEW_SPECS,
  UPLOAD_SPEC,
  transferAction('copy'),
  transferAction('move'),
  transferAction('rename'),
  MKDIR_SPEC,
  removeAction('hide', 'hide'),
  fileAction('unhide', 'unhide', {
    hidden: true,
    direct: async (p, f) => {
      if (!p.unhide) throw new Error('no unhide');
      await p.unhide(targetOf(f).path);
    },
    async viaB2c(t, f, k, w) {
      await atPlace(t, f, w, k);
      return press(t, 'unhide');
    },
    effect: async (w, f) => exists(w.master, targetOf(f).path),
  }),
  removeAction('delete', 'delete-version'),
  removeAction('delete-all-versions', 'all-versions'),
  fileAction('delete-known-version', null, {
    direct: (p, f) => p.remove(targetOf(f).path, { mode: 'delete-version', fileId: targetOf(f).fileId }),
    // The product's path is the command line: b2c rm --version ID, signed in from the environment.
    async viaB2c(_t, f, key, w) {
      if (f.target === null) return { kind: 'refused', reason: NO_FILE_AT_BUCKET_LIST };
      if (key.provider === null) return { kind: 'refused', reason: key.failure?.message ?? 'cannot sign in' };
      const run = await runCli(['rm', '--yes', '--version', f.target.fileId ?? '', `b2:/${f.target.path}`], {
        env: {
          B2_APPLICATION_KEY_ID: key.applicationKeyId,
          B2_APPLICATION_KEY: key.applicationKey,
          B2_ENDPOINT: w.emu.endpoint,
        },
      });
      return run.code === 0 ? { kind: 'went-through' } : { kind: 'refused', reason: run.stderr.trim() };
    },
    effect: async (w, f) => (await versionCount(w, targetOf(f).path)) === 0,
  }),
  fileAction('share-link', 'shareLink', {
    async direct(p, f) {
      if (!p.shareLink) throw new Error('no share links');
      const url = await p.shareLink(targetOf(f).path, { lifetimeSeconds: 3_600 });
      const got = Buffer.from(await (await fetch(url)).arrayBuffer());
      if (!got.equals(f.data)) throw new Error('the link downloads other bytes');
    },
    async viaB2c(t, f, k, w) {
      await atPlace(t, f, w, k);
      return press(t, 'shareLink');
    },
    async effect(_w, f, t) {
      if (t === null) return true;
      const d = t.store.getSnapshot().dialog;
      if (d?.kind !== 'share' || d.stage.kind !== 'done') return false;
      return Buffer.from(await (await fetch(d.stage.url)).arrayBuffer()).equals(f.data);
    },
  }),
  fileAction('show-versions', 'versions', {
    direct: async (p, f) => {
      if (!p.versions) throw new Error('no versions');
      if ((await drain(p.versions(targetOf(f).path))) === 0) throw new Error('no versions listed');
    },
    async viaB2c(t, f, k, w) {
      await atPlace(t, f, w, k);
      t.run('versions');
      const early = refusedNow(t);
      if (early !== null) return early;
      await t.settle();
      return { kind: 'went-through' };
    },
    effect: (_w, _f, t) => {
      if (t === null) return Promise.resolve(true);
      const d = t.store.getSnapshot().dialog;
      return Promise.resolve(d?.kind === 'versions' && d.load.kind === 'loaded' && d.versions.length > 0);
    },
  }),
  fileAction('info', 'info', {
    // Info shows the listing's row: the truth is whether the key can list it.
    direct: async (p, f) => {
      const t = targetOf(f);
      let found = false;
      for await (const page of p.list(placePath(f.place))) if (page.some((e) => e.name === t.name)) found = true;
      // Its listing here (one above its prefix, say) does not show the file: it cannot see it.
      if (!found) throw new NotApplicable("the key's listing here does not show the file");
    },
    async viaB2c(t, f, k, w) {
      // F3 at the bucket list shows the bucket under the cursor (what the listing told), not a file.
      if (f.target === null) return { kind: 'refused', reason: NO_FILE_AT_BUCKET_LIST };
      await atPlace(t, f, w, k);
      t.run('info');
      return refusedNow(t) ?? { kind: 'went-through' };
    },
    effect: (_w, _f, t) => Promise.resolve(t === null || t.store.getSnapshot().dialog?.kind === 'info'),
  }),
  fileAction('look-up', null, {
    direct: async (p, f) => {
      const e = await p.stat(targetOf(f).path);
      if (e.kind !== 'file') throw new Error('not found as a file');
    },
    // b2c cp asks whether DST exists (cp-plan.ts) only where the rules allow it.
    async viaB2c(_t, f, key) {
      if (f.target === null || key.provider === null)
        return { kind: 'refused', reason: key.failure?.message ?? 'no file here' };
      const found: Entry[] = [];
      const p = key.provider;
      const watched: Provider = Object.assign(Object.create(p) as Provider, {
        stat: async (...a: Parameters<Provider['stat']>) => {
          const e = await p.stat(...a);
          found.push(e);
          return e;
        },
      });
      const dst = parseLocation(`b2://${f.target.path.slice(1)}`, '/');
      await resolveDestination(dst, 1, { providerOf: () => watched, keyInfo: key.keyInfo, now: Date.now() });
      lookUps.set(f, found.length);
      return found.length > 0
        ? { kind: 'went-through' }
        : {
            kind: 'refused',
            reason: checkAction('look-up', fileRule(f), key.keyInfo, Date.now()).reason ?? 'not looked up',
          };
    },
    effect: (_w, f, t) => Promise.resolve(t === null || (lookUps.get(f) ?? 0) > 0),
  }),
  ...ACCOUNT_SPECS,
];

/** How many lookups each look-up run's b2c path made (its `effect` reads it). */
const lookUps = new WeakMap<Fixture, number>();
