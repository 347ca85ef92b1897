/**
 * Refusing application keys given as command-line arguments: argv is visible to every user of the
 * machine through `ps` and /proc, and lands in shell history. Key IDs are not secret and pass.
 */

/** Option names (lower-cased, without dashes/underscores) that would carry the secret. */
const SECRET_OPTIONS = new Set(['applicationkey', 'appkey', 'key', 'secret', 'secretkey', 'b2applicationkey']);

/**
 * Looks for a secret in `argv` (the arguments after the program, e.g. `process.argv.slice(2)`):
 * `--application-key`, `--applicationKey=…`, `--key`, `--app-key`, `--secret`, … in any case and
 * with `-`/`_` spelled either way, plus a `B2_APPLICATION_KEY=…` assignment passed as an argument.
 * Scanning stops at `--` (what follows is file names). Pure.
 * @returns a refusal message naming the option (never its value) with what to do instead, or
 * `null` when argv carries no secret.
 */
export function refuseSecretInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg === '--') return null;
    const option = secretOption(arg);
    if (option !== null) {
      return (
        `Refusing ${option}: an application key on the command line is visible to other users (ps) and kept in shell history. ` +
        'Set B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY in the environment instead, ' +
        'or run b2c without arguments and add a profile with the wizard.'
      );
    }
  }
  return null;
}

/** The offending option as the user wrote it (without any `=value`), or `null`. */
function secretOption(arg: string): string | null {
  if (/^B2_APPLICATION_KEY=/.test(arg)) return 'B2_APPLICATION_KEY=… as an argument';
  const m = /^--?([A-Za-z][A-Za-z0-9_-]*)(=|$)/.exec(arg);
  if (m === null) return null;
  const name = (m[1] ?? '').toLowerCase().replace(/[-_]/g, '');
  return SECRET_OPTIONS.has(name) ? (arg.split('=')[0] ?? arg) : null;
}
