/**
 * The TUI's root component: two panes (or the help screen, or the transfer queue), the status
 * line and the function-key bar, with the open dialog drawn on top. Exactly `rows − 1` rows tall
 * (ARCHITECTURE.md, "Terminal facts": at `rows` Ink clears the whole screen every frame). Render only:
 * keys go to the controller through the one keyboard hook.
 */
import { Box } from 'ink';
import { useLayoutEffect, useMemo, type ReactNode } from 'react';
import { otherSide, type AppMode, type PaneSide } from '../../state/app/app-state.js';
import type { Keymap } from '../../state/keyboard/keymap.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { functionKeyBar } from '../../state/keyboard/keymap-views.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import type { PermissionDecision } from '../../state/permissions/permissions.js';
import { DialogLayer } from '../dialogs/DialogLayer.js';
import { HelpScreen, helpLines } from '../dialogs/HelpScreen.js';
import { useKeyboard } from '../input/useKeyboard.js';
import { listHeightFor, Pane } from '../panes/Pane.js';
import { KeymapProvider } from '../keymap-context.js';
import { useTerminalSize } from '../terminal-size.js';
import { paneDecisions, paneKeyOf } from '../../tui/commands/command-permissions.js';
import type { TuiController } from '../../tui/controller.js';
import { FunctionKeyBar } from './FunctionKeyBar.js';
import { AccountScreens } from './AccountScreens.js';
import { showsAccountScreen } from '../../tui/accounts/account-screens.js';
import type { ProviderRegistry } from '../../tui/providers/provider-registry.js';
import { QueuePanel, queueListHeight } from './QueuePanel.js';
import { StatusLine } from './StatusLine.js';
import type { TransferQueue } from '../../tui/operations/transfer-operations.js';
import { baseLayer, dialogsOnScreen, type TuiState } from '../../tui/store/tui-state.js';
import { tuiKeyContext } from '../../tui/input/key-context.js';
import type { TuiStore } from '../../tui/store/tui-store.js';
import { useStore } from '../useStore.js';
import { ViewerScreen, viewerTextRows } from '../viewer/ViewerScreen.js';

export interface TuiAppProps {
  store: TuiStore;
  controller: TuiController;
  registry: ProviderRegistry;
  queue: TransferQueue;
  keymap: Keymap;
}

/**
 * The status line's hint when there is no message: the keys of what is on screen. An accounts
 * screen names its own keys (Esc included) in its footer, so the status line adds nothing.
 */
function hintFor(state: TuiState, keymap: Keymap): string | undefined {
  if (showsAccountScreen(state)) return '';
  if (state.app.mode.kind === 'help') return hintLine(keymap, 'help');
  if (state.app.mode.kind === 'queue') return hintLine(keymap, 'queue');
  if (state.app.mode.kind === 'quickSearch') return hintLine(keymap, 'quickSearch');
  return undefined;
}

/** Quick search in pane `side`, for its footer, or null. */
function quickSearchIn(mode: AppMode, side: PaneSide): { text: string; found: boolean } | null {
  return mode.kind === 'quickSearch' && mode.side === side ? mode : null;
}

const NO_DECISIONS: ReadonlyMap<CommandId, PermissionDecision> = new Map();

/** Rows of the app on a terminal `rows` tall: all but the last (ARCHITECTURE.md, "Terminal facts"). */
function rootHeightFor(rows: number): number {
  return Math.max(4, rows - 1);
}

/**
 * Rows of the main area (panes, help, queue) on a terminal `rows` tall: all but the status line
 * and the function-key bar — an accounts screen takes the bar's row too (its own footer names
 * its keys, and the bar's keys are not what the screen reads).
 */
function mainHeightFor(rows: number, accountScreen: boolean): number {
  return Math.max(3, rootHeightFor(rows) - 1 - (accountScreen ? 0 : 1));
}

/** Rows of a pane's list on a terminal `rows` tall (run-tui.tsx gives it to the core's start). */
export function paneListHeightFor(rows: number, accountScreen: boolean): number {
  return listHeightFor(mainHeightFor(rows, accountScreen));
}

