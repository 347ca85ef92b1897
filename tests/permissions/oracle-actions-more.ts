/**
 * The oracle's actions at the level of a place and of the account (see oracle-actions.ts): open a
 * bucket, list buckets, list a folder, upload into it, make a folder in it; list, create and
 * delete keys (through the keys screen's access rules), create, delete and make public buckets
 * (through the bucket list's keys).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { keysAccess } from '../../src/state/accounts/keys-screen-state.js';
import { checkAction } from '../../src/state/permissions/permissions.js';
import { bucketOf, goTo, listedThere, press, statusOf } from './oracle-drive.js';
import {
  b2Loc,
  bareFixture,
  bucketRows,
  drain,
  exists,
  join2,
  NotApplicable,
  NO_FILE_AT_BUCKET_LIST,
  readAll,
  ruleAt,
  type ActionSpec,
} from './oracle-spec.js';
import { placePath, type World } from './oracle-world.js';

/** Open a bucket, list the buckets, list the place. */
export const LISTING_SPECS: ActionSpec[] = [
  {
    action: 'browse-bucket',
    command: 'open',
    setup: (_w, place, slot, localDir) => bareFixture(place, slot, localDir),
    rule: (f, key, now) => checkAction('browse-bucket', ruleAt(`/${bucketOf(f.place)}`, true), key, now),
    direct: async (p, f) => void (await drain(p.list(`/${bucketOf(f.place)}`))),
    async viaB2c(t, f, k, w) {
      t.reset();
      const rows = await bucketRows(w);
      t.place('right', b2Loc({ name: '', bucket: null, prefix: '' }), rows, bucketOf(f.place));
      t.activate('right');
      t.run('open');
      await t.settle();
      const pane = t.store.getSnapshot().app.panes.right;
      if (pane.location.kind === 'b2' && pane.location.bucket !== null && pane.load.stage === 'loaded')
        return { kind: 'went-through' };
      return { kind: 'refused', reason: pane.load.stage === 'unlisted' ? pane.load.note : statusOf(t) };
    },
    effect: listedThere,
  },
  {
    action: 'list-buckets',
    command: null,
    setup: (_w, place, slot, localDir) => bareFixture(place, slot, localDir),
    rule: (_f, key, now) => checkAction('list-buckets', ruleAt('/', true), key, now),
    direct: async (p) => void (await drain(p.list('/'))),
    viaB2c: (t, _f, _k, w) => goTo(t, { name: '', bucket: null, prefix: '' }, w),
    effect: (_w, _f, t) => Promise.resolve(t === null || t.store.getSnapshot().app.panes.right.load.stage === 'loaded'),
  },
  {
    action: 'list',
    command: 'refresh',
    setup: (_w, place, slot, localDir) => bareFixture(place, slot, localDir),
    rule: (f, key, now) => checkAction('list', ruleAt(placePath(f.place), true), key, now),
    direct: async (p, f) => void (await drain(p.list(placePath(f.place)))),
    viaB2c: (t, f, _k, w) => goTo(t, f.place, w),
    effect: async (w, f, t) =>
      f.place.bucket === null
        ? t === null || t.store.getSnapshot().app.panes.right.load.stage === 'loaded'
        : listedThere(w, f, t),
  },
];

/** Upload into the place (F5 from the local pane). */
export const UPLOAD_SPEC: ActionSpec = {
  action: 'upload',
  command: 'copy',
  async setup(_w, place, slot, localDir) {
    const f = await bareFixture(place, slot, localDir);
    await mkdir(localDir, { recursive: true });
    await writeFile(join(localDir, `${slot}-u.txt`), f.data);
    return f;
  },
  rule: (f, key, now) =>
    checkAction(
      'upload',
      f.place.bucket === null ? ruleAt('/', true) : ruleAt(join2(placePath(f.place), `${f.slot}-u.txt`), false),
      key,
      now,
    ),
  async direct(p, f) {
    if (f.place.bucket === null) throw new NotApplicable('no bucket');
    await p.write(join2(placePath(f.place), `${f.slot}-u.txt`), Readable.from([f.data]), {
      size: f.data.length,
      overwrite: true,
    });
  },
  async viaB2c(t, f) {
    t.reset();
    t.place('right', b2Loc(f.place), []);
    const name = `${f.slot}-u.txt`;
    t.place(
      'left',
      { kind: 'local', path: f.localDir },
      [{ name, path: join(f.localDir, name), kind: 'file', size: f.data.length, mtimeMs: Date.now() }],
      name,
    );
    t.activate('left');
    return press(t, 'copy');
  },
  effect: async (w, f) =>
    f.place.bucket !== null &&
    (await readAll(w.master, join2(placePath(f.place), `${f.slot}-u.txt`)).catch(() => Buffer.alloc(0))).equals(f.data),
};

