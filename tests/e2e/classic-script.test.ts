/**
 * scripts/classic-script.mjs turns the file manager's bundle into the classic script Node < 22.1
 * starts from V8's code cache. Imports of the built-ins the first frame does not use (crypto,
 * http, https, child_process, assert, fs/promises, worker_threads) become stand-ins that load the module at its first use:
 * checked here on a small bundle run in a fresh Node, for the uses the code makes of them — a
 * call, `new`, `extends`, `instanceof`, a property read, a default export that is a function.
 * Dynamic imports go through the importer the start passes in (V8 drops the script's own import
 * callback from code read from a code cache).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { toClassicScript as convert } from '../../scripts/classic-script.mjs';

const toClassicScript = convert as (esm: string) => string;

const dir = mkdtempSync(join(tmpdir(), 'b2c-classic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUNDLE = `import { createHash } from "node:crypto";
import { Agent as HttpAgent, request } from "node:http";
import assert from "node:assert";
import * as childProcess from "node:child_process";
import { basename } from "node:path";
import { readFile } from "node:fs/promises";
import { Worker } from "node:worker_threads";
const loaded = () => ["crypto", "http", "assert", "child_process", "fs/promises", "worker_threads"].filter((m) => process.moduleLoadList.includes("NativeModule " + m));
const out = { atStart: loaded(), path: basename("/a/b.txt") };
out.sha1 = createHash("sha1").update("abc").digest("hex");
out.afterHash = loaded();
class KeptAlive extends HttpAgent {
  constructor() { super({ keepAlive: true }); }
}
const agent = new KeptAlive();
out.agent = [agent instanceof HttpAgent, agent instanceof KeptAlive, agent.keepAlive, typeof request];
assert(true);
assert.strictEqual(1, 1);
out.echo = childProcess.execFileSync(process.execPath, ["-e", "process.stdout.write('ok')"], { encoding: "utf8" });
out.read = await readFile(process.execPath).then((b) => b.length > 0);
out.worker = await new Promise((resolve) => new Worker("require('node:worker_threads').parentPort.postMessage(6 * 7)", { eval: true }).once("message", resolve));
out.loaded = loaded();
out.imported = typeof (await import("node:os")).homedir === "function";
console.log(JSON.stringify(out));
`;

describe('the classic script', () => {
  it('loads the built-ins the first frame does not use at their first use, and they work as imported', () => {
    const script = join(dir, 'script.js');
    writeFileSync(script, toClassicScript(BUNDLE));
    const runner = join(dir, 'run.cjs');
    writeFileSync(
      runner,
      `const vm = require('node:vm');
const text = require('node:fs').readFileSync(${JSON.stringify(script)}, 'latin1');
new vm.Script(text).runInThisContext()(require, 'file:///script.js', (specifier) => import(specifier));`,
    );
    const out = JSON.parse(execFileSync(process.execPath, [runner], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toEqual({
      atStart: [],
      path: 'b.txt',
      sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
      afterHash: ['crypto'],
      agent: [true, true, true, 'function'],
      echo: 'ok',
      read: true,
      worker: 42,
      loaded: ['crypto', 'http', 'assert', 'child_process', 'fs/promises', 'worker_threads'],
      imported: true,
    });
  });
});
