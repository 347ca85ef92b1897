/**
 * `b2c keys create NAME (--capabilities a,b | --preset P) [--bucket B]... [--prefix P]
 * [--duration 7d] [--save-as PROFILE] [--profile NAME] [--json]`.
 *
 * This is the ONE place b2c prints a secret on purpose: B2 shows a new key's application key only
 * in the b2_create_key answer, so it is printed once (plain text, or `applicationKey` in JSON).
 * `--save-as` stores it as a profile instead of leaving the user to copy it.
 */
import { profileNameProblem, type ConfigStore } from '../config/index.js';
import { openConfig } from '../config/store.js';
import type { B2Provider, CreatedKey } from '../providers/b2/index.js';
import { KEY_PRESETS } from '../state/permissions/capabilities.js';
import { validateKeyDraft } from '../state/accounts/key-form-validate.js';
import type { SignedIn } from '../session/index.js';
import { describeKeyScope } from '../state/accounts/keys-screen-describe.js';
import { bucketNames, requireAllowed } from './keys-account.js';
import { keyRecordJson } from './keys-list.js';
import {
  COMMON_OPTIONS,
  CommandFailure,
  EXIT,
  signInCommand,
  usageError,
  type CliCommand,
  type Output,
} from './kit/index.js';

export const CREATE_USAGE = `Usage: b2c keys create NAME (--capabilities LIST | --preset PRESET) [options]

Creates an application key and prints its secret ONCE (B2 never shows it again).

  --capabilities a,b,c   capability names, comma-separated (see "b2c keys inspect")
  --preset PRESET        ${KEY_PRESETS.map((p) => p.id).join(', ')}
  --bucket NAME          limit the key to this bucket; repeat for several buckets
  --prefix PREFIX        limit the key to file names starting with PREFIX (needs --bucket)
  --duration TIME        lifetime: 90s, 30m, 12h, 7d, 2w (at most 1000d); default: never expires
  --save-as PROFILE      also save the new key as a b2c profile
  --profile NAME         the profile to create it with (needs writeKeys)
  --json                 print JSON; the secret is the "applicationKey" field`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  capabilities: { type: 'string' },
  preset: { type: 'string' },
  bucket: { type: 'string', multiple: true },
  prefix: { type: 'string' },
  duration: { type: 'string' },
  'save-as': { type: 'string' },
} as const;

function usage(message: string): CommandFailure {
  return usageError(message, CREATE_USAGE);
}

function chosenCapabilities(capabilities: string | undefined, preset: string | undefined): string[] {
  if (capabilities !== undefined && preset !== undefined)
    throw usage('Give either --capabilities or --preset, not both.');
  if (preset !== undefined) {
    const found = KEY_PRESETS.find((p) => p.id === preset);
    if (found === undefined)
      throw usage(`Unknown preset "${preset}"; presets: ${KEY_PRESETS.map((p) => p.id).join(', ')}.`);
    return [...found.capabilities];
  }
  if (capabilities === undefined) throw usage('Say what the key may do: --capabilities a,b or --preset NAME.');
  return capabilities
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** Bucket names → IDs, through the buckets this key can see. @throws CommandFailure `not-found`. */
async function bucketIdsFor(
  provider: B2Provider,
  session: SignedIn,
  wanted: readonly string[],
  now: number,
): Promise<string[]> {
  if (wanted.length === 0) return [];
  const names = await bucketNames(provider, session.keyInfo, now);
  const byName = new Map([...names].map(([id, name]) => [name, id]));
  return wanted.map((name) => {
    const id = byName.get(name);
    if (id === undefined) {
      throw new CommandFailure(
        'not-found',
        `There is no bucket named "${name}" that this key can see. Buckets: ${[...byName.keys()].join(', ') || 'none'}.`,
      );
    }
    return id;
  });
}

function printCreated(
  out: Output,
  created: CreatedKey,
  names: ReadonlyMap<string, string>,
  savedAs: string | null,
): void {
  if (out.json) {
    out.printJson({
      ...keyRecordJson(created, names),
      applicationKey: created.applicationKey,
      savedAsProfile: savedAs,
    });
    return;
  }
  const expires = created.expiresAt === null ? 'never' : new Date(created.expiresAt).toISOString();
  out.lines([
    `Created key "${created.keyName}".`,
    `  Key ID           ${created.applicationKeyId}`,
    // With --save-as the secret is in the profile; printing it too would only expose it.
    `  Application key  ${savedAs === null ? created.applicationKey : `(saved in profile "${savedAs}")`}`,
    `  Scope            ${describeKeyScope(created, names)}`,
    `  Capabilities     ${created.capabilities.join(', ')}`,
    `  Expires          ${expires}`,
    '',
    savedAs !== null
      ? `Saved as profile "${savedAs}".`
      : 'B2 shows the application key only this once: store it now (in B2_APPLICATION_KEY, or as a profile with the b2c wizard).',
  ]);
}

/** `b2c keys create`. */
export const CREATE_COMMAND: CliCommand<typeof OPTIONS> = {
  name: 'keys create',
  usage: CREATE_USAGE,
  options: OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    if (positionals.length !== 1) throw usage('Give the new key exactly one NAME.');
    const capabilities = chosenCapabilities(values.capabilities, values.preset);
    const buckets = values.bucket ?? [];
    // Check everything that needs no network first, with placeholder IDs for the buckets.
    const draft = {
      keyName: positionals[0] ?? '',
      capabilities,
      bucketIds: buckets,
      namePrefix: values.prefix ?? '',
      lifetime: values.duration ?? '',
    };
    const precheck = validateKeyDraft(draft);
    if (!precheck.ok) throw usageError(precheck.problems.map((p) => p.message).join(' '));
    const saveAs = values['save-as'];
    const nameProblem = saveAs === undefined ? null : profileNameProblem(saveAs);
    if (nameProblem !== null) throw usageError(`--save-as: ${nameProblem}`);
    const session = await signInCommand(deps, out, values.profile);
    const now = deps.now();
    requireAllowed('create-key', session.keyInfo, now);
    const config: ConfigStore | null = saveAs === undefined ? null : (session.config ?? openConfig({ env: deps.env }));
    if (saveAs !== undefined && config?.getProfile(saveAs) !== undefined) {
      throw new CommandFailure(
        'config',
        `A profile named "${saveAs}" already exists; choose another --save-as name (the key was not created).`,
      );
    }
    const bucketIds = await bucketIdsFor(session.provider, session, buckets, now);
    const checked = validateKeyDraft({ ...draft, bucketIds });
    if (!checked.ok) throw usageError(checked.problems.map((p) => p.message).join(' '));
    const created = await session.provider.keys.createKey(checked.request);
    const names = await bucketNames(session.provider, session.keyInfo, now);
    let savedAs: string | null = null;
    if (saveAs !== undefined && config !== null) {
      try {
        config.saveProfile({
          name: saveAs,
          applicationKeyId: created.applicationKeyId,
          applicationKey: created.applicationKey,
          endpoint: session.identity.endpoint ?? undefined,
        });
        savedAs = saveAs;
      } catch (error) {
        out.warn(
          `The key was created but not saved as a profile: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    printCreated(out, created, names, savedAs);
    return EXIT.ok;
  },
};
