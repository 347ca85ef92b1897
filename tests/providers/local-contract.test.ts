/** The shared provider contract, run against the local provider in a real temp dir. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { runProviderContract } from './contract/run-provider-contract.js';

// As real absolute paths (root `/`): the way the app uses the local provider.
runProviderContract('local', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'b2c-contract-'));
  return { provider: createLocalProvider(), root: dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
});

// Mapped under a root folder: provider paths are `/…` relative to it.
runProviderContract('local (rooted)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'b2c-contract-rooted-'));
  return {
    provider: createLocalProvider({ root: dir }),
    root: '/area',
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
