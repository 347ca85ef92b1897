/**
 * Where a pane should open for a key: a key limited to one bucket and a name prefix starts inside
 * that prefix (its folder part), because B2 refuses listings outside it.
 */
import type { KeyInfo } from '../../state/model/key-info.js';

/** `/` normally; `/bucket` for a one-bucket key; `/bucket/a/b` for prefix `a/b/` (or `a/b/x`). */
export function b2HomePath(key: KeyInfo): string {
  const only = key.buckets !== null && key.buckets.length === 1 ? key.buckets[0] : undefined;
  if (only === undefined || only.name === null) return '/';
  const prefix = key.namePrefix ?? '';
  const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1).replace(/\/+$/, '');
  return folder === '' ? `/${only.name}` : `/${only.name}/${folder}`;
}
