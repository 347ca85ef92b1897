/** Display tones of the accounts screens (state/accounts/keys-screen-lines.ts) → theme tokens. */
import type { LineTone } from '../../state/accounts/keys-screen-lines.js';
import type { Colour, Theme } from '../theme.js';

/** Colour and emphasis for a tone; under NO_COLOR headings stay bold and marks stay readable as ✓/✗. */
export function toneStyle(theme: Theme, tone: LineTone): { color: Colour; bold: boolean; dimColor: boolean } {
  switch (tone) {
    case 'plain':
      return { color: undefined, bold: false, dimColor: false };
    case 'heading':
      return { color: theme.dialog.title, bold: true, dimColor: false };
    case 'label':
      return { color: theme.pane.header, bold: false, dimColor: false };
    case 'ok':
      return { color: theme.ok, bold: false, dimColor: false };
    case 'denied':
      return { color: theme.denied, bold: false, dimColor: false };
    case 'warning':
      return { color: theme.status.warning, bold: false, dimColor: false };
    case 'muted':
      return { color: theme.muted, bold: false, dimColor: false };
    default: {
      const unreachable: never = tone;
      return unreachable;
    }
  }
}
