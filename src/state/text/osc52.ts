/**
 * The clipboard over SSH: OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`) asks the terminal emulator — on the
 * user's own machine, however many SSH hops away — to put the text on its clipboard. The text is
 * base64, so nothing in it can act on the terminal. Inside tmux the sequence reaches tmux, not the
 * terminal: with `set-clipboard on` tmux takes it itself (and passes it on); otherwise it can only
 * be wrapped in tmux's passthrough (`ESC P tmux; … ESC \`, every ESC inside doubled), which needs
 * `allow-passthrough on`.
 */

const ESC = '\x1b';
const BEL = '\x07';

/** `text` as UTF-8, in base64. */
function base64Utf8(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The OSC 52 sequence that copies `text` (UTF-8) to the clipboard selection `c`. */
export function osc52(text: string, options: { tmuxPassthrough?: boolean } = {}): string {
  const seq = `${ESC}]52;c;${base64Utf8(text)}${BEL}`;
  if (options.tmuxPassthrough !== true) return seq;
  return `${ESC}Ptmux;${seq.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
}
