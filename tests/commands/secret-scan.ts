/** Scans every CLI run of a test file for secrets: the keys the server knows and the ones `keys create` made. */
import { expect } from 'vitest';
import type { CliRun } from '../support/cli.js';

/** The secret of each successful `keys create` run: its JSON `applicationKey` or its "Application key" line. */
export function createdKeySecrets(runs: readonly CliRun[]): Map<CliRun, string> {
  const created = new Map<CliRun, string>();
  for (const run of runs) {
    if (run.args[1] !== 'create' || run.code !== 0) continue;
    const secret = run.args.includes('--json')
      ? (JSON.parse(run.stdout) as { applicationKey: string }).applicationKey
      : /Application key {2}(\S+)/.exec(run.stdout)?.[1];
    if (secret !== undefined && !secret.startsWith('(')) created.set(run, secret);
  }
  return created;
}

/**
 * Expects no run's stderr to hold any of `known` or the `created` secrets, and no stdout either,
 * except a created key exactly once in the stdout of the run that created it.
 */
export function expectSecretsOnlyAtCreation(
  runs: readonly CliRun[],
  known: readonly string[],
  created: ReadonlyMap<CliRun, string>,
): void {
  const secrets = [...known, ...created.values()];
  for (const run of runs) {
    const own = created.get(run);
    for (const secret of secrets) {
      const allowed = secret === own ? 1 : 0;
      const where = `b2c ${run.args.join(' ')}`;
      expect(run.stdout.split(secret).length - 1, `${where}: stdout`).toBe(allowed);
      expect(run.stderr.includes(secret), `${where}: stderr`).toBe(false);
    }
  }
}
