import { startEmulator } from '../../src/emulator/index.js';
import { connectB2 } from '../../src/providers/b2/index.js';
import { KeysScreen } from '../../src/ui/accounts/KeysScreen.js';
import { renderInk } from '../ui/render-ink.js';
const tick = () => new Promise((r) => setTimeout(r, 150));
export async function KeyInspectorScreenProbe(): Promise<void> {
  const emu = await startEmulator({ demo: true });
  const p = await connectB2({ applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint });
  const listBuckets = async () => { const out: { id: string; name: string }[] = []; for await (const page of p.list('/')) for (const e of page) out.push({ id: e.bucketId ?? '', name: e.name }); return out; };
  const h = renderInk(<KeysScreen keyInfo={p.keyInfo} admin={p.keys} listBuckets={listBuckets} saveProfile={() => undefined} endpoint={emu.endpoint} />);
  await h.waitForFrame((f) => f.includes('read-only'));
  console.log(h.plainFrame());
  h.press('n'); await tick(); h.press('ci-test'); await tick(); h.press('\t'); await tick(); h.press('j'); await tick(); h.press(' '); await tick(); h.press('\t'); await tick(); h.press('\t'); await tick(); h.press('j'); await tick(); h.press(' ');await tick();
  console.log(h.plainFrame());
  h.press('\t'); await tick(); h.press('7d'); await tick(); h.press('\r');
  console.log(await h.waitForFrame((f) => f.includes('Created')));
  h.press('\r'); await tick(); 
  console.log(h.plainFrame());
  h.unmount(); await emu.close();
}