export function TuiApp({ store, controller, registry, queue, keymap }: TuiAppProps): ReactNode {
  const { columns, rows } = useTerminalSize();
  const state = useStore(store);
  const connections = useStore(registry);
  const viewer = useStore(controller.viewer);
  const totals = useStore(queue.totals);
  useKeyboard(controller.handleInput);

  const app = state.app;
  const base = baseLayer(state);
  const screen = showsAccountScreen(base);
  const mainHeight = mainHeightFor(rows, screen);
  const listHeight = paneListHeightFor(rows, screen);
  // Wrapped only while the help screen shows (a few ms every start otherwise); the controller
  // learns their number in the layout effect below, before the screen's first key.
  const helpOpen = base.app.mode.kind === 'help';
  const lines = useMemo(() => (helpOpen ? helpLines(keymap, columns) : []), [helpOpen, keymap, columns]);

  // Layout effect: the panes know their height before the first key can arrive (at start-up
  // they know it already: run-tui.tsx gives it to the core's start, so this changes nothing).
  useLayoutEffect(() => {
    for (const side of ['left', 'right'] as const) {
      store.dispatch({
        type: 'app',
        action: { type: 'pane', side, action: { type: 'viewportResized', height: listHeight } },
      });
    }
  }, [store, listHeight]);
  useLayoutEffect(() => {
    controller.setViewportSizes({
      help: Math.max(1, mainHeight - 3),
      helpLines: lines.length,
      queue: queueListHeight(mainHeight),
      viewer: { rows: viewerTextRows(mainHeight + 1), cols: columns },
      terminal: { rows, columns },
    });
  }, [controller, mainHeight, lines.length, columns, rows]);

  const context = tuiKeyContext(state);
  const activeLoc = app.panes[app.active].location;
  const bucketList = context === 'pane' && activeLoc.kind === 'b2' && activeLoc.bucket === null;
  const slots = useMemo(() => functionKeyBar(keymap, context, bucketList), [keymap, context, bucketList]);
  const otherLoc = app.panes[otherSide(app.active)].location;
  // A bucket's type is learnt while it is listed: the load stages make the bar look again.
  const loads = [app.panes.left.load, app.panes.right.load];
  const decisions = useMemo(
    () =>
      context === 'pane' || context === 'versions'
        ? paneDecisions(
            paneKeyOf(activeLoc, connections, registry.bucketTypeOf(activeLoc)),
            paneKeyOf(otherLoc, connections, registry.bucketTypeOf(otherLoc)),
            Date.now(),
          )
        : NO_DECISIONS,
    [context, activeLoc, otherLoc, connections, registry, ...loads],
  );

  const leftWidth = Math.floor(columns / 2);
  const account = (side: PaneSide): string | null => {
    const loc = app.panes[side].location;
    if (loc.kind === 'local') return null;
    return registry.profiles().find((p) => p.name === loc.profile)?.label ?? loc.profile;
  };
  // What fills the screen is what the raised dialogs (a transfer's question) cover, if any.
  const baseMode = base.app.mode;
  // The pager's last row is its own status line (prompt, search progress, messages).
  const viewing = baseMode.kind === 'viewer' && viewer !== null;
  let main: ReactNode;
  if (screen) main = <AccountScreens screens={controller.accounts} width={columns} height={mainHeight} />;
  else if (viewing)
    main = <ViewerScreen session={viewer} width={columns} height={mainHeight + 1} status={app.status} />;
  else if (baseMode.kind === 'help')
    main = <HelpScreen lines={lines} offset={baseMode.offset} width={columns} height={mainHeight} />;
  else if (baseMode.kind === 'queue' || (baseMode.kind === 'dialog' && baseMode.origin === 'queue'))
    main = <QueuePanel queue={queue} cursor={state.queueCursor} width={columns} height={mainHeight} />;
  else
    main = (
      <Box flexDirection="row" height={mainHeight}>
        <Pane
          pane={app.panes.left}
          active={app.active === 'left'}
          width={leftWidth}
          height={mainHeight}
          account={account('left')}
          quickSearch={quickSearchIn(app.mode, 'left')}
        />
        <Pane
          pane={app.panes.right}
          active={app.active === 'right'}
          width={columns - leftWidth}
          height={mainHeight}
          account={account('right')}
          quickSearch={quickSearchIn(app.mode, 'right')}
        />
      </Box>
    );
  return (
    <KeymapProvider keymap={keymap}>
      <Box flexDirection="column" width={columns} height={rootHeightFor(rows)}>
        {main}
        {viewing ? null : (
          <StatusLine
            status={app.status}
            mode={app.mode}
            queue={totals}
            width={columns}
            hint={hintFor(state, keymap)}
          />
        )}
        {screen ? null : <FunctionKeyBar slots={slots} decisions={decisions} width={columns} />}
        {dialogsOnScreen(state).map((d, i) => (
          <DialogLayer key={i} dialog={d} />
        ))}
      </Box>
    </KeymapProvider>
  );
}
