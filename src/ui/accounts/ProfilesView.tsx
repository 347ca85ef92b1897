/**
 * The profiles screen's list, render-only: the saved profiles (default marked `*`), with the
 * rename field, delete question or "checking" spinner under it. Never shows a secret (rows have
 * none). The wizard and the inspector are separate screens the container swaps in.
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { REAL_B2_ENDPOINT } from '../../state/accounts/keys-screen-facts.js';
import type { ProfilesScreenState } from '../../state/accounts/profiles-screen-state.js';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { hintKeys } from '../../state/keyboard/key-hints.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { windowOf } from './Checkbox.js';
import { Spinner } from './Spinner.js';
import { TextField } from './TextField.js';

export interface ProfilesViewProps {
  state: ProfilesScreenState;
  height: number;
  width: number;
  /** The profiles live in memory only (`b2c --demo`): say they are forgotten when b2c quits. */
  inMemory?: boolean;
}

function Bottom({ state, width }: { state: ProfilesScreenState; width: number }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const mode = state.mode;
  switch (mode.kind) {
    case 'rename':
      return (
        <Box flexDirection="column">
          <TextField
            label={`Rename ${sanitizeForTerminal(mode.from)} to`.slice(0, 30)}
            labelWidth={30}
            width={Math.max(10, width - 33)}
            value={mode.name.text}
            cursor={mode.name.cursor}
            focus
            error={mode.error ?? undefined}
          />
          <Text color={theme.muted}>{hintLine(keymap, 'profileRename')}</Text>
        </Box>
      );
    case 'confirm-delete':
      return (
        <Text color={theme.dialog.danger} wrap="wrap">
          Delete profile {sanitizeForTerminal(mode.name)}? Only the saved profile goes; the key itself stays valid on
          B2. (y/n)
        </Text>
      );
    case 'working':
      return mode.operation.kind === 'inspect' ? (
        <Spinner
          label={`Checking the key of ${sanitizeForTerminal(mode.operation.name)} with B2… ${hintLine(keymap, 'profileChecking')}`}
        />
      ) : null;
    case 'list':
    case 'inspecting':
    case 'wizard':
    case 'chosen':
    case 'closed':
      return null;
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

/** The list's keys, each bold, with what it does. */
const ACTIONS: ReadonlyArray<[CommandId, string]> = [
  ['open', 'use'],
  ['add', 'add'],
  ['rename', 'rename'],
  ['delete', 'delete'],
  ['makeDefault', 'default'],
  ['info', 'inspect'],
  ['cancel', 'close'],
];

function KeyLine(): ReactNode {
  const keymap = useKeymap();
  const items = ACTIONS.flatMap(([command, what]) => {
    const keys = hintKeys(keymap, 'profiles', command);
    return keys === null ? [] : [[keys, what] as const];
  });
  return (
    <Text wrap="truncate-end">
      {items.map(([keys, what], i) => (
        <Text key={what}>
          {i > 0 ? ' · ' : ''}
          <Text bold>{keys}</Text> {what}
        </Text>
      ))}
    </Text>
  );
}

/** The list of profiles in `height` rows. */
export function ProfilesView({ state, height, width, inMemory = false }: ProfilesViewProps): ReactNode {
  const theme = useTheme();
  const rows = Math.max(3, height - 8);
  const w = windowOf(state.profiles.length, state.cursor, rows);
  const nameWidth = Math.min(24, Math.max(8, ...state.profiles.map((p) => sanitizeForTerminal(p.name).length)));
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text color={theme.dialog.title} bold>
        Profiles
      </Text>
      <KeyLine />
      <Text color={theme.pane.header} wrap="truncate-end">
        {'   '}
        {'NAME'.padEnd(nameWidth)} {'KEY ID'.padEnd(25)} ENDPOINT
      </Text>
      {state.profiles.slice(w.start, w.end).map((p, i) => {
        const at = w.start + i === state.cursor;
        const mark = `${at ? '›' : ' '}${p.name === state.defaultName ? '*' : ' '}`;
        return (
          <Text
            key={p.name}
            wrap="truncate-end"
            inverse={at}
            color={at && theme.colour ? theme.pane.cursorFg : undefined}
            backgroundColor={at ? theme.pane.cursorBg : undefined}
          >
            {mark} {sanitizeForTerminal(p.name).padEnd(nameWidth)} {sanitizeForTerminal(p.applicationKeyId).padEnd(25)}{' '}
            {sanitizeForTerminal(p.endpoint ?? REAL_B2_ENDPOINT)}
          </Text>
        );
      })}
      <Box flexGrow={1} />
      <Bottom state={state} width={width} />
      {state.message !== null ? (
        <Text color={state.message.tone === 'error' ? theme.status.error : theme.status.success} wrap="truncate-end">
          {sanitizeForTerminal(state.message.text)}
        </Text>
      ) : null}
      {inMemory ? (
        <Text color={theme.status.warning} wrap="wrap">
          Demo: profiles live in memory only and are forgotten when b2c quits.
        </Text>
      ) : (
        <Text color={theme.muted}>* is the default profile, used when none is named.</Text>
      )}
    </Box>
  );
}
