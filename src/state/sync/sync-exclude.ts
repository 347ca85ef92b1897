/**
 * Exclude patterns of a sync (`--exclude GLOB`, the sync dialog), in the mask syntax of
 * ../pane/mask.ts. A pattern without `/` is matched against each segment of a relative path, so
 * `*.tmp` excludes such files anywhere and `node_modules` a folder of that name with everything
 * in it; a pattern with `/` is matched against the whole relative path and against each folder
 * on the way to it (`build/*`, `logs/2024`), a leading `/` anchoring it at the compared folder.
 */
import { compileMask } from '../pane/mask.js';

/** A predicate over relative paths (`sub/a.txt`): true when some pattern excludes the path. */
export function compileExcludes(patterns: readonly string[]): (rel: string) => boolean {
  const tests = patterns.map((pattern) => {
    const anchored = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
    const match = compileMask(anchored);
    if (!pattern.includes('/')) return (segments: string[]) => segments.some((s) => match(s));
    return (segments: string[]) => {
      for (let i = 1; i <= segments.length; i++) if (match(segments.slice(0, i).join('/'))) return true;
      return false;
    };
  });
  return (rel) => {
    if (tests.length === 0) return false;
    const segments = rel.split('/');
    return tests.some((t) => t(segments));
  };
}
