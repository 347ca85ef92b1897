/**
 * Checks event notification rules as b2_set_bucket_notification_rules takes them
 * (docs/b2-api.md §12.2) and turns them into what is stored: B2's error codes for event types
 * (`event_types_empty`, `event_type_invalid`, `event_type_overlap`), 400 `bad_request` for the
 * rest, and no field dropped in silence.
 */
import { B2Error, badRequest } from '../http/errors.js';
import type { NotificationHeader, NotificationRule } from '../store/bucket-settings.js';

/** The event types B2 knows (b2sdk's list); `*` covers its category. */
const EVENT_TYPES = new Set([
  'b2:ObjectCreated:*',
  'b2:ObjectCreated:Upload',
  'b2:ObjectCreated:MultipartUpload',
  'b2:ObjectCreated:Copy',
  'b2:ObjectCreated:Replica',
  'b2:ObjectCreated:MultipartReplica',
  'b2:ObjectDeleted:*',
  'b2:ObjectDeleted:Delete',
  'b2:ObjectDeleted:LifecycleRule',
  'b2:HideMarkerCreated:*',
  'b2:HideMarkerCreated:Hide',
  'b2:HideMarkerCreated:LifecycleRule',
]);
const MAX_RULES = 25;
const MAX_HEADERS = 10;
const MAX_EVENTS_PER_BATCH = 50;
const RULE_NAME = /^[A-Za-z0-9_-]{1,63}$/;
const SECRET = /^[A-Za-z0-9]{32}$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
const RULE_FIELDS = new Set([
  'eventTypes',
  'isEnabled',
  'name',
  'objectNamePrefix',
  'targetConfiguration',
  'maxEventsPerBatch',
  'isSuspended',
  'suspensionReason',
]);
const TARGET_FIELDS = new Set(['targetType', 'url', 'customHeaders', 'hmacSha256SigningSecret']);

function object(value: unknown, what: string, fields: Set<string>): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(`${what} must be an object`);
  for (const f of Object.keys(value)) if (!fields.has(f)) throw badRequest(`${what}.${f} is not a field of ${what}`);
  return value as Record<string, unknown>;
}

/** The category of an event type: `b2:ObjectCreated` of `b2:ObjectCreated:Upload`. */
const category = (type: string): string => type.slice(0, type.lastIndexOf(':'));

/** True when two event types name a common event (equal, or a wildcard and its category). */
function typesOverlap(a: string, b: string): boolean {
  return a === b || (category(a) === category(b) && (a.endsWith(':*') || b.endsWith(':*')));
}

function eventTypes(value: unknown, at: string): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new B2Error(400, 'event_types_empty', `${at}.eventTypes must name at least one event type`);
  const types = value.map((t) => {
    if (typeof t !== 'string' || !EVENT_TYPES.has(t))
      throw new B2Error(400, 'event_type_invalid', `${at}.eventTypes: unknown event type ${JSON.stringify(t)}`);
    return t;
  });
  types.forEach((a, i) => {
    const b = types.slice(i + 1).find((x) => typesOverlap(a, x));
    if (b !== undefined) throw new B2Error(400, 'event_type_overlap', `${at}.eventTypes: ${a} and ${b} overlap`);
  });
  return types;
}

function customHeaders(value: unknown, at: string): NotificationHeader[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length > MAX_HEADERS)
    throw badRequest(`${at} must be a list of at most ${MAX_HEADERS} headers`);
  const seen = new Set<string>();
  return value.map((raw, i) => {
    const h = object(raw, `${at}[${i}]`, new Set(['name', 'value']));
    if (typeof h.name !== 'string' || !HEADER_NAME.test(h.name) || h.name.toLowerCase().startsWith('x-bz-'))
      throw badRequest(`${at}[${i}].name must be an HTTP header name not starting with X-Bz-`);
    if (typeof h.value !== 'string' || CONTROL.test(h.value))
      throw badRequest(`${at}[${i}].value must be a header value without control characters`);
    if (seen.has(h.name.toLowerCase())) throw badRequest(`${at}: header ${h.name} appears twice`);
    seen.add(h.name.toLowerCase());
    return { name: h.name, value: h.value };
  });
}

function target(value: unknown, at: string): NotificationRule['targetConfiguration'] {
  const t = object(value, at, TARGET_FIELDS);
  if (t.targetType !== 'webhook') throw badRequest(`${at}.targetType must be webhook`);
  let url: URL | undefined;
  try {
    url = typeof t.url === 'string' ? new URL(t.url) : undefined;
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') throw badRequest(`${at}.url must be an https URL`);
  const secret = t.hmacSha256SigningSecret ?? null;
  if (secret !== null && (typeof secret !== 'string' || !SECRET.test(secret)))
    throw badRequest(`${at}.hmacSha256SigningSecret must be 32 letters and digits`);
  return {
    targetType: 'webhook',
    url: t.url as string,
    customHeaders: customHeaders(t.customHeaders, `${at}.customHeaders`),
    hmacSha256SigningSecret: secret,
  };
}

function rule(raw: unknown, at: string): NotificationRule {
  const r = object(raw, at, RULE_FIELDS);
  if (typeof r.name !== 'string' || !RULE_NAME.test(r.name))
    throw badRequest(`${at}.name must be 1 to 63 letters, digits, - or _`);
  if (typeof r.isEnabled !== 'boolean') throw badRequest(`${at}.isEnabled must be true or false`);
  const prefix = r.objectNamePrefix ?? '';
  if (typeof prefix !== 'string') throw badRequest(`${at}.objectNamePrefix must be a string`);
  const batch = r.maxEventsPerBatch;
  if (
    batch !== undefined &&
    batch !== null &&
    (typeof batch !== 'number' || !Number.isInteger(batch) || batch < 1 || batch > MAX_EVENTS_PER_BATCH)
  ) {
    throw badRequest(`${at}.maxEventsPerBatch must be an integer from 1 to ${MAX_EVENTS_PER_BATCH}`);
  }
  // isSuspended and suspensionReason are B2's to set: ignored on input, as b2sdk documents.
  const out: NotificationRule = {
    eventTypes: eventTypes(r.eventTypes, at),
    isEnabled: r.isEnabled,
    name: r.name,
    objectNamePrefix: prefix,
    targetConfiguration: target(r.targetConfiguration, `${at}.targetConfiguration`),
  };
  if (typeof batch === 'number') out.maxEventsPerBatch = batch;
  return out;
}

/**
 * Checks a whole rule set (it replaces the bucket's): at most 25 rules, unique names, and no two
 * rules whose prefixes nest and whose event types overlap. Throws 400.
 */
export function parseNotificationRules(value: unknown): NotificationRule[] {
  if (!Array.isArray(value)) throw badRequest('eventNotificationRules must be a list');
  if (value.length > MAX_RULES) throw badRequest(`A bucket has at most ${MAX_RULES} event notification rules`);
  const rules = value.map((r, i) => rule(r, `eventNotificationRules[${i}]`));
  rules.forEach((a, i) => {
    for (const b of rules.slice(i + 1)) {
      if (a.name === b.name) throw badRequest(`Two event notification rules are named ${a.name}`);
      const nested =
        a.objectNamePrefix.startsWith(b.objectNamePrefix) || b.objectNamePrefix.startsWith(a.objectNamePrefix);
      if (nested && a.eventTypes.some((x) => b.eventTypes.some((y) => typesOverlap(x, y)))) {
        throw new B2Error(
          400,
          'event_type_overlap',
          `Rules ${a.name} and ${b.name} cover the same events for overlapping prefixes`,
        );
      }
    }
  });
  return rules;
}
