/**
 * node:util parseArgs failures in b2c's own words: which option is unknown, needs a value or
 * takes none, quoted the way b2c quotes everything the user typed. Node's messages are not shown
 * (their wording changes between Node versions, and the one for an unknown option leaves a quote
 * open), so the offending option is found again here by reading the arguments the way parseArgs
 * does: `--name` and `--name=value`, grouped short flags (`-lr`), a string option's value in the
 * same argument or the next, and nothing after `--`.
 */
import type { ParseArgsConfig } from 'node:util';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** What is wrong with one argument, or null. */
type Problem = { kind: 'unknown' | 'needs-value' | 'takes-no-value'; option: string } | null;

function longProblem(arg: string, next: string | undefined, options: OptionSpecs): Problem {
  const eq = arg.indexOf('=');
  const name = arg.slice(2, eq < 0 ? undefined : eq);
  const spec = Object.hasOwn(options, name) ? options[name] : undefined;
  if (spec === undefined) return { kind: 'unknown', option: `--${name}` };
  if (spec.type === 'boolean' && eq >= 0) return { kind: 'takes-no-value', option: `--${name}` };
  if (spec.type === 'string' && eq < 0 && (next === undefined || next.startsWith('-')))
    return { kind: 'needs-value', option: `--${name}` };
  return null;
}

function shortProblem(arg: string, next: string | undefined, options: OptionSpecs): Problem {
  const letters = [...arg.slice(1)];
  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i] ?? '';
    const name = Object.keys(options).find((n) => options[n]?.short === letter);
    if (name === undefined) return { kind: 'unknown', option: `-${letter}` };
    if (options[name]?.type !== 'string') continue;
    // The rest of the group, or the next argument, is its value.
    if (i === letters.length - 1 && (next === undefined || next.startsWith('-')))
      return { kind: 'needs-value', option: `-${letter}` };
    return null;
  }
  return null;
}

/** True when `arg` (an option that parsed fine) takes the next argument as its value. */
function takesNext(arg: string, options: OptionSpecs): boolean {
  if (arg.startsWith('--')) return !arg.includes('=') && options[arg.slice(2)]?.type === 'string';
  const letters = [...arg.slice(1)];
  const firstString = letters.findIndex((l) =>
    Object.values(options).some((o) => o.short === l && o.type === 'string'),
  );
  return firstString === letters.length - 1;
}

/** The first problem in `argv`, or null when this reading finds none. */
function firstProblem(argv: readonly string[], options: OptionSpecs): Problem {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return null;
    if (!arg.startsWith('-') || arg === '-') continue;
    const next = argv[i + 1];
    const problem = arg.startsWith('--') ? longProblem(arg, next, options) : shortProblem(arg, next, options);
    if (problem !== null) return problem;
    if (takesNext(arg, options)) i++;
  }
  return null;
}

/**
 * The sentence for a parseArgs failure on `argv`. `names`: the command takes positional names,
 * so an unknown option says how to pass a name that starts with `-`.
 */
export function parseArgsFailure(
  error: unknown,
  argv: readonly string[],
  options: OptionSpecs,
  names: boolean,
): string {
  const problem = firstProblem(argv, options);
  if (problem === null) {
    // parseArgs refused something this reading accepts: say so plainly, never in its words.
    const positional =
      error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL';
    return positional ? 'This command takes no names, only options.' : 'The options could not be read.';
  }
  switch (problem.kind) {
    case 'unknown':
      return `Unknown option "${problem.option}"${names ? ' (a name that starts with "-" goes after "--")' : ''}.`;
    case 'needs-value':
      return `"${problem.option}" needs a value.`;
    case 'takes-no-value':
      return `"${problem.option}" takes no value.`;
    default: {
      const never: never = problem.kind;
      return never;
    }
  }
}
