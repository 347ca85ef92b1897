/**
 * A library imported once a command runs (conf, by the first read of the config file) must not
 * leave the signal hooks it installs while loading (src/signal-hooks.ts): the command owns its
 * signals. The file manager's SIGHUP shutdown end to end: tests/e2e/tui-hangup.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { importWithoutSignalHooks } from '../src/signal-hooks.js';

const own = (): void => undefined;
const library = (): void => undefined;

afterEach(() => {
  process.removeListener('SIGHUP', own);
  process.removeListener('SIGHUP', library);
  process.removeListener('SIGINT', library);
});

describe('importWithoutSignalHooks', () => {
  it("drops the listeners installed while loading and keeps the command's own", async () => {
    process.on('SIGHUP', own);
    const loaded = await importWithoutSignalHooks(() => {
      process.once('SIGHUP', library);
      process.on('SIGINT', library);
      return Promise.resolve('the module');
    });
    expect(loaded).toBe('the module');
    expect(process.listeners('SIGHUP')).toContain(own);
    expect(process.listeners('SIGHUP')).not.toContain(library);
    expect(process.listeners('SIGINT')).not.toContain(library);
  });

  it('drops them when the import fails too', async () => {
    await expect(
      importWithoutSignalHooks(() => {
        process.on('SIGINT', library);
        return Promise.reject(new Error('no such module'));
      }),
    ).rejects.toThrow('no such module');
    expect(process.listeners('SIGINT')).not.toContain(library);
  });
});
