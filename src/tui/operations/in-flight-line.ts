/**
 * How much the transfer engine keeps in flight, in the queue panel's words (the panel,
 * src/ui/app/QueuePanel.tsx, fits and sanitises it). Pure.
 */
import type { InFlightView } from '../../transfers/index.js';

/**
 * Files × parts in flight and what the adaptive mode does, short enough for an 80-column
 * header: `16 files × 8 parts (auto)`.
 */
export function describeInFlight(v: InFlightView): string {
  const what = `${v.files} ${v.files === 1 ? 'file' : 'files'} × ${v.parts} ${v.parts === 1 ? 'part' : 'parts'}`;
  if (!v.adaptive) return what;
  switch (v.phase) {
    case 'probing':
      return `${what} (auto, trying more)`;
    case 'holding':
      return `${what} (auto, more did not help)`;
    case 'steady':
      return `${what} (auto)`;
    default: {
      const never: never = v.phase;
      return never;
    }
  }
}
