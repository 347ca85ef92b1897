/**
 * The keys screen, render-only: the action bar (greyed parts say why), the account's keys with
 * their scope, details of the selected key, and whatever mode is on top (new-key form, the new
 * secret, delete confirmation). State from state/accounts/keys-screen-*.ts.
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import {
  describeCapabilitySet,
  describeKeyScope,
  describeKeyScopeShort,
} from '../../state/accounts/keys-screen-describe.js';
import { formatUtcMinute } from '../../state/accounts/keys-screen-lines.js';
import { selectedKey, type KeysScreenState } from '../../state/accounts/keys-screen-state.js';
import type { KeyRecord } from '../../state/model/key-info.js';
import type { PermissionDecision } from '../../state/permissions/permissions.js';
import { fitToWidth, sanitizeForTerminal, truncateToWidth } from '../../state/text/sanitize.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { hintKeys } from '../../state/keyboard/key-hints.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { windowOf } from './Checkbox.js';
import { KeyFormView } from './KeyFormView.js';
import { NewKeySecret } from './NewKeySecret.js';
import { Spinner } from './Spinner.js';

export interface KeysViewProps {
  state: KeysScreenState;
  height: number;
  width: number;
  /** ms since the epoch (expired keys are marked). */
  now: number;
  /** A profile saved here lives in memory only (`b2c --demo`). */
  profilesInMemory?: boolean;
}

function ActionBar({ state }: { state: KeysScreenState }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const key = (command: 'add' | 'delete' | 'refresh' | 'cancel'): string => hintKeys(keymap, 'keys', command) ?? '—';
  const item = (key: string, label: string, d: PermissionDecision): ReactNode => (
    <Text color={d.allowed ? undefined : theme.bar.disabled} strikethrough={!d.allowed && !theme.colour}>
      <Text bold={d.allowed}>{key}</Text> {label}
      {d.allowed ? '' : ' ✗'}
    </Text>
  );
  return (
    <Text wrap="truncate-end">
      {item(key('add'), 'New key', state.access.create)}
      {'  '}
      {item(key('delete'), 'Delete', state.access.delete)}
      {'  '}
      {item(key('refresh'), 'Reload', state.access.list)}
      {'  '}
      <Text bold>{key('cancel')}</Text> Close
    </Text>
  );
}

const NAME_WIDTH = 16;
const EXPIRES_WIDTH = 18;

/** "never", "2026-12-05" or "expired 2026-11-27" (UTC days; the details line has the time). */
function expiresCell(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'never';
  const day = formatUtcMinute(expiresAt).slice(0, 10);
  return expiresAt < now ? `expired ${day}` : day;
}

/** One row: `›` on the cursor row (readable without colour too), `*` on the signed-in key. */
function rowText(
  k: KeyRecord,
  names: ReadonlyMap<string, string>,
  at: boolean,
  own: boolean,
  now: number,
  width: number,
): string {
  const scopeWidth = Math.max(10, width - 2 - NAME_WIDTH - EXPIRES_WIDTH - 2);
  const name = truncateToWidth(sanitizeForTerminal(k.keyName), NAME_WIDTH);
  const scope = fitToWidth(sanitizeForTerminal(describeKeyScopeShort(k, names)), scopeWidth);
  return `${at ? '›' : ' '}${own ? '*' : ' '}${fitToWidth(name, NAME_WIDTH)} ${scope} ${expiresCell(k.expiresAt, now)}`;
}

function KeyList({
  state,
  rows,
  now,
  width,
}: {
  state: KeysScreenState;
  rows: number;
  now: number;
  width: number;
}): ReactNode {
  const theme = useTheme();
  const names = new Map(state.buckets.map((b) => [b.id, b.name]));
  switch (state.load.kind) {
    case 'not-allowed':
      return (
        <Text color={theme.denied} wrap="wrap">
          ✗ {sanitizeForTerminal(state.access.list.reason ?? 'This key may not list keys.')}
        </Text>
      );
    case 'loading':
      return <Spinner label="Listing the account's keys…" />;
    case 'failed':
      return <Text color={theme.status.error}>✗ {sanitizeForTerminal(state.load.message)}</Text>;
    case 'loaded':
      break;
    default: {
      const unreachable: never = state.load;
      return unreachable;
    }
  }
  if (state.keys.length === 0)
    return <Text color={theme.muted}>This account has no application keys besides the master key.</Text>;
  const w = windowOf(state.keys.length, state.cursor, rows);
  return (
    <Box flexDirection="column">
      <Text color={theme.pane.header} wrap="truncate-end">
        {'  '}
        {'NAME'.padEnd(NAME_WIDTH)} {'SCOPE'.padEnd(Math.max(10, width - 2 - NAME_WIDTH - EXPIRES_WIDTH - 2))} EXPIRES
        (UTC)
      </Text>
      {state.keys.slice(w.start, w.end).map((k, i) => {
        const at = w.start + i === state.cursor;
        return (
          <Text
            key={k.applicationKeyId}
            wrap="truncate-end"
            inverse={at}
            color={at && theme.colour ? theme.pane.cursorFg : undefined}
            backgroundColor={at ? theme.pane.cursorBg : undefined}
          >
            {rowText(k, names, at, k.applicationKeyId === state.ownKeyId, now, width)}
          </Text>
        );
      })}
    </Box>
  );
}

