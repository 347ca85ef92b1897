/**
 * Which command lines open the file manager: the CLI's dispatch (main.ts) and the start-up from
 * V8's code cache (src/start/code-cache.ts) decide it alike.
 */

/** True for `b2c`, `b2c --profile NAME` / `--profile=NAME` and `b2c --demo …` (`argv` is after `b2c`). */
export function opensFileManager(argv: readonly string[]): boolean {
  const first = argv[0];
  return first === undefined || first === '--demo' || first === '--profile' || first.startsWith('--profile=');
}
