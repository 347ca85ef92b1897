#!/usr/bin/env node
// Only loads the bundle: startup time is a feature (see bench/).
import module from 'node:module';

// V8's code cache for the bundle: the file manager compiles about 1.5 MB of JavaScript before its
// first frame, which the cache turns into a read. Node 22.1+ keeps one for ES modules; before
// that, the file manager starts from the same program as one classic script with a cache of our
// own (src/start/code-cache.ts), and every other command, or any failure there, loads the modules.
module.enableCompileCache?.();
const argv = process.argv.slice(2);
const start = await import('../dist/start.js').catch(() => null);
if (module.enableCompileCache) await import('../dist/cli.js');
else if (!(await start?.startFromCodeCache(argv))) await import('../dist/cli.js');
