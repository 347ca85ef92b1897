import { it } from 'vitest';
import { KeyInspectorScreenProbe } from './probe.js';
it('prints', async () => { await KeyInspectorScreenProbe(); });
