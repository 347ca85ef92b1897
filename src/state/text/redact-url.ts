/**
 * Passwords in URLs, kept off every screen and out of every output: an endpoint may carry one
 * (`http://user:PASS@host`). Pure; the config layer (src/config/redact.ts) and the UI use it.
 */

/** `scheme://user:password@` in a URL; the user-info part is group 2. */
const USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]+)@/gi;

/**
 * `text` with the user-info of every URL in it replaced by `***`
 * (`http://user:PASS@host/x` → `http://***@host/x`): an endpoint may carry a password, and
 * neither an error, a status line, JSON output nor a log may show it. Pure; returns `text`
 * itself when it holds no such URL.
 */
export function redactUrlUserInfo(text: string): string {
  return text.includes('@') ? text.replace(USER_INFO, '$1***@') : text;
}
