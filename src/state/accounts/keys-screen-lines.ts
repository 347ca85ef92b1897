/**
 * The key inspector's facts (./keys-screen-facts.ts) as display lines: the TUI inspector renders
 * them (scrolling a window over them) and `b2c keys inspect` prints them as plain text. Every
 * string from outside (bucket names, prefix, endpoint, profile name) is sanitised here, so neither
 * caller can forget it. Pure.
 */
import { formatDuration } from '../text/format.js';
import type { ActionFact, BucketFact, CapabilityFact, KeyFacts } from './keys-screen-facts.js';
import { sanitizeForTerminal } from '../text/sanitize.js';

/** How a piece of a line is emphasised; the UI maps tones to theme tokens. */
export type LineTone = 'plain' | 'heading' | 'label' | 'ok' | 'denied' | 'warning' | 'muted';

/** A run of text with one tone. */
export interface LineSegment {
  text: string;
  tone: LineTone;
}

/** One display line (may be empty: a blank line). */
export type FactLine = LineSegment[];

const LABEL_WIDTH = 13;

const seg = (text: string, tone: LineTone = 'plain'): LineSegment => ({ text, tone });
const field = (label: string, value: string, tone: LineTone = 'plain'): FactLine => [
  seg(label.padEnd(LABEL_WIDTH), 'label'),
  seg(value, tone),
];

