/** Names F4 makes: the temp copy's (safe on any disk) and the "keep both" upload's. */

/** A file name for the temp copy: the B2 name's last part with `/` and control characters made `_` (the extension stays, for the editor's syntax colours). */
export function localTempName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced.
  const safe = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').replace(/^\.+$/, '_');
  return safe === '' ? 'file' : safe.slice(0, 200);
}

/** `report.txt` → `report.edited-20261203-170512.txt` (UTC), for keeping both versions. */
export function keepBothName(name: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.edited-${stamp}${name.slice(dot)}` : `${name}.edited-${stamp}`;
}
