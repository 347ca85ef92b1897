/**
 * Typed access to request parameters, from a JSON body or (for GET calls) the query string.
 * B2 accepts explicit JSON nulls for optional fields and GET with query parameters
 * (docs/b2-api.md §1.6), so `null` means "absent" and query strings are coerced by type here.
 */
import { badRequest } from './errors.js';

/** Request parameters of one API call. */
export class Params {
  /**
   * @param values decoded JSON body, or query parameters as strings.
   * @param fromQuery true when values came from a query string (strings to coerce).
   */
  constructor(
    private readonly values: Record<string, unknown>,
    private readonly fromQuery: boolean,
  ) {}

  private raw(name: string): unknown {
    const v = this.values[name];
    return v === null ? undefined : v;
  }

  /** True when the field is present and not null. */
  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  /** An optional string. */
  optString(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw badRequest(`${name} must be a string`);
    return v;
  }

  /** A required, non-empty string. Throws 400 bad_request when missing. */
  string(name: string): string {
    const v = this.optString(name);
    if (v === undefined || v === '') throw badRequest(`required field ${name} is missing`);
    return v;
  }

  /** An optional integer (numbers, or digit strings from a query). */
  optInt(name: string): number | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
    throw badRequest(`${name} must be an integer`);
  }

  /** An optional boolean (`true`/`false`, also as query strings). */
  optBool(name: string): boolean | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw badRequest(`${name} must be a boolean`);
  }

  /** An optional array of strings (query form: JSON array or comma-separated). */
  optStringArray(name: string): string[] | undefined {
    let v = this.raw(name);
    if (v === undefined) return undefined;
    if (this.fromQuery && typeof v === 'string') v = v.trim().startsWith('[') ? parseJson(name, v) : v.split(',');
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      throw badRequest(`${name} must be an array of strings`);
    return v as string[];
  }

  /** An optional JSON object (query form: JSON text). */
  optObject(name: string): Record<string, unknown> | undefined {
    let v = this.raw(name);
    if (v === undefined) return undefined;
    if (this.fromQuery && typeof v === 'string') v = parseJson(name, v);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badRequest(`${name} must be an object`);
    return v as Record<string, unknown>;
  }

  /**
   * An optional value of any JSON type, for fields that are objects, arrays or scalars (query
   * form: JSON text when it parses, else the string itself). The caller checks the type.
   */
  optAny(name: string): unknown {
    const v = this.raw(name);
    if (!this.fromQuery || typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }

  /** An optional array of anything (query form: JSON text). */
  optArray(name: string): unknown[] | undefined {
    let v = this.raw(name);
    if (v === undefined) return undefined;
    if (this.fromQuery && typeof v === 'string') v = parseJson(name, v);
    if (!Array.isArray(v)) throw badRequest(`${name} must be an array`);
    return v as unknown[];
  }
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`${name} is not valid JSON`);
  }
}