/** Make a folder at the place (F7). */
export const MKDIR_SPEC: ActionSpec = {
  action: 'mkdir',
  command: 'mkdir',
  setup: (_w, place, slot, localDir) => bareFixture(place, slot, localDir),
  rule: (f, key, now) =>
    checkAction(
      'mkdir',
      f.place.bucket === null ? ruleAt('/', true) : ruleAt(join2(placePath(f.place), `${f.slot}-d`), true),
      key,
      now,
    ),
  async direct(p, f) {
    if (f.place.bucket === null) throw new NotApplicable('no bucket');
    await p.mkdir(join2(placePath(f.place), `${f.slot}-d`));
  },
  async viaB2c(t, f) {
    // F7 at the bucket list creates a bucket: the create-bucket action.
    if (f.place.bucket === null) return { kind: 'refused', reason: NO_FILE_AT_BUCKET_LIST };
    t.reset();
    t.place('right', b2Loc(f.place), []);
    t.activate('right');
    return press(t, 'mkdir', undefined, `${f.slot}-d`);
  },
  effect: async (w, f) =>
    f.place.bucket !== null && (await exists(w.master, join2(placePath(f.place), `${f.slot}-d/.bzEmpty`))),
};

/** Keys (the keys screen) and buckets (the bucket list: F7 create, F8 delete, p public/private). */
export const ACCOUNT_SPECS: ActionSpec[] = [
  ...(['list-keys', 'create-key', 'delete-key'] as const).map((action): ActionSpec => ({
    action,
    command: null,
    // Victims made in advance would all be in every key listing the oracle makes.
    lazy: true,
    // Victims are made and removed straight in the server's store (see fileFixture).
    async cleanup(w, f) {
      await w.emu.fixtures.deleteKeys((k) => k.keyName === `made-${f.slot}` || k.applicationKeyId === f.victim);
    },
    async setup(w, place, slot, localDir) {
      const f = await bareFixture(place, slot, localDir);
      if (action === 'delete-key')
        f.victim = (await w.emu.fixtures.createKey(`victim-${slot}`, ['listFiles'])).applicationKeyId;
      return f;
    },
    rule: (_f, key, now) => checkAction(action, ruleAt('/', true), key, now),
    async direct(p, f) {
      if (action === 'list-keys') await p.keys.listKeys();
      else if (action === 'create-key')
        await p.keys.createKey({ keyName: `made-${f.slot}`, capabilities: ['listFiles'] });
      else await p.keys.deleteKey(f.victim ?? '');
    },
    // The keys screen: its access rules (keys-screen-state.ts) decide, then the admin call.
    async viaB2c(_t, f, key) {
      if (key.keyInfo === null || key.provider === null)
        return { kind: 'refused', reason: key.failure?.message ?? 'cannot sign in' };
      const access = keysAccess(key.keyInfo, Date.now());
      const d = action === 'list-keys' ? access.list : action === 'create-key' ? access.create : access.delete;
      if (!d.allowed) return { kind: 'refused', reason: d.reason ?? '' };
      await this.direct(key.provider, f, null as unknown as World);
      return { kind: 'went-through' };
    },
    async effect(w, f) {
      const keys = await w.master.keys.listKeys();
      if (action === 'list-keys') return true;
      if (action === 'create-key') return keys.some((k) => k.keyName === `made-${f.slot}`);
      return !keys.some((k) => k.applicationKeyId === f.victim);
    },
  })),
  ...(['create-bucket', 'delete-bucket', 'update-bucket'] as const).map((action): ActionSpec => ({
    action,
    command: action === 'create-bucket' ? 'mkdir' : action === 'delete-bucket' ? 'delete' : 'bucketType',
    lazy: true,
    // Victims are made and removed straight in the server's store (see fileFixture).
    async cleanup(w, f) {
      for (const name of [`made-${f.slot}`, f.victim]) if (name !== null) await w.emu.fixtures.deleteBucket(name);
    },
    async setup(w, place, slot, localDir) {
      const f = await bareFixture(place, slot, localDir);
      if (action !== 'create-bucket') {
        f.victim = `victim-${slot}`;
        await w.emu.fixtures.createBucket(f.victim);
      }
      return f;
    },
    rule: (f, key, now) =>
      checkAction(action, ruleAt(action === 'create-bucket' ? '/' : `/${f.victim ?? ''}`, true), key, now),
    async direct(p, f) {
      if (action === 'create-bucket') await p.createBucket(`made-${f.slot}`);
      else if (action === 'delete-bucket') await p.deleteBucket(f.victim ?? '');
      else await p.setBucketType(f.victim ?? '', 'allPublic');
    },
    // The bucket list (whatever the place: buckets belong to the account): F7 with the name typed,
    // or F8 / p on the victim's row, each confirmed.
    async viaB2c(t, f, _key, w) {
      t.reset();
      const rows = await bucketRows(w);
      t.place('right', b2Loc({ name: '', bucket: null, prefix: '' }), rows, f.victim ?? rows[0]?.name);
      t.activate('right');
      if (action === 'create-bucket') return press(t, 'mkdir', undefined, `made-${f.slot}`);
      return press(t, action === 'delete-bucket' ? 'delete' : 'bucketType');
    },
    async effect(w, f) {
      const rows = await bucketRows(w);
      const names = rows.map((b) => b.name);
      if (action === 'create-bucket') return names.includes(`made-${f.slot}`);
      if (action === 'delete-bucket') return !names.includes(f.victim ?? '');
      return rows.find((b) => b.name === f.victim)?.bucketType === 'allPublic';
    },
  })),
];
