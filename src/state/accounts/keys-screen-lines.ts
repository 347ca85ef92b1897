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
const field = (label: string, value: string, tone: LineTone = 'plain'): FactLine => [seg(label.padEnd(LABEL_WIDTH), 'label'), seg(value, tone)];

/** "2026-12-05 14:00 UTC" for ms since the epoch. */
export function formatUtcMinute(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "never", "2026-12-05 14:00 UTC (6d 23h left)", "expired 2026-11-27 15:20 UTC (1d 00h ago)". */
export function describeExpiry(facts: Pick<KeyFacts, 'expiresAt' | 'secondsLeft' | 'expired'>): { text: string; tone: LineTone } {
  if (facts.expiresAt === null || facts.secondsLeft === null) return { text: 'never', tone: 'plain' };
  const when = formatUtcMinute(facts.expiresAt);
  if (facts.expired) return { text: `expired ${when} (${formatDuration(Math.abs(facts.secondsLeft))} ago)`, tone: 'denied' };
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
    [seg('Buckets'.padEnd(LABEL_WIDTH), 'label'), seg(head), seg(bucketName(first), first.deleted ? 'warning' : 'plain')],
    ...rest.map((b): FactLine => [seg(' '.repeat(LABEL_WIDTH + head.length)), seg(bucketName(b), b.deleted ? 'warning' : 'plain')]),
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

function actionLine(a: ActionFact, keyWidth: number, labelWidth: number): FactLine {
  return [
    seg(' '),
    seg(a.allowed ? '✓' : '✗', a.allowed ? 'ok' : 'denied'),
    seg(` ${(a.key ?? '').padEnd(keyWidth)} `, 'muted'),
    seg(a.label.padEnd(labelWidth)),
    seg(` ${sanitizeForTerminal(a.brief)}`.trimEnd(), a.allowed ? 'muted' : 'denied'),
  ];
}

/** "What b2c can do with this key": one line per action. */
export function actionLines(facts: KeyFacts): FactLine[] {
  const keyWidth = Math.max(0, ...facts.actions.map((a) => (a.key ?? '').length));
  const labelWidth = Math.max(0, ...facts.actions.map((a) => a.label.length));
  return [[seg('What b2c can do with this key', 'heading')], ...facts.actions.map((a) => actionLine(a, keyWidth, labelWidth))];
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
export function keyFactLines(facts: KeyFacts): FactLine[] {
  return [...headerLines(facts), [], ...actionLines(facts), [], ...capabilityLines(facts)];
}

/** A line as plain text (no styling). */
export function lineText(line: FactLine): string {
  return line.map((s) => s.text).join('').trimEnd();
}
