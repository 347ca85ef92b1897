/**
 * The oracle's matrix as text, printed when a case fails: per key, one line per place, one cell per
 * action — the rule's verdict, then the truth, then b2c (✓ allowed / done, ✗ forbidden / refused,
 * ! anything else); cells with a problem are marked `»`, and every problem is listed after.
 */
import type { CaseRow } from './oracle-run.js';

const ABBREV: Record<string, string> = {
  'browse-bucket': 'open',
  'list-buckets': 'lsB',
  list: 'ls',
  download: 'down',
  view: 'view',
  edit: 'edit',
  upload: 'up',
  copy: 'cp',
  move: 'mv',
  rename: 'ren',
  mkdir: 'mkd',
  hide: 'hide',
  unhide: 'unh',
  delete: 'del',
  'delete-all-versions': 'delA',
  'share-link': 'shr',
  'show-versions': 'ver',
  info: 'info',
  'look-up': 'look',
  'list-keys': 'lsK',
  'create-key': 'mkK',
  'delete-key': 'rmK',
  'create-bucket': 'mkB',
  'delete-bucket': 'rmB',
};

function cell(r: CaseRow): string {
  const truth = r.truth.kind === 'allowed' ? '✓' : r.truth.kind === 'forbidden' ? '✗' : '!';
  const b2c = r.b2c === 'done' ? '✓' : r.b2c === 'refused' ? '✗' : '!';
  return `${r.problem === null ? ' ' : '»'}${r.rule ? '✓' : '✗'}${truth}${b2c}`;
}

/** The whole matrix plus the list of problems. */
export function matrixText(rows: readonly CaseRow[]): string {
  const actions = [...new Set(rows.map((r) => r.action))];
  const places = [...new Set(rows.map((r) => r.place))];
  const width = Math.max(...places.map((p) => p.length));
  const out: string[] = ['cells: rule · bare operation · b2c (✓ yes, ✗ no, ! other); » = problem', ''];
  for (const key of new Set(rows.map((r) => r.key))) {
    out.push(`${key}`);
    out.push(`${''.padEnd(width)} ${actions.map((a) => (ABBREV[a] ?? a).padStart(4)).join(' ')}`);
    for (const place of places) {
      const cells = actions
        .map((a) => rows.find((r) => r.key === key && r.place === place && r.action === a))
        .map((r) => (r === undefined ? '   ?' : cell(r)));
      out.push(`${place.padEnd(width)} ${cells.join(' ')}`);
    }
    out.push('');
  }
  for (const r of rows.filter((x) => x.problem !== null)) {
    const truth =
      r.truth.kind === 'allowed'
        ? 'allowed'
        : r.truth.kind === 'forbidden'
          ? `forbidden (${r.truth.how})`
          : `error (${r.truth.message})`;
    out.push(`» ${r.key} · ${r.place} · ${r.action}: ${r.problem ?? ''}`);
    out.push(`    rule: ${r.rule ? 'allowed' : `forbidden — ${r.reason ?? ''}`}; bare: ${truth}; b2c: ${r.b2c}`);
  }
  return out.join('\n');
}
