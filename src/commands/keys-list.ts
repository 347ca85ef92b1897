/**
 * `b2c keys list [--profile NAME] [--json]`: the account's application keys with their scope.
 * Needs listKeys (checked before calling B2). Never prints a secret: B2 lists none.
 */
import type { KeyRecord } from '../providers/b2/index.js';
import { describeCapabilitySet, describeKeyScope } from '../state/accounts/keys-screen-describe.js';
import { formatUtcMinute } from '../state/accounts/keys-screen-lines.js';
import { bucketNames, requireAllowed } from './keys-account.js';
import {
  COMMON_OPTIONS,
  EXIT,
  formatTable,
  isoOrNull,
  signInCommand,
  usageError,
  type CliCommand,
} from './kit/index.js';

export const LIST_USAGE = `Usage: b2c keys list [--profile NAME] [--json]

Lists the account's application keys: ID, name, buckets, name prefix, expiry and capabilities.
Needs a key with the listKeys capability.`;

/** A listed key as JSON: bucket IDs with their names when known. */
export function keyRecordJson(k: KeyRecord, names: ReadonlyMap<string, string>): Record<string, unknown> {
  return {
    applicationKeyId: k.applicationKeyId,
    keyName: k.keyName,
    capabilities: k.capabilities,
    buckets: k.bucketIds === null ? null : k.bucketIds.map((id) => ({ id, name: names.get(id) ?? null })),
    namePrefix: k.namePrefix,
    expiresAt: isoOrNull(k.expiresAt),
  };
}

function expiryCell(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'never';
  return `${expiresAt < now ? 'expired ' : ''}${formatUtcMinute(expiresAt)}`;
}

/** `b2c keys list`. */
export const LIST_COMMAND: CliCommand<typeof COMMON_OPTIONS> = {
  name: 'keys list',
  usage: LIST_USAGE,
  options: COMMON_OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    if (positionals.length > 0) throw usageError('keys list takes no arguments.', LIST_USAGE);
    const session = await signInCommand(deps, out, values.profile);
    const now = deps.now();
    requireAllowed('list-keys', session.keyInfo, now);
    const keys = await session.provider.keys.listKeys();
    const names = await bucketNames(session.provider, session.keyInfo, now);
    if (out.json) {
      out.printJson({ keys: keys.map((k) => keyRecordJson(k, names)) });
      return EXIT.ok;
    }
    const rows = keys.map((k) => [
      k.applicationKeyId === session.keyInfo.applicationKeyId ? `${k.applicationKeyId} *` : k.applicationKeyId,
      k.keyName,
      describeKeyScope(k, names),
      expiryCell(k.expiresAt, now),
      describeCapabilitySet(k.capabilities),
    ]);
    out.lines(formatTable(['KEY ID', 'NAME', 'SCOPE', 'EXPIRES (UTC)', 'CAPABILITIES'], rows));
    out.lines([
      `${keys.length} ${keys.length === 1 ? 'key' : 'keys'}${keys.some((k) => k.applicationKeyId === session.keyInfo.applicationKeyId) ? '; * is the key b2c signed in with' : ''}.`,
    ]);
    return EXIT.ok;
  },
};
