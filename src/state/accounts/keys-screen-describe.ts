/**
 * Short descriptions of listed keys, shared by the keys screen and `b2c keys list`. Raw names
 * inside: sanitise before display. Pure.
 */
import { KEY_PRESETS } from '../permissions/capabilities.js';
import { describeBuckets } from '../permissions/permission-reasons.js';
import type { KeyRecord } from '../model/key-info.js';

/** "all buckets", "bucket photos", "buckets a and b", plus ", names starting with P". Unknown IDs show as IDs. */
export function describeKeyScope(
  k: Pick<KeyRecord, 'bucketIds' | 'namePrefix'>,
  names: ReadonlyMap<string, string>,
): string {
  const buckets =
    k.bucketIds === null
      ? 'all buckets'
      : describeBuckets(k.bucketIds.map((id) => ({ id, name: names.get(id) ?? id })));
  return k.namePrefix === null ? buckets : `${buckets}, names starting with ${k.namePrefix}`;
}

/**
 * The same in few columns, for the keys list: "all buckets", "photos, docs", "photos · prefix a/";
 * a deleted bucket shows as "(deleted)".
 */
export function describeKeyScopeShort(
  k: Pick<KeyRecord, 'bucketIds' | 'namePrefix'>,
  names: ReadonlyMap<string, string>,
): string {
  const buckets =
    k.bucketIds === null ? 'all buckets' : k.bucketIds.map((id) => names.get(id) ?? '(deleted)').join(', ');
  return k.namePrefix === null ? buckets : `${buckets} · prefix ${k.namePrefix}`;
}

/** The preset whose capabilities are exactly these, or null. */
export function matchingPreset(capabilities: readonly string[]): string | null {
  const set = new Set(capabilities);
  const preset = KEY_PRESETS.find((p) => p.capabilities.length === set.size && p.capabilities.every((c) => set.has(c)));
  return preset?.id ?? null;
}

/** "read-only (listBuckets, listFiles, readFiles)" when a preset matches, else the names. */
export function describeCapabilitySet(capabilities: readonly string[]): string {
  const preset = matchingPreset(capabilities);
  return preset !== null ? `${preset} (${capabilities.join(', ')})` : capabilities.join(', ');
}
