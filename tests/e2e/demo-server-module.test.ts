/**
 * `b2c --demo` loads its server's module (the built dist/demo-server.js) after the first frame and
 * runs it in its own process (src/tui/providers/demo-server.ts): what the file manager gets from
 * it, how it ends, and what a module that cannot start it gives instead.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, DEMO_KEY_NAMES } from '../../src/emulator/demo/demo-constants.js';
import { demoServerFile, startDemoServer } from '../../src/tui/providers/demo-server.js';
import { ROOT } from '../support/binary.js';
import { useTempDirs } from '../support/temp-dirs.js';

const SERVER = join(ROOT, 'dist', 'demo-server.js');
const tempDir = useTempDirs('b2c-demo-server-');

async function signIn(
  endpoint: string,
  keyId: string,
  key: string,
): Promise<{ apiUrl: string; token: string; accountId: string }> {
  const r = await fetch(`${endpoint}/b2api/v2/b2_authorize_account`, {
    headers: { Authorization: `Basic ${Buffer.from(`${keyId}:${key}`).toString('base64')}` },
  });
  expect(r.status).toBe(200);
  const body = (await r.json()) as { apiUrl: string; authorizationToken: string; accountId: string };
  return { apiUrl: body.apiUrl, token: body.authorizationToken, accountId: body.accountId };
}

describe("the demo server's module", () => {
  it('serves the demo account with the keys it hands over, and stops when closed', async () => {
    const server = await startDemoServer(SERVER);
    try {
      expect(server.demoKeys.map((k) => k.name)).toEqual([...DEMO_KEY_NAMES]);
      const { apiUrl, token, accountId } = await signIn(server.endpoint, server.masterKeyId, server.masterKey);
      const r = await fetch(`${apiUrl}/b2api/v2/b2_list_buckets`, {
        method: 'POST',
        headers: { Authorization: token },
        body: JSON.stringify({ accountId }),
      });
      const names = ((await r.json()) as { buckets: Array<{ bucketName: string }> }).buckets.map((b) => b.bucketName);
      expect(names.sort()).toEqual(Object.values(DEMO_BUCKETS).sort());
      const readOnly = server.demoKeys.find((k) => k.name === 'read-only');
      expect(readOnly).toBeDefined();
      await signIn(server.endpoint, readOnly?.applicationKeyId ?? '', readOnly?.applicationKey ?? '');
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.endpoint}/b2api/v2/b2_authorize_account`)).rejects.toThrow();
  });

  it('rejects with the reason when the module fails as it loads', async () => {
    const file = join(tempDir(), 'broken.mjs');
    writeFileSync(file, "throw new Error('no server today');\n");
    await expect(startDemoServer(file)).rejects.toThrow('no server today');
  });

  it('rejects a module that is not the demo server', async () => {
    const file = join(tempDir(), 'other.mjs');
    writeFileSync(file, 'export const answer = 42;\n');
    await expect(startDemoServer(file)).rejects.toThrow("is not b2c's demo server");
  });

  it('is found beside the bundle from any of its files', () => {
    for (const bundle of ['cli.js', 'cli.script.js', join('chunks', 'chunk-ABC.js')])
      expect(demoServerFile(pathToFileURL(join(ROOT, 'dist', bundle)).href)).toBe(SERVER);
  });
});
