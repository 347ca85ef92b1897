/**
 * The JSON schema conf validates the file against on every read and write (Ajv, draft 2020-12).
 * `validate.ts` checks the same rules in plain code for the open path; keep them in step
 * (tests/config/schema-agreement.test.ts feeds both the same files).
 */
import type { Schema } from 'conf';
import {
  BOOKMARK_PATH_PATTERN,
  CREDENTIAL_PATTERN,
  ENDPOINT_PATTERN,
  KEYMAP_TEXT_PATTERN,
  PROFILE_NAME_PATTERN,
} from './patterns.js';
import type { Bookmark, Profile, Settings } from './types.js';
import { SETTINGS_LIMITS, THEMES } from './types.js';

/** The file as conf sees it: both parts optional (defaults fill the gaps), plus conf's own marker. */
export type ConfFileShape = {
  profiles?: Profile[];
  settings?: Partial<Settings>;
  bookmarks?: Bookmark[];
  __internal__?: Record<string, unknown>;
};

const profileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'applicationKeyId', 'applicationKey'],
  properties: {
    name: { type: 'string', pattern: PROFILE_NAME_PATTERN },
    applicationKeyId: { type: 'string', pattern: CREDENTIAL_PATTERN },
    applicationKey: { type: 'string', pattern: CREDENTIAL_PATTERN },
    endpoint: { type: 'string', pattern: ENDPOINT_PATTERN },
  },
} as const;

const intRange = (r: { min: number; max: number }) => ({ type: 'integer', minimum: r.min, maximum: r.max }) as const;

const settingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    defaultProfile: { anyOf: [{ type: 'null' }, { type: 'string', pattern: PROFILE_NAME_PATTERN }] },
    concurrency: intRange(SETTINGS_LIMITS.concurrency),
    partConcurrency: intRange(SETTINGS_LIMITS.partConcurrency),
    partSize: intRange(SETTINGS_LIMITS.partSize),
    keymapOverrides: {
      type: 'object',
      propertyNames: { type: 'string', pattern: KEYMAP_TEXT_PATTERN },
      additionalProperties: { type: 'array', items: { type: 'string', pattern: KEYMAP_TEXT_PATTERN } },
    },
    theme: { type: 'string', enum: [...THEMES] },
    confirmDelete: { type: 'boolean' },
  },
} as const;

const bookmarkSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'place'],
  properties: {
    name: { type: 'string', pattern: PROFILE_NAME_PATTERN },
    place: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'path'],
          properties: { kind: { const: 'local' }, path: { type: 'string', pattern: BOOKMARK_PATH_PATTERN } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'profile', 'bucket', 'prefix'],
          properties: {
            kind: { const: 'b2' },
            profile: { type: 'string', pattern: PROFILE_NAME_PATTERN },
            bucket: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 1 }] },
            prefix: { type: 'string' },
          },
        },
      ],
    },
  },
} as const;

/** conf's `schema` option: one JSON schema per top-level key. */
export const CONFIG_SCHEMA: Schema<ConfFileShape> = {
  profiles: { type: 'array', items: profileSchema },
  settings: settingsSchema,
  bookmarks: { type: 'array', items: bookmarkSchema },
  // conf keeps its migration marker here (`__internal__.migrations.version`).
  __internal__: { type: 'object' },
};

/** conf's `rootSchema`: unknown top-level keys (typos like "setings") are errors, not ignored. */
export const CONFIG_ROOT_SCHEMA = { additionalProperties: false } as const;

/**
 * Ajv options. `strict` turns schema mistakes into exceptions instead of console warnings (this
 * module never logs); `useDefaults: false` because defaults are filled in code, not into the file.
 */
export const AJV_OPTIONS = { strict: true, allErrors: true, useDefaults: false } as const;
