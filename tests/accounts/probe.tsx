import { startEmulator } from '../../src/emulator/index.js';
import { AccountWizard } from '../../src/ui/accounts/AccountWizard.js';
import { renderInk } from '../ui/render-ink.js';
import { fastVerify } from './helpers.js';
export async function KeyInspectorScreenProbe(): Promise<void> {
  const emu = await startEmulator({ demo: true });
  const k = emu.demoKeys.find((d) => d.name === 'multi-bucket')!;
  const h = renderInk(<AccountWizard verify={fastVerify} save={() => undefined} />);
  await h.waitForFrame((f) => f.includes('›'));
  h.press(k.applicationKeyId); await h.waitForFrame((f) => f.includes(k.applicationKeyId));
  h.press('\r'); await h.waitForFrame((f) => f.includes('› Application key  '));
  h.press(k.applicationKey); await h.waitForFrame((f) => f.includes('••••••••••'));
  h.press('\t'); await h.waitForFrame((f) => f.includes('› Endpoint'));
  h.press(emu.endpoint); await h.waitForFrame((f) => f.includes(emu.endpoint));
  console.log(h.plainFrame());
  h.press('\r'); await h.waitForFrame((f) => f.includes('› Profile'));
  h.press('\r');
  console.log(await h.waitForFrame((f) => f.includes('accepted')));
  h.press('\x1b[6~'); await new Promise((r) => setTimeout(r, 200));
  console.log(h.plainFrame());
  h.press('G'); await new Promise((r) => setTimeout(r, 200));
  console.log(h.lastFrame());
  h.unmount(); await emu.close();
}
