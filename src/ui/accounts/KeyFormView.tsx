/**
 * The create-key form, render-only: name, buckets (tick several, none = all), name prefix, the
 * capability checklist with presets (capabilities a bucket-limited key cannot hold are greyed),
 * lifetime, and the problems found on submit. Lists show a window around their cursor so the
 * form fits 80×24, with a marker under a list that has more rows than it shows.
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { describeCapability, KEY_PRESETS } from '../../state/permissions/capabilities.js';
import { capabilityAllowed } from '../../state/accounts/key-form-reducer.js';
import { CHECKLIST, type KeyFormSection, type KeyFormState } from '../../state/accounts/key-form-state.js';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import { useTheme } from '../theme-context.js';
import { CheckRow, ScrollMarker, windowOf } from './Checkbox.js';
import { TextField } from './TextField.js';

export interface KeyFormViewProps {
  form: KeyFormState;
  /** Columns available. */
  width: number;
  /** True while B2 is creating the key (the form is frozen). */
  busy: boolean;
}

const LABEL_WIDTH = 12;
const BUCKET_ROWS = 4;
const CHECKLIST_ROWS = 8;

function Heading({ focus, label, value }: { focus: boolean; label: string; value: string }): ReactNode {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      <Text color={focus ? theme.pane.activeBorder : undefined} bold={focus}>
        {focus ? '›' : ' '} {label.padEnd(LABEL_WIDTH)}{' '}
      </Text>
      <Text color={theme.muted}>{value}</Text>
    </Text>
  );
}

function Buckets({ form, focus }: { form: KeyFormState; focus: boolean }): ReactNode {
  const n = form.chosenBuckets.length;
  const summary = n === 0 ? 'all buckets (tick buckets to limit the key)' : `${n} ${n === 1 ? 'bucket' : 'buckets'}`;
  const w = windowOf(form.buckets.length, form.bucketCursor, BUCKET_ROWS);
  return (
    <Box flexDirection="column">
      <Heading
        focus={focus}
        label="Buckets"
        value={form.buckets.length === 0 ? 'all buckets (this key cannot list buckets to choose from)' : summary}
      />
      {form.buckets.slice(w.start, w.end).map((b, i) => (
        <CheckRow
          key={b.id}
          cursor={focus && w.start + i === form.bucketCursor}
          mark={form.chosenBuckets.includes(b.id) ? '[x]' : '[ ]'}
          text={sanitizeForTerminal(b.name)}
        />
      ))}
      <ScrollMarker count={form.buckets.length} window={w} />
    </Box>
  );
}

function Checklist({ form, focus }: { form: KeyFormState; focus: boolean }): ReactNode {
  const w = windowOf(CHECKLIST.length, form.checklistCursor, CHECKLIST_ROWS);
  return (
    <Box flexDirection="column">
      <Heading
        focus={focus}
        label="Capabilities"
        value={`${form.capabilities.length} chosen · Space ticks · a preset replaces the set`}
      />
      {CHECKLIST.slice(w.start, w.end).map((row, i) => {
        const cursor = focus && w.start + i === form.checklistCursor;
        if (row.kind === 'preset') {
          const p = KEY_PRESETS.find((x) => x.id === row.id);
          const current =
            p !== undefined &&
            p.capabilities.length === form.capabilities.length &&
            p.capabilities.every((c) => form.capabilities.includes(c));
          return (
            <CheckRow
              key={`p-${row.id}`}
              cursor={cursor}
              mark={current ? '(•)' : '( )'}
              text={`Preset ${p?.label ?? row.id}: ${p?.description ?? ''}`}
            />
          );
        }
        const info = describeCapability(row.name);
        const allowed = capabilityAllowed(form, row.name);
        const text = `${row.name.padEnd(26)}${allowed ? info.meaning : 'only for keys on all buckets'}`;
        return (
          <CheckRow
            key={row.name}
            cursor={cursor}
            mark={form.capabilities.includes(row.name) ? '[x]' : '[ ]'}
            text={text}
            disabled={!allowed}
          />
        );
      })}
      <ScrollMarker count={CHECKLIST.length} window={w} />
    </Box>
  );
}

/** The form, frozen while `busy`. */
export function KeyFormView({ form, width, busy }: KeyFormViewProps): ReactNode {
  const theme = useTheme();
  const at = (s: KeyFormSection): boolean => !busy && form.section === s;
  const fieldWidth = Math.max(10, width - LABEL_WIDTH - 3);
  const errorOf = (s: KeyFormSection): string | undefined => form.problems.find((p) => p.field === s)?.message;
  return (
    <Box flexDirection="column">
      <TextField
        label="Name"
        labelWidth={LABEL_WIDTH}
        width={fieldWidth}
        value={form.text.name.text}
        cursor={form.text.name.cursor}
        focus={at('name')}
        placeholder="letters, digits and -"
        error={errorOf('name')}
      />
      <Buckets form={form} focus={at('buckets')} />
      <TextField
        label="Name prefix"
        labelWidth={LABEL_WIDTH}
        width={fieldWidth}
        value={form.text.prefix.text}
        cursor={form.text.prefix.cursor}
        focus={at('prefix')}
        placeholder="empty: every file name (a prefix needs a bucket)"
        error={errorOf('prefix')}
      />
      <Checklist form={form} focus={at('capabilities')} />
      <TextField
        label="Lifetime"
        labelWidth={LABEL_WIDTH}
        width={fieldWidth}
        value={form.text.lifetime.text}
        cursor={form.text.lifetime.cursor}
        focus={at('lifetime')}
        placeholder="empty: never expires · or 90s, 30m, 12h, 7d, 2w"
        error={errorOf('lifetime')}
      />
      {form.problems
        .filter((p) => p.field === 'capabilities' || p.field === 'buckets')
        .map((p) => (
          <Text key={p.message} color={theme.status.error} wrap="truncate-end">
            ✗ {p.message}
          </Text>
        ))}
    </Box>
  );
}
