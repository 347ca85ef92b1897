/**
 * scripts/dependency-patches.mjs changes dependencies in the bundle only, to take their start-up
 * costs out of b2c's: each patch must leave every answer as it was. One probe is bundled twice,
 * with and without the patches, and run in fresh processes: same answers, and with the patches
 * neither Node's undici nor http2 is loaded by axios before a request needs one, and yoga's
 * WebAssembly is compiled on the main thread.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { dependencyPatches } from '../../scripts/dependency-patches.mjs';
import { ROOT } from '../support/binary.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('b2c-patches-');

/** Exercises every patched function; prints what it answered and which built-ins got loaded. */
const PROBE = `
// As backblaze-b2 loads it: required, which picks axios's CommonJS build (the patched file).
const axios = require('axios');
import FormDataPackage from 'form-data';
import mimeTypes from 'mime-types';
import formDataMime from './node_modules/form-data/node_modules/mime-types/index.js';
import stringWidth from 'string-width';
import wrapAnsiWidth from './node_modules/wrap-ansi/node_modules/string-width/index.js';
import sliceAnsi from 'slice-ansi';
import { tokenize } from '@alcalzone/ansi-tokenize';
import Yoga from 'yoga-layout';
import onExit from 'signal-exit';

const loadedAtStart = process.moduleLoadList.filter((m) => /undici|http2/.test(m));
const mime = (m) => ({
  types: m.types,
  extensions: m.extensions,
  lookups: ['a.txt', 'x.JPG', 'noext', '.json', 'dir/file.tar.gz', 'mp4'].map((n) => m.lookup(n)),
  contentTypes: ['json', 'text/html', 'nothing/here', 'md'].map((t) => m.contentType(t)),
  charsets: ['text/x-foo', 'application/json', 'image/png'].map((t) => m.charset(t)),
  extension: m.extension('text/html'),
});
const texts = ['plain', '┌──┐ ↑ … é ß ĳ', '日本語', 'e\\u0301', 'a\\u200db', '\\u{1f600}x', '\\u25fd', '\\u00ad', 'x\\ufe0f'];
// A small flex layout, as Ink asks of yoga: a row of two children, one growing.
const root = Yoga.Node.create();
root.setWidth(80);
root.setHeight(24);
root.setFlexDirection(Yoga.FLEX_DIRECTION_ROW);
const fixed = Yoga.Node.create();
fixed.setWidth(30);
const grows = Yoga.Node.create();
grows.setFlexGrow(1);
root.insertChild(fixed, 0);
root.insertChild(grows, 1);
root.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
const fd = new FormData();
fd.append('a', '1');
console.log(JSON.stringify({
  loadedAtStart,
  mime: mime(mimeTypes),
  formDataMime: mime(formDataMime),
  widths: texts.map((t) => [stringWidth(t), stringWidth(t, { ambiguousIsNarrow: false }), wrapAnsiWidth(t)]),
  slices: texts.map((t) => sliceAnsi(t, 1, 3)),
  tokens: texts.map((t) => tokenize(t).length),
  formToJSON: [axios.formToJSON(fd), axios.formToJSON('a=1'), axios.formToJSON({ a: 1 })],
  formDataPackage: [typeof new FormDataPackage().getHeaders, Object.prototype.toString.call(new FormDataPackage()),
    Object.getOwnPropertyDescriptor(FormDataPackage.prototype, Symbol.toStringTag)],
  fetchAdapter: typeof axios.getAdapter('fetch'),
  http2Adapter: typeof axios.getAdapter('http'),
  layout: [root, fixed, grows].map((n) => n.getComputedLayout()),
  signalExit: [typeof onExit(() => undefined), (() => {
    try { onExit(42); return 'no error'; } catch (e) { return [e.name, e.code, e.message]; }
  })()],
  wasmCompiledOffThread: globalThis.__asyncWasmCompiles,
}));
`;

async function runProbe(patched: boolean): Promise<Record<string, unknown>> {
  const out = await build({
    stdin: { contents: PROBE, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: patched ? [dependencyPatches] : [],
    banner: {
      js: [
        "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
        // Counts the bundle's own compilations V8 does on its helper threads (yoga's, before the
        // patch), not those of Node's undici, which FormData loads.
        'globalThis.__asyncWasmCompiles = 0;',
        'for (const name of ["instantiate", "instantiateStreaming", "compile", "compileStreaming"]) {',
        '  const f = WebAssembly[name];',
        '  WebAssembly[name] = (...a) => {',
        '    if (!/undici/.test(new Error().stack)) globalThis.__asyncWasmCompiles++;',
        '    return f(...a);',
        '  };',
        '}',
      ].join('\n'),
    },
  });
  const file = join(tempDir(), 'probe.mjs');
  writeFileSync(file, out.outputFiles[0]?.text ?? '');
  return JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' })) as Record<string, unknown>;
}

describe('the dependency patches', () => {
  it('change no answer, axios loads neither undici nor http2 until it needs them, yoga compiles on this thread', async () => {
    const [before, after] = await Promise.all([runProbe(false), runProbe(true)]);
    const { loadedAtStart: loadedBefore, wasmCompiledOffThread: offThreadBefore, ...answersBefore } = before;
    const { loadedAtStart: loadedAfter, wasmCompiledOffThread: offThreadAfter, ...answersAfter } = after;
    expect(answersAfter).toEqual(answersBefore);
    expect(answersAfter.layout).toEqual([
      expect.objectContaining({ width: 80, height: 24 }),
      expect.objectContaining({ left: 0, width: 30 }),
      expect.objectContaining({ left: 30, width: 50 }),
    ]);
    expect(answersAfter.signalExit).toEqual([
      'function',
      ['AssertionError', 'ERR_ASSERTION', 'a callback must be provided for exit handler'],
    ]);
    expect(offThreadBefore).toBeGreaterThan(0);
    expect(offThreadAfter).toBe(0);
    expect(Object.keys((answersAfter.mime as { types: object }).types).length).toBeGreaterThan(1000);
    expect(loadedBefore).not.toEqual([]);
    expect(loadedAfter).toEqual([]);
  });
});
