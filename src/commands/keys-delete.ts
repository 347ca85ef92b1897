/**
 * `b2c keys delete KEY_ID [--profile NAME] [--json]`: deletes an application key (needs
 * deleteKeys, checked before calling B2). B2 answers an unknown ID with 400 bad_request, which the
 * provider reports as ConflictError; that becomes exit 1 `not-found` here.
 */
import { ConflictError } from '../providers/errors.js';
import { describeKeyScope } from '../state/accounts/keys-screen-describe.js';
import { bucketNames, requireAllowed } from './keys-account.js';
import { keyRecordJson } from './keys-list.js';
import { COMMON_OPTIONS, CommandFailure, EXIT, signInCommand, usageError, type CliCommand } from './kit/index.js';

export const DELETE_USAGE = `Usage: b2c keys delete KEY_ID [--profile NAME] [--json]

Deletes an application key for good; everything using it stops working at once.
Needs a key with the deleteKeys capability. Find IDs with "b2c keys list".`;

/** `b2c keys delete`. */
export const DELETE_COMMAND: CliCommand<typeof COMMON_OPTIONS> = {
  name: 'keys delete',
  usage: DELETE_USAGE,
  options: COMMON_OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    const [keyId, ...extra] = positionals;
    if (keyId === undefined || keyId === '' || extra.length > 0)
      throw usageError('Give exactly one KEY_ID.', DELETE_USAGE);
    const session = await signInCommand(deps, out, values.profile);
    const now = deps.now();
    requireAllowed('delete-key', session.keyInfo, now);
    let deleted;
    try {
      deleted = await session.provider.keys.deleteKey(keyId);
    } catch (error) {
      if (error instanceof ConflictError) {
        throw new CommandFailure('not-found', `B2 has no application key with ID "${keyId}" (${error.message}).`, {
          cause: error,
        });
      }
      throw error;
    }
    const names = await bucketNames(session.provider, session.keyInfo, now);
    if (out.json) out.printJson({ deleted: keyRecordJson(deleted, names) });
    else
      out.lines([
        `Deleted key "${deleted.keyName}" (${deleted.applicationKeyId}, ${describeKeyScope(deleted, names)}).`,
      ]);
    if (deleted.applicationKeyId === session.keyInfo.applicationKeyId)
      out.warn('That was the key b2c signed in with; it no longer works.');
    return EXIT.ok;
  },
};
