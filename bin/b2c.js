#!/usr/bin/env node
// Only loads the bundle: startup time is a feature (see bench/).
import module from 'node:module';

// V8's code cache for the bundle where Node has it (22.1+): the file manager compiles about 2 MB
// of JavaScript before its first frame, which the cache turns into a read. Node 20 has none for
// ES modules; there the call is absent and nothing changes.
module.enableCompileCache?.();
await import('../dist/cli.js');
