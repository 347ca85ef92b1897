/**
 * What `b2c cp SRC... DST` means, before anything is copied.
 *
 * DST semantics follow cp and rclone: DST is a folder to copy INTO when it is a bucket root
 * (`b2://bucket`), ends with `/`, or already exists as a folder (bucket prefix); otherwise it is
 * the new name of the one source. Several sources need a folder DST. A source folder needs `-r`;
 * `cp -r dir DST` copies `dir` itself into an existing folder DST (DST/dir/…) and makes DST the
 * copy when DST does not exist yet.
 *
 * A local DST that a file blocks — DST itself is a file and a folder goes there, or a file sits
 * where a folder on the way to DST should be — is refused once, up front, instead of every file
 * of a `cp -r` failing with the same "a file is in the way".
 */
import { SSE_C_HINT } from './sse-options.js';
import { posix } from 'node:path';
import type { KeyInfo } from '../state/model/key-info.js';
import { ruleLocation } from '../state/location/rule-location.js';
import { checkAction, checkTransfer } from '../state/permissions/permissions.js';
import { childPath, ownName, splitName } from '../providers/paths.js';
import type { Provider } from '../providers/types.js';
import type { ConflictPolicy, CopyRequest, JobKind, TransferItem } from '../transfers/index.js';
import { CommandFailure, refOf } from './kit/index.js';
import { eitherKind, isFolderEntry, knownOf, statOrNull, urlKind } from './location-checks.js';
import type { CliLocation } from './location-url.js';
import type { JobResult } from './progress-results.js';

/** Where the copies go. */
export interface Destination {
  loc: CliLocation;
  /** Copy into `loc.path` under each source's own name. */
  into: boolean;
  /** DST exists and is a file (not a folder): no folder can become it. */
  isFile: boolean;
}

/**
 * The file that blocks every copy into local folder `path`: the nearest thing that exists at or
 * above it, when that is a file. Null when it is a folder (or a link, which is not followed).
 */
async function fileInTheWay(p: Provider, path: string): Promise<string | null> {
  for (let cur = path; ; cur = posix.dirname(cur)) {
    const entry = await statOrNull(p, cur).catch(() => null);
    if (entry !== null) return entry.kind === 'file' ? cur : null;
    if (cur === '/') return null;
  }
}

/** What cp-plan needs from the session. */
export interface PlanContext {
  providerOf(loc: CliLocation): Provider;
  keyInfo: KeyInfo | null;
  now: number;
  /** An SSE-C customer key was given, so SSE-C sources can be read (docs/b2-api.md §9.3). */
  hasCustomerKey?: boolean;
}

/**
 * Decides whether DST is a folder to copy into (see the module comment).
 * @throws CommandFailure when several sources go to something that is not a folder, or a file
 *   blocks a local DST
 */
export async function resolveDestination(dst: CliLocation, sources: number, ctx: PlanContext): Promise<Destination> {
  const dest = await chooseDestination(dst, sources, ctx);
  if (dst.kind === 'local') {
    const blocker = await fileInTheWay(ctx.providerOf(dst), dest.into ? dst.path : posix.dirname(dst.path));
    if (blocker !== null)
      throw new CommandFailure(
        'failed',
        `"${blocker}" is a file, not a folder: nothing can be copied into "${dest.into ? dst.raw : posix.dirname(dst.path)}".`,
      );
  }
  return dest;
}

async function chooseDestination(dst: CliLocation, sources: number, ctx: PlanContext): Promise<Destination> {
  if ((dst.kind === 'b2' && dst.key === '') || dst.trailingSlash) return { loc: dst, into: true, isFile: false };
  let existing = null;
  // Only ask where the key may look names up: B2 would refuse the lookup outside its bucket or
  // prefix (401), and nothing forbidden is sent. A key that may not look cannot tell; DST is then
  // taken as the new name, and the copy's own permission check says why when it may not go there.
  const lookUp =
    dst.kind === 'local' ||
    eitherKind((dir) => checkAction('look-up', ruleLocation(dst.kind, dst.path, { dir }), ctx.keyInfo, ctx.now))
      .allowed;
  if (lookUp) {
    try {
      existing = await statOrNull(ctx.providerOf(dst), dst.path);
    } catch {
      // Refused or unreachable: as above, DST is the new name.
    }
  }
  if (existing && isFolderEntry(existing)) return { loc: dst, into: true, isFile: false };
  if (sources > 1) {
    throw new CommandFailure(
      'failed',
      `"${dst.raw}" is not a folder: with several sources, DST must be a folder (end it with "/" to create one).`,
    );
  }
  return { loc: dst, into: false, isFile: existing !== null && existing.kind === 'file' };
}

