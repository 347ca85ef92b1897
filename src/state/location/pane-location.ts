/**
 * Where a pane is (ARCHITECTURE.md, "Keypress flow", step 5: the pane, not the provider, knows the
 * current directory). Pure helpers; no I/O.
 *
 * A B2 `prefix` follows the folder-key convention of ./rule-location.ts: `''` is the bucket
 * root, otherwise it ends in `/` (`photos/2024/`), like B2 delimiter listings. It is exact: `dir//`
 * (the folder with an empty name inside `dir/`) and `/` (names starting with `/`) are prefixes too.
 * Local paths are absolute POSIX paths.
 */

/** A local directory. */
export interface LocalPaneLocation {
  kind: 'local';
  path: string;
}

/** A place in B2 seen through one account profile. `bucket: null` is the bucket list. */
export interface B2PaneLocation {
  kind: 'b2';
  profile: string;
  bucket: string | null;
  prefix: string;
}

export type PaneLocation = LocalPaneLocation | B2PaneLocation;

/** A local location. */
export function localPaneLocation(path: string): LocalPaneLocation {
  return { kind: 'local', path };
}

/** A B2 location (`bucket` null = bucket list; the prefix is normalised to folder-key form). */
export function b2PaneLocation(profile: string, bucket: string | null, prefix = ''): B2PaneLocation {
  const p = bucket === null || prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  return { kind: 'b2', profile, bucket, prefix: bucket === null ? '' : p };
}

/** True for two locations that show the same directory. */
export function sameLocation(a: PaneLocation, b: PaneLocation): boolean {
  if (a.kind === 'local') return b.kind === 'local' && a.path === b.path;
  return b.kind === 'b2' && a.profile === b.profile && a.bucket === b.bucket && a.prefix === b.prefix;
}

/** True where there is no parent: `/` locally, the bucket list on B2 (so no `..` row). */
export function isRootLocation(loc: PaneLocation): boolean {
  switch (loc.kind) {
    case 'local':
      return loc.path === '/' || loc.path === '';
    case 'b2':
      return loc.bucket === null;
    default: {
      const never: never = loc;
      return never;
    }
  }
}

/**
 * The parent location and the row key of where we came from (for putting the cursor back on it),
 * or null at a root. A bucket root's parent is the bucket list.
 */
export function parentLocation(loc: PaneLocation): { location: PaneLocation; fromKey: string } | null {
  switch (loc.kind) {
    case 'local': {
      if (isRootLocation(loc)) return null;
      const trimmed = loc.path.endsWith('/') ? loc.path.slice(0, -1) : loc.path;
      const i = trimmed.lastIndexOf('/');
      return { location: localPaneLocation(i <= 0 ? '/' : trimmed.slice(0, i)), fromKey: `${trimmed.slice(i + 1)}/` };
    }
    case 'b2': {
      if (loc.bucket === null) return null;
      if (loc.prefix === '') return { location: b2PaneLocation(loc.profile, null), fromKey: loc.bucket };
      const trimmed = loc.prefix.slice(0, -1);
      const i = trimmed.lastIndexOf('/');
      const parent = i < 0 ? '' : trimmed.slice(0, i + 1);
      return { location: b2PaneLocation(loc.profile, loc.bucket, parent), fromKey: `${trimmed.slice(i + 1)}/` };
    }
    default: {
      const never: never = loc;
      return never;
    }
  }
}

/** The location inside `loc` named `name` (a directory, or a bucket at the bucket list). */
export function childLocation(loc: PaneLocation, name: string): PaneLocation {
  switch (loc.kind) {
    case 'local':
      return localPaneLocation(loc.path.endsWith('/') ? `${loc.path}${name}` : `${loc.path}/${name}`);
    case 'b2':
      return loc.bucket === null
        ? b2PaneLocation(loc.profile, name)
        : b2PaneLocation(loc.profile, loc.bucket, `${loc.prefix}${name}/`);
    default: {
      const never: never = loc;
      return never;
    }
  }
}

/**
 * The provider path of the location (providers/types.ts): the local path, or `/BUCKET/` + the
 * exact prefix with its final `/` (`/b/dir//` is the folder `dir//`, not `dir/`); `/BUCKET` for
 * a bucket root and `/` for the bucket list.
 */
export function providerPath(loc: PaneLocation): string {
  switch (loc.kind) {
    case 'local':
      return loc.path === '' ? '/' : loc.path;
    case 'b2':
      if (loc.bucket === null) return '/';
      return loc.prefix === '' ? `/${loc.bucket}` : `/${loc.bucket}/${loc.prefix}`;
    default: {
      const never: never = loc;
      return never;
    }
  }
}

/** A header title: `/home/me` or `b2://photos/2024/` (raw: sanitise before display). */
export function formatLocation(loc: PaneLocation): string {
  switch (loc.kind) {
    case 'local':
      return loc.path === '' ? '/' : loc.path;
    case 'b2':
      return loc.bucket === null ? 'b2://' : `b2://${loc.bucket}/${loc.prefix}`;
    default: {
      const never: never = loc;
      return never;
    }
  }
}