/** "2026-12-05 14:00 UTC" for ms since the epoch. */
export function formatUtcMinute(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "never", "2026-12-05 14:00 UTC (6d 23h left)", "expired 2026-11-27 15:20 UTC (1d 00h ago)". */
export function describeExpiry(facts: Pick<KeyFacts, 'expiresAt' | 'secondsLeft' | 'expired'>): {
  text: string;
  tone: LineTone;
} {
  if (facts.expiresAt === null || facts.secondsLeft === null) return { text: 'never', tone: 'plain' };
  const when = formatUtcMinute(facts.expiresAt);
  if (facts.expired)
    return { text: `expired ${when} (${formatDuration(Math.abs(facts.secondsLeft))} ago)`, tone: 'denied' };
  const left = formatDuration(Math.max(0, facts.secondsLeft));
  return { text: `${when} (${left} left)`, tone: facts.secondsLeft < 86_400 ? 'warning' : 'plain' };
}

function bucketName(b: BucketFact): string {
  return b.deleted ? `(deleted bucket, ID ${sanitizeForTerminal(b.id)})` : sanitizeForTerminal(b.name ?? '');
}

function bucketLines(buckets: BucketFact[] | null): FactLine[] {
  if (buckets === null) return [field('Buckets', 'all buckets')];
  const [first, ...rest] = buckets;
  if (first === undefined) return [field('Buckets', 'none')];
  const head = buckets.length === 1 ? 'one bucket: ' : `${buckets.length} buckets: `;
  return [
    [
      seg('Buckets'.padEnd(LABEL_WIDTH), 'label'),
      seg(head),
      seg(bucketName(first), first.deleted ? 'warning' : 'plain'),
    ],
    ...rest.map((b): FactLine => [
      seg(' '.repeat(LABEL_WIDTH + head.length)),
      seg(bucketName(b), b.deleted ? 'warning' : 'plain'),
    ]),
  ];
}

function profileText(facts: KeyFacts): string {
  switch (facts.source) {
    case 'profile':
      return sanitizeForTerminal(facts.profile ?? '');
    case 'env':
      return 'none: from B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY';
    case 'wizard':
      return facts.profile === null ? 'not saved yet' : `${sanitizeForTerminal(facts.profile)} (not saved yet)`;
    default: {
      const unreachable: never = facts.source;
      return unreachable;
    }
  }
}

/** The facts at the top: who, which account, what scope, until when. */
export function headerLines(facts: KeyFacts): FactLine[] {
  const expiry = describeExpiry(facts);
  return [
    field('Profile', profileText(facts)),
    field('Key ID', sanitizeForTerminal(facts.applicationKeyId)),
    field('Account ID', sanitizeForTerminal(facts.accountId)),
    field('Type', facts.master ? 'master key: full access to the account' : 'restricted application key'),
    field('Endpoint', sanitizeForTerminal(facts.endpoint)),
    ...bucketLines(facts.buckets),
    field('Name prefix', facts.namePrefix === null ? 'none: every file name' : sanitizeForTerminal(facts.namePrefix)),
    field('Expires', expiry.text, expiry.tone),
  ];
}

function actionLine(a: ActionFact, keyWidth: number, labelWidth: number, brief: string): FactLine {
  return [
    seg(' '),
    seg(a.allowed ? '✓' : '✗', a.allowed ? 'ok' : 'denied'),
    seg(` ${(a.key ?? '').padEnd(keyWidth)} `, 'muted'),
    seg(a.label.padEnd(labelWidth)),
    seg(` ${brief}`.trimEnd(), a.allowed ? 'muted' : 'denied'),
  ];
}

/** What the row of an action within {@link KeyLimits.limit} says instead of repeating it. */
export const WITHIN_LIMITS = 'within the limits above';

/** The limits most allowed actions share ("only in bucket photos, only for names starting with a/"), and until when. */
export interface KeyLimits {
  /** Raw (sanitise for display), or null when the allowed actions are not limited by bucket or prefix. */
  limit: string | null;
  /** "2026-12-05 14:00 UTC" for a key that expires and has not yet, else null. */
  until: string | null;
}

/** The limits the inspector states once above the actions (see {@link actionLines}). */
export function keyLimits(facts: KeyFacts): KeyLimits {
  const counts = new Map<string, number>();
  for (const a of facts.actions)
    if (a.allowed && a.limitedTo !== null) counts.set(a.limitedTo, (counts.get(a.limitedTo) ?? 0) + 1);
  let limit: string | null = null;
  for (const [text, n] of counts) if (limit === null || n > (counts.get(limit) ?? 0)) limit = text;
  const until = facts.expiresAt !== null && !facts.expired ? formatUtcMinute(facts.expiresAt) : null;
  return { limit, until };
}

/** The limits as one sentence, or null when there are none (a master key, or nothing allowed). */
function limitsSentence(facts: KeyFacts, limits: KeyLimits): string | null {
  if (!facts.actions.some((a) => a.allowed)) return null;
  const parts = [
    limits.limit === null ? null : sanitizeForTerminal(limits.limit),
    limits.until === null ? null : `only until ${limits.until}`,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : `Every ✓ works ${parts.join(', and ')}.`;
}

/** How the action lines are laid out. */
export interface ActionLineOptions {
  /**
   * State the limits once above the actions, and let the rows within them say so in a few words
   * (the TUI, where a row of 80 columns cannot hold them); otherwise every row names its limits
   * in full (`b2c keys inspect`, one greppable line per action).
   */
  limitsAbove?: boolean;
}

/** "What b2c can do with this key": one line per action (after the limits, with `limitsAbove`). */
export function actionLines(facts: KeyFacts, options: ActionLineOptions = {}): FactLine[] {
  const keyWidth = Math.max(0, ...facts.actions.map((a) => (a.key ?? '').length));
  const labelWidth = Math.max(0, ...facts.actions.map((a) => a.label.length));
  const limits = options.limitsAbove === true ? keyLimits(facts) : null;
  const sentence = limits === null ? null : limitsSentence(facts, limits);
  const brief = (a: ActionFact): string =>
    limits !== null && a.allowed && a.limitedTo !== null && a.limitedTo === limits.limit
      ? WITHIN_LIMITS
      : sanitizeForTerminal(a.brief);
  return [
    [seg('What b2c can do with this key', 'heading')],
    ...(sentence === null ? [] : [[seg(' Limits  ', 'label'), seg(sentence)]]),
    ...facts.actions.map((a) => actionLine(a, keyWidth, labelWidth, brief(a))),
  ];
}

function capabilityLine(c: CapabilityFact, nameWidth: number): FactLine {
  return [
    seg('   '),
    seg(c.held ? '✓' : '✗', c.held ? 'ok' : 'denied'),
    seg(` ${sanitizeForTerminal(c.name).padEnd(nameWidth)}  `, c.held ? 'plain' : 'muted'),
    seg(c.meaning, 'muted'),
  ];
}

/** Every capability, grouped, ✓ held / ✗ not held, with its meaning. */
export function capabilityLines(facts: KeyFacts): FactLine[] {
  const nameWidth = Math.max(0, ...facts.capabilities.map((c) => c.name.length));
  const out: FactLine[] = [[seg('Capabilities', 'heading')]];
  let group: string | null = null;
  for (const c of facts.capabilities) {
    if (c.group !== group) {
      group = c.group;
      out.push([seg(` ${c.groupLabel}`, 'label')]);
    }
    out.push(capabilityLine(c, nameWidth));
  }
  return out;
}

/** The whole inspector: header, actions, capabilities, with blank lines between. */
export function keyFactLines(facts: KeyFacts, options: ActionLineOptions = {}): FactLine[] {
  return [...headerLines(facts), [], ...actionLines(facts, options), [], ...capabilityLines(facts)];
}

/** A line as plain text (no styling). */
export function lineText(line: FactLine): string {
  return line
    .map((s) => s.text)
    .join('')
    .trimEnd();
}
