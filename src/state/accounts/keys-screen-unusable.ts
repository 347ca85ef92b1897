/**
 * What the key inspector (I) and the keys screen (K) say about a key B2 refuses to sign in with
 * (expired, deleted, mistyped): b2c then knows only what the profile holds (never the secret),
 * the refusal, and — when the place the key came from tells (the demo server does) — its expiry.
 * Pure: `now` is an argument. Lines as ./keys-screen-lines.ts draws them.
 */
import { formatDuration } from '../text/format.js';
import type { KeySource } from './keys-screen-facts.js';
import { REAL_B2_ENDPOINT } from './keys-screen-facts.js';
import { formatUtcMinute, type FactLine, type LineSegment, type LineTone } from './keys-screen-lines.js';
import { sanitizeForTerminal } from '../text/sanitize.js';

/** A key that could not sign in. Strings are raw (sanitised here). */
export interface UnusableKey {
  profile: string | null;
  source: KeySource;
  /** The key ID the profile holds, or null when unknown. */
  applicationKeyId: string | null;
  /** API base URL, or null for the real B2. */
  endpoint: string | null;
  /** Why signing in failed, in the provider's words ("This application key has expired; …"). */
  reason: string;
  /** The key's expiry when known without signing in (ms since the epoch), null for none, undefined when unknown. */
  expiresAt?: number | null;
  /** ms since the epoch. */
  now: number;
}

const LABEL_WIDTH = 13;
const seg = (text: string, tone: LineTone = 'plain'): LineSegment => ({ text, tone });
const field = (label: string, value: string, tone: LineTone = 'plain'): FactLine => [
  seg(label.padEnd(LABEL_WIDTH), 'label'),
  seg(value, tone),
];

function expiryText(k: UnusableKey): { text: string; tone: LineTone } | null {
  if (k.expiresAt === undefined)
    return /expired/i.test(k.reason)
      ? { text: 'expired (B2 says so; the date is not known here)', tone: 'denied' }
      : null;
  if (k.expiresAt === null) return { text: 'never', tone: 'plain' };
  const seconds = Math.floor((k.expiresAt - k.now) / 1000);
  if (seconds < 0)
    return { text: `expired ${formatUtcMinute(k.expiresAt)} (${formatDuration(-seconds)} ago)`, tone: 'denied' };
  return { text: `${formatUtcMinute(k.expiresAt)} (${formatDuration(seconds)} left)`, tone: 'plain' };
}

function profileText(k: UnusableKey): string {
  if (k.source === 'env') return 'none: from B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY';
  return k.profile === null ? 'not saved' : sanitizeForTerminal(k.profile);
}

/** The inspector's lines for a key that cannot sign in. */
export function unusableKeyLines(k: UnusableKey): FactLine[] {
  const expiry = expiryText(k);
  return [
    field('Profile', profileText(k)),
    field('Key ID', k.applicationKeyId === null ? 'unknown' : sanitizeForTerminal(k.applicationKeyId)),
    field('Endpoint', sanitizeForTerminal(k.endpoint ?? REAL_B2_ENDPOINT)),
    field('State', '✗ B2 refuses to sign in with this key', 'denied'),
    field('Why', sanitizeForTerminal(k.reason), 'denied'),
    ...(expiry === null ? [] : [field('Expires', expiry.text, expiry.tone)]),
    [],
    [seg('What b2c can do with this key', 'heading')],
    [seg(' '), seg('✗', 'denied'), seg(' nothing: every action needs a key that signs in.', 'denied')],
    [],
    [seg('Make a new key (K in a pane whose key may write keys, or the B2 web', 'muted')],
    [seg('UI) and add it as a profile with P.', 'muted')],
  ];
}

/** The keys screen's lines for a key that cannot sign in. */
export function keysUnavailableLines(k: UnusableKey): FactLine[] {
  return [
    [seg('✗', 'denied'), seg(' The keys cannot be listed: B2 refuses to sign in with this key.', 'denied')],
    [seg(`  ${sanitizeForTerminal(k.reason)}`, 'denied')],
    [],
    [seg('Listing, creating and deleting keys needs a key that signs in and has', 'muted')],
    [seg('listKeys, writeKeys or deleteKeys. Open such a profile (P, or F9 and its', 'muted')],
    [seg('name) and press K there; I shows what is known of this key.', 'muted')],
  ];
}
