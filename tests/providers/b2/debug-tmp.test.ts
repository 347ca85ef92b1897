import { it } from 'vitest';
import { Readable } from 'node:stream';
import { startB2 } from './helpers.js';
it('debug', async () => {
  const f = await startB2({ log: (l) => console.log('SRV', l) });
  const b = await f.bucket();
  const data = Buffer.alloc(300000, 3);
  await f.master.write(`/${b.name}/r.bin`, Readable.from([data]), { size: data.length });
  const basic = Buffer.from(`${f.emu.masterKeyId}:${f.emu.masterKey}`).toString('base64');
  const a = await (await fetch(`${f.emu.endpoint}/b2api/v4/b2_authorize_account`, { headers: { Authorization: `Basic ${basic}` } })).json() as any;
  f.emu.setFaults({ seed: 3, dropConnectionRate: 1, retryAfterSeconds: 0 });
  const t0 = Date.now();
  const timer = setTimeout(() => { console.log('STILL WAITING after 3s'); }, 3000);
  const r = await fetch(`${a.apiInfo.storageApi.downloadUrl}/file/${b.name}/r.bin`, { headers: { Authorization: a.authorizationToken } });
  let n = 0;
  try { for await (const c of r.body as any) n += c.length; console.log('ended', n); } catch (e) { console.log('err', n, String(e), Date.now() - t0); }
  clearTimeout(timer);
  await f.close();
}, 60000);
