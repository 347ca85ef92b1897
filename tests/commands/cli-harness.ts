/**
 * Runs the built `b2c` binary (bin/b2c.js → dist/) as a user would, against the built-in B2 server
 * started in this process on 127.0.0.1 (port 0). Credentials go in through the environment
 * (B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY / B2_ENDPOINT) and B2C_CONFIG_DIR points at a temp
 * dir, so no user config is touched. Pipes, not a terminal: see progress.test.ts for the pty.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../src/providers/b2/index.js';
import type { CliRun } from '../accounts/cli-run.js';
import { demoKey, startDemo } from '../accounts/helpers.js';
import { masterApi } from '../transfers/helpers/b2-server.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'b2c.js');

/** Builds dist/ when it is missing (`npm test` builds it first). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'cli.js'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

export function sha1(data: Buffer | string): string {
  return createHash('sha1').update(data).digest('hex');
}

/** A fresh temp dir; removed by `cleanup()`. */
export async function tempDir(made: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'b2c-cli-'));
  made.push(dir);
  return dir;
}

export async function cleanup(made: string[]): Promise<void> {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true });
}

export interface Server {
  emu: RunningEmulator;
  /** The master key's provider, for setting up and checking what the server holds. */
  b2: B2Provider;
  bucket: string;
  bucketId: string;
  /** Request log lines (`METHOD /path STATUS Nms`). */
  log: string[];
  /** Environment for the binary with the master key (or another key). */
  env(key?: { applicationKeyId: string; applicationKey: string }): Record<string, string>;
  /** Uploads `data` as `name` in the bucket (any B2 name, hostile ones included) via the raw API. */
  put(name: string, data: Buffer | string, mtimeMs?: number): Promise<string>;
  /** Every version of `name`, newest first, straight from b2_list_file_versions. */
  versions(name: string): Promise<Array<{ fileId: string; action: string; size: number }>>;
  /** `name action` of every version under `prefix` (hide markers and placeholders included), in server order. */
  allVersions(prefix: string): Promise<string[]>;
  /** Reads a file's bytes with the master key. */
  read(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startServer(options: { partSize?: number; configDir: string }): Promise<Server> {
  const log: string[] = [];
  const emu = await startEmulator({
    recommendedPartSize: options.partSize,
    absoluteMinimumPartSize: options.partSize,
    log: (line) => log.push(line),
  });
  const b2 = await connectB2({ applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint });
  const ref = await b2.createBucket(`cli-${randomBytes(4).toString('hex')}`);
  const api = await masterApi(emu);
  return {
    emu,
    b2,
    bucket: ref.name,
    bucketId: ref.id,
    log,
    env: (key) => ({
      B2_APPLICATION_KEY_ID: key?.applicationKeyId ?? emu.masterKeyId,
      B2_APPLICATION_KEY: key?.applicationKey ?? emu.masterKey,
      B2_ENDPOINT: emu.endpoint,
      B2C_CONFIG_DIR: options.configDir,
    }),
    async put(name, data, mtimeMs) {
      const up = await api<{ uploadUrl: string; authorizationToken: string }>('b2_get_upload_url', { bucketId: ref.id });
      const buf = Buffer.from(data);
      const headers: Record<string, string> = {
        Authorization: up.authorizationToken,
        'X-Bz-File-Name': encodeURIComponent(name).replace(/%2F/g, '/'),
        'Content-Type': 'application/octet-stream',
        'X-Bz-Content-Sha1': sha1(buf),
      };
      if (mtimeMs !== undefined) headers['X-Bz-Info-src_last_modified_millis'] = String(mtimeMs);
      const res = await fetch(up.uploadUrl, { method: 'POST', headers, body: buf });
      if (!res.ok) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { fileId: string }).fileId;
    },
    async versions(name) {
      const r = await api<{ files: Array<{ fileName: string; fileId: string; action: string; contentLength: number }> }>('b2_list_file_versions', {
        bucketId: ref.id,
        startFileName: name,
        maxFileCount: 1000,
      });
      return r.files.filter((f) => f.fileName === name).map((f) => ({ fileId: f.fileId, action: f.action, size: f.contentLength }));
    },
    async allVersions(prefix) {
      const r = await api<{ files: Array<{ fileName: string; fileId: string; action: string }> }>('b2_list_file_versions', {
        bucketId: ref.id,
        prefix,
        maxFileCount: 10_000,
      });
      return r.files.map((f) => `${f.fileName} ${f.action} ${f.fileId}`);
    },
    async read(name) {
      const h = await b2.openRead(`/${ref.name}/${name}`);
      const chunks: Buffer[] = [];
      for await (const c of h.stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    close: async () => {
      await b2.close();
      await emu.close();
    },
  };
}

/**
 * Registers suite hooks: beforeAll builds dist/ if missing and starts a server (see startServer)
 * whose config dir is a temp dir recorded in `made`, then hands it to `ready`; afterAll closes the
 * server and removes every dir in `made`. The start gets 60 s (it may build first).
 */
export function useServer(made: string[], options: { partSize?: number }, ready: (server: Server) => void): void {
  let server: Server | undefined;
  beforeAll(async () => {
    ensureBuilt();
    server = await startServer({ ...options, configDir: await tempDir(made) });
    ready(server);
  }, 60_000);
  afterAll(async () => {
    // Nothing b2c sent in the whole suite may have been refused with 401 (issue 9).
    const refusals = server?.emu.stats().unauthorizedByEndpoint ?? {};
    await server?.close();
    await cleanup(made);
    expect(refusals).toEqual({});
  });
}

/** The demo account for `b2c keys` runs; `emu` and `configDir` are set once beforeAll has run. */
export interface DemoAccount {
  emu: RunningEmulator;
  /** A temp B2C_CONFIG_DIR shared by the suite's runs. */
  configDir: string;
  /** Environment for a key: the official variable names plus the temp config dir. */
  envFor: (keyId: string, key: string, endpoint?: string) => Record<string, string>;
  /** envFor the master key. */
  masterEnv: () => Record<string, string>;
  /** envFor the demo key called `name` (see tests/accounts/helpers.ts demoKey). */
  demoEnv: (name: string) => Record<string, string>;
}

/**
 * Registers suite hooks: beforeAll builds dist/ if missing, starts the demo server (port 0) and
 * makes a temp config dir; afterAll closes the server and removes the dir. The returned object's
 * functions are closures, so they may be destructured.
 */
export function useDemoAccount(): DemoAccount {
  const account: DemoAccount = {
    emu: undefined as unknown as RunningEmulator,
    configDir: '',
    envFor: (keyId, key, endpoint = account.emu.endpoint) => ({
      B2_APPLICATION_KEY_ID: keyId,
      B2_APPLICATION_KEY: key,
      B2_ENDPOINT: endpoint,
      B2C_CONFIG_DIR: account.configDir,
    }),
    masterEnv: () => account.envFor(account.emu.masterKeyId, account.emu.masterKey),
    demoEnv: (name) => {
      const k = demoKey(account.emu, name);
      return account.envFor(k.applicationKeyId, k.applicationKey);
    },
  };
  beforeAll(async () => {
    ensureBuilt();
    account.emu = await startDemo();
    account.configDir = mkdtempSync(join(tmpdir(), 'b2c-keys-cli-'));
  });
  afterAll(async () => {
    const refusals = account.emu.stats().unauthorizedByEndpoint;
    await account.emu.close();
    rmSync(account.configDir, { recursive: true, force: true });
    // Nothing b2c sent in the whole suite may have been refused with 401 (issue 9).
    expect(refusals).toEqual({});
  });
  return account;
}

/** The secret of each successful `keys create` run: its JSON `applicationKey` or its "Application key" line. */
export function createdKeySecrets(runs: readonly CliRun[]): Map<CliRun, string> {
  const created = new Map<CliRun, string>();
  for (const run of runs) {
    if (run.args[1] !== 'create' || run.code !== 0) continue;
    const secret = run.args.includes('--json') ? (JSON.parse(run.stdout) as { applicationKey: string }).applicationKey : /Application key {2}(\S+)/.exec(run.stdout)?.[1];
    if (secret !== undefined && !secret.startsWith('(')) created.set(run, secret);
  }
  return created;
}

/**
 * Expects no run's stderr to hold any of `known` or the `created` secrets, and no stdout either,
 * except a created key exactly once in the stdout of the run that created it.
 */
export function expectSecretsOnlyAtCreation(runs: readonly CliRun[], known: readonly string[], created: ReadonlyMap<CliRun, string>): void {
  const secrets = [...known, ...created.values()];
  for (const run of runs) {
    const own = created.get(run);
    for (const secret of secrets) {
      const allowed = secret === own ? 1 : 0;
      const where = `b2c ${run.args.join(' ')}`;
      expect(run.stdout.split(secret).length - 1, `${where}: stdout`).toBe(allowed);
      expect(run.stderr.includes(secret), `${where}: stderr`).toBe(false);
    }
  }
}

/** Uploads with the provider (a real client), for files whose content matters more than their name. */
export async function upload(s: Server, name: string, data: Buffer | string): Promise<void> {
  const buf = Buffer.from(data);
  await s.b2.write(`/${s.bucket}/${name}`, Readable.from([buf]), { size: buf.length, overwrite: true });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running binary: the child (to signal it) and its result once it exits. */
export interface Running {
  child: ChildProcessWithoutNullStreams;
  done: Promise<RunResult>;
}

/**
 * Starts `node bin/b2c.js ...args` with pipes for stdio. `input` is written to stdin (then
 * closed); without it stdin is closed at once. B2_* variables of the test's own environment are
 * dropped so only `options.env` decides the credentials.
 */
export function startB2c(args: string[], options: { env: Record<string, string>; cwd?: string; input?: string }): Running {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('B2_')) env[k] = v;
  Object.assign(env, options.env);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(options.input ?? '');
  const done = new Promise<RunResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the binary to the end (see startB2c). */
export function runB2c(args: string[], options: { env: Record<string, string>; cwd?: string; input?: string }): Promise<RunResult> {
  return startB2c(args, options).done;
}

/** Log lines after the first `n`, without authorization calls (signing in is not "a request about files"). */
export function fileRequestsAfter(log: string[], n: number): string[] {
  return log.slice(n).filter((l) => !/b2_authorize_account/.test(l));
}
