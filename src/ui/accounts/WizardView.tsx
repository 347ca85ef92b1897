/**
 * The account wizard, render-only: the four fields (the key masked), the failure of the last
 * verification in plain words, a spinner while verifying, then the key inspector and the save
 * question. State and transitions come from state/accounts/wizard-*.ts; every key (typed text included)
 * from the core's wizard store, fed by the one keyboard path.
 */
import { redactUrlUserInfo } from '../../state/text/redact-url.js';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { keyFacts } from '../../state/accounts/keys-screen-facts.js';
import { keyFactLines } from '../../state/accounts/keys-screen-lines.js';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import { profileNameToSave } from '../../state/accounts/wizard-reducer.js';
import { suggestProfileName } from '../../state/accounts/wizard-validate.js';
import { verifiedKey, WIZARD_FIELDS, type WizardField, type WizardState } from '../../state/accounts/wizard-state.js';
import { wizardKeyHints } from '../../state/accounts/wizard-keys.js';
import { hintKeys } from '../../state/keyboard/key-hints.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { KeyInspector } from './KeyInspector.js';
import { Spinner } from './Spinner.js';
import { TextField } from './TextField.js';

export interface WizardViewProps {
  state: WizardState;
  /** The inspector's scroll limit (dispatch `{type: 'scrollLimit', max}`). */
  onScrollLimit: (max: number) => void;
  /** False while something else (a dialog over the wizard) has the keyboard: no cursor is drawn. */
  active: boolean;
  /** Rows and columns available. */
  height: number;
  width: number;
  /** ms since the epoch, for the inspector's expiry. */
  now: number;
}

const LABELS: Record<WizardField, string> = {
  keyId: 'Application key ID',
  key: 'Application key',
  endpoint: 'Endpoint',
  name: 'Profile name',
};
const LABEL_WIDTH = 18;

function placeholder(field: WizardField, state: WizardState): string {
  switch (field) {
    case 'keyId':
      return 'e.g. 0051a2b3c4d5e6f0000000001';
    case 'key':
      return 'the secret; shown as •';
    case 'endpoint':
      return 'empty: Backblaze B2 itself (https://api.backblazeb2.com)';
    case 'name':
      return `empty: ${suggestProfileName(state.existingNames)}`;
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

function Form({ state, active, width }: Pick<WizardViewProps, 'state' | 'active' | 'width'>): ReactNode {
  const editing = state.stage.kind === 'editing';
  return (
    <Box flexDirection="column">
      {WIZARD_FIELDS.map((field) => (
        <TextField
          key={field}
          label={LABELS[field]}
          labelWidth={LABEL_WIDTH}
          value={state.values[field]}
          cursor={state.cursor}
          focus={editing && active && state.focus === field}
          width={Math.max(10, width - LABEL_WIDTH - 3)}
          mask={field === 'key' ? '•' : undefined}
          placeholder={placeholder(field, state)}
          error={state.errors[field]}
        />
      ))}
    </Box>
  );
}

function Status({ state }: { state: WizardState }): ReactNode {
  const theme = useTheme();
  const enter = hintKeys(useKeymap(), 'wizard', 'confirm') ?? 'Enter';
  const stage = state.stage;
  if (stage.kind === 'verifying') return <Spinner label="Checking the key with B2…" />;
  if (stage.kind === 'saving') return <Spinner label="Saving the profile…" />;
  if (stage.kind === 'saved')
    return <Text color={theme.status.success}>Saved profile {sanitizeForTerminal(stage.name)}.</Text>;
  if (state.failure === null) return null;
  const fix =
    state.failure.kind === 'rejected'
      ? `Fix the key or key ID and press ${enter}.`
      : state.failure.kind === 'unreachable'
        ? `Check the endpoint and press ${enter}.`
        : '';
  return (
    <Text color={theme.status.error}>
      ✗ {sanitizeForTerminal(state.failure.message)} {fix}
    </Text>
  );
}

function Review({ state, onScrollLimit, height, width, now }: Omit<WizardViewProps, 'active'>): ReactNode {
  const theme = useTheme();
  const keyInfo = verifiedKey(state);
  if (keyInfo === null) return null;
  const name = profileNameToSave(state);
  const facts = keyFacts({
    keyInfo,
    profileName: name,
    source: 'wizard',
    endpoint: state.values.endpoint === '' ? null : redactUrlUserInfo(state.values.endpoint),
    now,
  });
  const question =
    state.stage.kind === 'confirm-replace'
      ? `A profile named ${sanitizeForTerminal(name)} already exists. Replace it? (y/n)`
      : `Save as profile ${sanitizeForTerminal(name)}?`;
  return (
    <Box flexDirection="column" height={height}>
      <Text color={theme.status.success}>✓ B2 accepted the key. This is what it may do:</Text>
      <KeyInspector
        lines={keyFactLines(facts, { limitsAbove: true })}
        scroll={state.scroll}
        height={Math.max(3, height - 3)}
        width={width}
        onScrollLimit={onScrollLimit}
      />
      <Text color={state.stage.kind === 'confirm-replace' ? theme.status.warning : undefined} bold wrap="truncate-end">
        {question}
      </Text>
      {state.failure !== null ? (
        <Text color={theme.status.error} wrap="truncate-end">
          ✗ {sanitizeForTerminal(state.failure.message)}
        </Text>
      ) : null}
    </Box>
  );
}

/** The wizard for `state`, in `height` rows. */
export function WizardView(props: WizardViewProps): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { state, height } = props;
  const reviewing = state.stage.kind === 'review' || state.stage.kind === 'confirm-replace';
  return (
    <Box flexDirection="column" height={height} width={props.width}>
      <Text color={theme.dialog.title} bold>
        Add a Backblaze B2 account
      </Text>
      {reviewing ? (
        <Review
          state={state}
          onScrollLimit={props.onScrollLimit}
          height={height - 2}
          width={props.width}
          now={props.now}
        />
      ) : (
        <Box flexDirection="column">
          <Text color={theme.muted} wrap="truncate-end">
            Enter an application key from the B2 web UI (Application Keys).
          </Text>
          <Text color={theme.muted} wrap="truncate-end">
            b2c checks it with B2 and shows what it may do before saving it.
          </Text>
          <Text> </Text>
          <Form state={state} active={props.active} width={props.width} />
          <Text> </Text>
          <Status state={state} />
        </Box>
      )}
      <Box flexGrow={1} />
      <Text color={theme.muted} wrap="truncate-end">
        {wizardKeyHints(state, keymap)}
      </Text>
    </Box>
  );
}
