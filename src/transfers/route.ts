/** Which kind of transfer a file job is, from the two sides' traits. Pure. */
import type { Provider } from '../providers/types.js';
import type { NameRules } from './target-path.js';
import type { TransferKind } from './types.js';

/**
 * local→local `local-copy`, local→B2 `upload`, B2→local `download`; B2→B2 is `server-copy` when
 * both sides are the same provider (same account) and it can copy, else `stream-copy`.
 */
export function transferKind(src: Provider, dst: Provider, sameProvider: boolean): TransferKind {
  const a = src.traits.kind;
  const b = dst.traits.kind;
  if (a === 'local' && b === 'local') return 'local-copy';
  if (a === 'local') return 'upload';
  if (b === 'local') return 'download';
  return sameProvider && typeof src.copy === 'function' ? 'server-copy' : 'stream-copy';
}

/** Naming rules of the side being written to. */
export function nameRulesFor(dst: Provider): NameRules {
  return dst.traits.kind === 'local' ? 'local' : 'b2';
}
