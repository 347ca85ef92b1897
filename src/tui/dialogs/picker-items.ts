/**
 * The places the location picker offers: the local folders that matter (where b2c started, home,
 * the other pane's folder) and every account profile (its bucket list; a restricted key opens
 * where it may look, see Navigator.openProfileHome).
 */
import {
  b2PaneLocation,
  formatLocation,
  localPaneLocation,
  sameLocation,
  type PaneLocation,
} from '../../state/location/pane-location.js';
import type { ProfileSpec } from '../providers/provider-registry.js';
import type { PickerItem } from './picker.js';

/** Picker rows, without duplicates, local places first. */
export function pickerItems(
  profiles: readonly ProfileSpec[],
  places: { cwd: string; home: string },
  here: PaneLocation,
  other: PaneLocation,
): PickerItem[] {
  const items: PickerItem[] = [];
  const add = (label: string, location: PaneLocation): void => {
    if (!items.some((i) => sameLocation(i.location, location))) items.push({ label, location });
  };
  add(`Local: ${places.cwd} (where b2c started)`, localPaneLocation(places.cwd));
  add(`Local: ${places.home} (home)`, localPaneLocation(places.home));
  if (other.kind === 'local') add(`Local: ${other.path} (other pane)`, other);
  for (const p of profiles) add(`B2: ${p.label}`, b2PaneLocation(p.name, null));
  if (other.kind === 'b2' && other.bucket !== null) add(`B2: ${formatLocation(other)} (other pane)`, other);
  return items.filter((i) => !sameLocation(i.location, here) || i.location.kind === 'b2');
}
