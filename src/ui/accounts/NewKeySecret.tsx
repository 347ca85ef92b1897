/**
 * The one place the TUI shows a secret: a key just created, whose application key B2 returns only
 * in that answer. It stays on screen until the user leaves this view; the state then forgets it.
 * Offers to save the key as a profile (name field inline).
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { describeKeyScope } from '../../state/accounts/keys-screen-describe.js';
import { formatUtcMinute } from '../../state/accounts/keys-screen-lines.js';
import type { SaveAsProfile } from '../../state/accounts/keys-screen-state.js';
import type { CreatedKey } from '../../state/model/key-info.js';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { hintKeys } from '../../state/keyboard/key-hints.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { Spinner } from './Spinner.js';
import { TextField } from './TextField.js';

export interface NewKeySecretProps {
  created: CreatedKey;
  save: SaveAsProfile;
  /** Bucket ID → name. */
  bucketNames: ReadonlyMap<string, string>;
  width: number;
  /** A saved profile lives in memory only (`b2c --demo`). */
  savesInMemory?: boolean;
}

function SaveLine({ save, width, inMemory }: { save: SaveAsProfile; width: number; inMemory: boolean }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  switch (save.kind) {
    case 'offer':
      return <Text>{hintLine(keymap, 'newKeyOffer')}</Text>;
    case 'naming':
      return (
        <Box flexDirection="column">
          <TextField
            label="Profile name"
            labelWidth={14}
            width={Math.max(10, width - 17)}
            value={save.name.text}
            cursor={save.name.cursor}
            focus
            placeholder="a name for the profile"
            error={save.error ?? undefined}
          />
          <Text color={theme.muted}>{hintLine(keymap, 'profileNaming')}</Text>
        </Box>
      );
    case 'saving':
      return <Spinner label="Saving the profile…" />;
    case 'saved':
      return (
        <Text color={theme.status.success} wrap="wrap">
          Saved as profile {sanitizeForTerminal(save.name)}
          {inMemory ? ' (in memory: the demo forgets it when b2c quits)' : ''};{' '}
          {hintKeys(keymap, 'pane', 'locationPicker')} opens it in a pane. {hintKeys(keymap, 'new-key', 'cancel')} done.
        </Text>
      );
    default: {
      const unreachable: never = save;
      return unreachable;
    }
  }
}

/** The new key, its secret, and the save offer. */
export function NewKeySecret({
  created,
  save,
  bucketNames,
  width,
  savesInMemory = false,
}: NewKeySecretProps): ReactNode {
  const theme = useTheme();
  // Label column and a value column that wraps, so nothing about the new key is cut off.
  const row = (label: string, value: string): ReactNode => (
    <Box>
      <Box width={19} flexShrink={0}>
        <Text>
          {'  '}
          {label}
        </Text>
      </Box>
      <Box flexGrow={1}>
        <Text wrap="wrap">{value}</Text>
      </Box>
    </Box>
  );
  return (
    <Box flexDirection="column">
      <Text color={theme.status.success}>✓ Created key {sanitizeForTerminal(created.keyName)}</Text>
      {row('Key ID', sanitizeForTerminal(created.applicationKeyId))}
      <Text wrap="truncate-end">
        {'  '}
        {'Application key'.padEnd(17)}
        <Text color={theme.status.warning} bold>
          {sanitizeForTerminal(created.applicationKey)}
        </Text>
      </Text>
      {row('Scope', sanitizeForTerminal(describeKeyScope(created, bucketNames)))}
      {row('Capabilities', created.capabilities.join(', '))}
      {row('Expires', created.expiresAt === null ? 'never' : formatUtcMinute(created.expiresAt))}
      <Text> </Text>
      <Text color={theme.status.warning} wrap="wrap">
        B2 shows the application key only this once. Save it as a profile now, or copy it somewhere safe.
      </Text>
      <SaveLine save={save} width={width} inMemory={savesInMemory} />
    </Box>
  );
}
