/**
 * The sync dialog (C): what "make the other pane like this one" will do — counts and bytes of
 * the copies, replacements and removals, the options (compare by, removal, dry run) with the keys
 * of the `sync` keymap context, and a scrollable list of every change.
 */
import type { ReactNode } from 'react';
import { keysForCommand, type Keymap } from '../../state/keyboard/keymap.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import { formatKeyPattern } from '../../state/keyboard/key-patterns.js';
import { formatLocation } from '../../state/location/pane-location.js';
import type { SyncItem, SyncPlan } from '../../state/sync/sync-plan.js';
import { formatCount, formatSize } from '../../state/text/format.js';
import { fitToWidth, sanitizeForTerminal, sanitizeName } from '../../state/text/sanitize.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { syncChanges } from '../../tui/dialogs/sync.js';
import { useKeymap } from '../keymap-context.js';
import { useTerminalSize } from '../terminal-size.js';
import { useTheme } from '../theme-context.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';
import { Wrapped } from './Wrapped.js';

/** The key of `cmd` in the sync dialog, as the keymap binds it. */
function keyOf(keymap: Keymap, cmd: CommandId): string {
  const key = keysForCommand(keymap, 'sync', cmd)[0];
  return key === undefined ? '' : formatKeyPattern(key);
}

/** The footer: "Enter sync · m compare · r removal · d dry run · ↑↓ scroll · Esc close". */
export function syncHint(keymap: Keymap, dryRun: boolean): string {
  const parts: Array<[CommandId, string]> = [
    ['confirm', dryRun ? 'show result' : 'sync'],
    ['syncCompareMode', 'compare'],
    ['syncRemoval', 'removal'],
    ['syncDryRun', 'dry run'],
    ['cancel', 'close'],
  ];
  return parts
    .map(([cmd, what]) => [keyOf(keymap, cmd), what])
    .filter(([key]) => key !== '')
    .map(([key, what]) => `${key} ${what}`)
    .join(' · ');
}

const SIGN: Record<SyncItem['action'], string> = { upload: '+', replace: '~', remove: '-', unchanged: '=' };

/** One change in `width` columns: sign, name, size and why. */
export function changeLine(item: SyncItem, removal: string, width: number): string {
  const what =
    item.action === 'remove'
      ? removal
      : item.action === 'replace'
        ? `${formatSize(item.bytes)}, ${item.why}`
        : formatSize(item.bytes);
  const tail = ` ${what}`;
  return (
    fitToWidth(`${SIGN[item.action]} `, 2) +
    fitToWidth(sanitizeName(item.rel), width - 2 - tail.length, 'left', { position: 'middle' }) +
    tail
  );
}

/**
 * The counts line: "Copy 3 (1.2 MiB) · replace 1 (5 B) · hide 2 (9 B) · 10 same", or with
 * removal `keep`, how many files only the other pane has stay there.
 */
export function countsLine(plan: SyncPlan, removal: string): string {
  const c = plan.counts;
  const kept = plan.items.filter((i) => i.action === 'unchanged' && i.why === 'only-destination').length;
  return [
    `Copy ${formatCount(c.upload.files)} (${formatSize(c.upload.bytes)})`,
    `replace ${formatCount(c.replace.files)} (${formatSize(c.replace.bytes)})`,
    kept > 0
      ? `${formatCount(kept)} only there, kept`
      : `${removal} ${formatCount(c.remove.files)} (${formatSize(c.remove.bytes)})`,
    `${formatCount(c.unchanged.files - kept)} same`,
  ].join(' · ');
}

/** C. */
export function SyncDialog({ d }: { d: DialogOf<'sync'> }): ReactNode {
  const keymap = useKeymap();
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const inner = innerWidth(columns);
  const removal = d.removals[d.removal];
  const removalWord = removal?.value === 'none' ? 'keep' : (removal?.label ?? 'remove');
  const changes = syncChanges(d.plan);
  const height = Math.max(3, rows - 16);
  const start = Math.max(0, Math.min(d.scroll, changes.length - height));
  const status =
    d.load.kind === 'listing'
      ? `Comparing… ${formatCount(d.load.files)} files listed`
      : d.load.kind === 'failed'
        ? d.load.message
        : d.plan === null || changes.length === 0
          ? 'Nothing to do: the other pane is like this one.'
          : countsLine(d.plan, removal?.value === 'none' ? 'keep' : removalWord);
  const options = `Compare by ${d.compare} · Only there: ${removalWord} · Dry run ${d.dryRun ? 'on' : 'off'}`;
  return (
    <DialogFrame title={d.dryRun ? 'Sync (dry run)' : 'Sync'} hint={syncHint(keymap, d.dryRun)}>
      <Wrapped
        text={`Make ${sanitizeForTerminal(formatLocation(d.to))} like ${sanitizeForTerminal(formatLocation(d.from))}`}
        bold
      />
      <DialogLine text={fitToWidth(options, inner)} color={theme.muted} />
      {removal !== undefined && !removal.allowed ? (
        <Wrapped text={`Not allowed: ${sanitizeForTerminal(removal.reason ?? '')}`} color={theme.denied} />
      ) : null}
      <Wrapped text={sanitizeForTerminal(status)} color={d.load.kind === 'failed' ? theme.status.error : undefined} />
      {changes.slice(start, start + height).map((item, i) => (
        <DialogLine
          key={`${start + i}`}
          text={changeLine(item, removalWord, inner)}
          color={item.action === 'remove' ? theme.dialog.danger : undefined}
        />
      ))}
      {changes.length > height ? (
        <DialogLine
          text={`${start + 1}–${Math.min(changes.length, start + height)} of ${formatCount(changes.length)} changes (↑↓ scroll)`}
          color={theme.muted}
        />
      ) : null}
    </DialogFrame>
  );
}