function Details({ state }: { state: KeysScreenState }): ReactNode {
  const theme = useTheme();
  const k = selectedKey(state);
  if (k === null || state.load.kind !== 'loaded') return null;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        Key ID {sanitizeForTerminal(k.applicationKeyId)} · expires{' '}
        {k.expiresAt === null ? 'never' : formatUtcMinute(k.expiresAt)}
        {k.applicationKeyId === state.ownKeyId ? <Text color={theme.muted}> · * b2c is signed in with it</Text> : null}
      </Text>
      <Text wrap="truncate-end" color={theme.muted}>
        {sanitizeForTerminal(describeKeyScope(k, new Map(state.buckets.map((b) => [b.id, b.name]))))}
      </Text>
      <Text wrap="truncate-end" color={theme.muted}>
        {describeCapabilitySet(k.capabilities)}
      </Text>
    </Box>
  );
}

function Overlay({
  state,
  width,
  profilesInMemory,
}: {
  state: KeysScreenState;
  width: number;
  profilesInMemory: boolean;
}): ReactNode {
  const theme = useTheme();
  const mode = state.mode;
  const names = new Map(state.buckets.map((b) => [b.id, b.name]));
  switch (mode.kind) {
    case 'confirm-delete':
      return (
        <Text color={theme.dialog.danger} wrap="wrap">
          Delete key {sanitizeForTerminal(mode.key.keyName)} ({sanitizeForTerminal(mode.key.applicationKeyId)})?
          Everything using it stops working at once.
          {mode.key.applicationKeyId === state.ownKeyId ? ' It is the key b2c is signed in with.' : ''} (y/n)
        </Text>
      );
    case 'deleting':
      return <Spinner label={`Deleting key ${sanitizeForTerminal(mode.key.keyName)}…`} />;
    case 'created':
      return (
        <NewKeySecret
          created={mode.key}
          save={mode.save}
          bucketNames={names}
          width={width}
          savesInMemory={profilesInMemory}
        />
      );
    case 'list':
    case 'form':
    case 'creating':
    case 'closed':
      return null;
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

/** The whole screen in `height` rows. */
export function KeysView({ state, height, width, now, profilesInMemory = false }: KeysViewProps): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const mode = state.mode;
  const inForm = mode.kind === 'form' || mode.kind === 'creating';
  let body: ReactNode;
  if (inForm) {
    body = (
      <Box flexDirection="column">
        <KeyFormView form={mode.form} width={width} busy={mode.kind === 'creating'} />
        {mode.kind === 'creating' ? (
          <Spinner label="Creating the key…" />
        ) : (
          <Text color={theme.muted}>{hintLine(keymap, 'keyForm')}</Text>
        )}
      </Box>
    );
  } else if (mode.kind === 'created') {
    body = <Overlay state={state} width={width} profilesInMemory={profilesInMemory} />;
  } else {
    body = (
      <Box flexDirection="column">
        <KeyList state={state} rows={Math.max(3, height - 10)} now={now} width={width} />
        <Box flexGrow={1} />
        <Details state={state} />
        <Overlay state={state} width={width} profilesInMemory={profilesInMemory} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text color={theme.dialog.title} bold>
        {inForm ? 'New application key' : 'Application keys'}
      </Text>
      {inForm || mode.kind === 'created' ? null : <ActionBar state={state} />}
      <Box flexDirection="column" flexGrow={1}>
        {body}
      </Box>
      {state.message !== null ? (
        <Text color={state.message.tone === 'error' ? theme.status.error : theme.status.success} wrap="truncate-end">
          {sanitizeForTerminal(state.message.text)}
        </Text>
      ) : null}
    </Box>
  );
}
