/**
 * What every `b2c keys …` subcommand shares: its dependencies (environment, streams, clock),
 * option parsing that reports usage errors as CommandFailure, and running a body with one place
 * that prints failures and picks the exit code.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Env } from '../config/index.js';
import type { B2Provider } from '../providers/b2/index.js';
import { checkAction, type PermissionAction } from '../state/permissions/permissions.js';
import type { KeyInfo } from '../state/model/key-info.js';
import { createOutput, type Output, type OutputStreams } from './output.js';
import { CommandFailure, openSession, toCommandFailure, type Session } from './session.js';

/** What a keys subcommand needs from the outside world (tests pass their own). */
export interface KeysDeps {
  env: Env;
  streams: OutputStreams;
  /** ms since the epoch. */
  now(): number;
}

/** The process's environment, streams and clock. */
export function processDeps(): KeysDeps {
  return { env: process.env, streams: process, now: () => Date.now() };
}

/** Options every keys subcommand takes. */
export const COMMON_OPTIONS = {
  profile: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * node:util parseArgs, strict, with errors as usage failures.
 * @throws CommandFailure `usage`
 */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CommandFailure('usage', error instanceof Error ? error.message : String(error), { usage });
  }
}

/** Signs in with `--profile` (or the environment / default profile) and prints the session's warnings. */
export async function signIn(deps: KeysDeps, out: Output, profileName: string | undefined): Promise<Session> {
  const session = await openSession({ profileName, env: deps.env });
  for (const w of session.warnings) out.warn(w);
  return session;
}

/**
 * Refuses an account action the key may not do, before calling B2 (DESIGN.md: nothing forbidden
 * is attempted blindly). @throws CommandFailure `permission-denied` with the rules' reason.
 */
export function requireAllowed(action: PermissionAction, key: KeyInfo, now: number): void {
  const decision = checkAction(action, { kind: 'b2', bucket: null, key: '' }, key, now);
  if (!decision.allowed) throw new CommandFailure('permission-denied', decision.reason ?? 'This key may not do that.');
}

/**
 * Bucket ID → name for the buckets this key can list; empty when it cannot list buckets (callers
 * then show IDs). Never throws for a listing failure: names are a nicety.
 */
export async function bucketNames(provider: B2Provider, key: KeyInfo, now: number): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const b of key.buckets ?? []) if (b.name !== null) names.set(b.id, b.name);
  if (!checkAction('list-buckets', { kind: 'b2', bucket: null, key: '' }, key, now).allowed) return names;
  try {
    for await (const page of provider.list('/')) {
      for (const e of page) if (e.bucketId !== undefined) names.set(e.bucketId, e.name);
    }
  } catch {
    // Keep what the key itself told us.
  }
  return names;
}

/**
 * Runs a subcommand body: `--json` is read from argv up front so that even a usage error is
 * printed as JSON when asked. Returns the exit code.
 */
export async function runSubcommand(command: string, argv: readonly string[], deps: KeysDeps, body: (out: Output) => Promise<number>): Promise<number> {
  const out = createOutput(command, argv.includes('--json'), deps.streams);
  try {
    return await body(out);
  } catch (error) {
    const failure = toCommandFailure(error);
    out.fail(failure.kind, failure.message, failure.exitCode, failure.usage);
    return failure.exitCode;
  }
}

