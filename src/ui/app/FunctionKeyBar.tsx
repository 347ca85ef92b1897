/**
 * The function-key bar, generated from the keymap (`functionKeyBar`), with every slot whose
 * command the permission rules refuse in the active pane greyed out (dim, and in the theme's
 * disabled colour).
 */
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { CommandId } from '../../state/keyboard/commands.js';
import type { FunctionKeySlot } from '../../state/keyboard/keymap-views.js';
import type { PermissionDecision } from '../../state/permissions/permissions.js';
import { fitToWidth } from '../../state/text/sanitize.js';
import { useTheme } from '../theme-context.js';

export interface FunctionKeyBarProps {
  slots: readonly FunctionKeySlot[];
  /** Decisions for commands with a permission rule; commands without one are enabled. */
  decisions: ReadonlyMap<CommandId, PermissionDecision>;
  width: number;
}

function FunctionKeyBarView({ slots, decisions, width }: FunctionKeyBarProps): ReactNode {
  const theme = useTheme();
  const per = Math.max(3, Math.floor(width / Math.max(1, slots.length)));
  return (
    <Box width={width} height={1} overflow="hidden">
      {slots.map((slot, i) => {
        const num = String(slot.fkey);
        const w = i === slots.length - 1 ? Math.max(per, width - per * (slots.length - 1)) : per;
        const label = fitToWidth(slot.label, Math.max(0, w - num.length));
        const disabled = slot.command !== null && decisions.get(slot.command)?.allowed === false;
        if (disabled || slot.command === null) {
          return (
            <Text key={slot.fkey} dimColor color={theme.bar.disabled}>
              {num}
              {label}
            </Text>
          );
        }
        return (
          <Text key={slot.fkey}>
            {num}
            <Text color={theme.bar.key} backgroundColor={theme.bar.label} inverse={!theme.colour}>
              {label}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}

export const FunctionKeyBar = memo(FunctionKeyBarView);