function kindOf(src: CliLocation, dst: CliLocation): JobKind {
  if (src.kind === 'local') return dst.kind === 'local' ? 'local-copy' : 'upload';
  return dst.kind === 'local' ? 'download' : 'server-copy';
}

/** A failure decided before the engine ran, as a result row. */
function refusedRow(src: CliLocation, target: string, kind: JobKind, errorKind: string, message: string): JobResult {
  return {
    source: src.raw,
    target,
    kind,
    isDir: false,
    state: 'failed',
    bytes: 0,
    sha1: null,
    verified: null,
    note: null,
    error: { kind: errorKind, message, detail: null },
  };
}

/** The queued copies and the sources refused up front. */
export interface CopyPlan {
  requests: CopyRequest[];
  refused: JobResult[];
}

/**
 * Checks each source (permission rules, then `stat`) and groups the rest into one request per
 * source side (local, B2).
 * @throws provider errors other than "not found" from `stat` (PermissionDeniedError, TransientError…)
 */
export async function planCopies(
  sources: CliLocation[],
  dest: Destination,
  options: { recursive: boolean; conflict: ConflictPolicy },
  ctx: PlanContext,
): Promise<CopyPlan> {
  const items = new Map<'local' | 'b2', TransferItem[]>();
  const refused: JobResult[] = [];
  const dst = dest.loc;
  for (const src of sources) {
    // Exact names: the own name of `b2://b/dir//` is the empty folder name, of `b2://b//x` it is `x`.
    const named = dest.into
      ? { folder: dst.path, name: ownName(src.path, src.path.endsWith('/')) }
      : splitName(dst.path);
    const targetDir = named.folder;
    let targetName = named.name;
    const targetPath = childPath(targetDir, targetName);
    const shownTarget = dst.kind === 'b2' ? `b2://${targetPath.replace(/^\/+/, '')}` : targetPath;
    const kind = kindOf(src, dst);
    const keys = {
      source: src.kind === 'b2' ? ctx.keyInfo : null,
      destination: dst.kind === 'b2' ? ctx.keyInfo : null,
    };
    const decision = eitherKind((dir) =>
      checkTransfer(
        'copy',
        ruleLocation(src.kind, src.path, { dir }),
        ruleLocation(dst.kind, targetPath, { dir }),
        keys,
        ctx.now,
      ),
    );
    if (!decision.allowed) {
      refused.push(refusedRow(src, shownTarget, kind, 'permission-denied', decision.reason ?? 'Not allowed.'));
      continue;
    }
    const entry = await statOrNull(ctx.providerOf(src), src.path, urlKind(src, options.recursive));
    if (entry === null) {
      refused.push(refusedRow(src, shownTarget, kind, 'not-found', `"${src.raw}" does not exist.`));
      continue;
    }
    if (isFolderEntry(entry) && !options.recursive) {
      refused.push(
        refusedRow(src, shownTarget, kind, 'refused', `"${src.raw}" is a folder: use -r to copy it with its contents.`),
      );
      continue;
    }
    if (isFolderEntry(entry) && dest.isFile && dst.kind === 'local') {
      refused.push(
        refusedRow(
          src,
          shownTarget,
          kind,
          'already-exists',
          `"${dst.raw}" is a file: the folder "${src.raw}" cannot be copied onto it.`,
        ),
      );
      continue;
    }
    if (entry.encryption?.mode === 'SSE-C' && ctx.hasCustomerKey !== true) {
      const why = `"${src.raw}" is encrypted with a customer key (SSE-C); ${SSE_C_HINT}.`;
      refused.push(refusedRow(src, shownTarget, kind, 'refused', why));
      continue;
    }
    if (dest.into) targetName = ownName(src.path, isFolderEntry(entry));
    const side = refOf(src);
    const list = items.get(side) ?? [];
    list.push({ source: src.path, targetDir, targetName, known: knownOf(entry) });
    items.set(side, list);
  }
  const requests: CopyRequest[] = [...items].map(([from, list]) => ({
    operation: 'copy',
    from,
    to: refOf(dst),
    items: list,
    conflict: options.conflict,
    recursive: options.recursive,
  }));
  return { requests, refused };
}
