import { z } from 'zod';

/**
 * The settings IT pushes to every desktop (the machine-wide managed file) and the
 * subset a user may set in their own file. ONE schema describes both: the managed
 * file may set every key, the user file only the keys listed in USER_SETTABLE_KEYS,
 * and only those the managed file's `userOverridable` allows (see resolve-settings).
 *
 * Objects are strict on purpose: a typo such as `serverURL` in a file pushed to
 * thousands of desktops must be reported, not silently ignored.
 */

/** Hosts where plain http is tolerated: a developer's own machine, never the network. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https everywhere; http only to loopback (the dev server on 127.0.0.1:4780). */
export function isAllowedServiceUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

const serviceUrlSchema = (what: string) =>
  z.string().refine(isAllowedServiceUrl, {
    message: `${what} must be an https:// URL without credentials (http:// is allowed only for 127.0.0.1 or localhost)`,
  });

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const UPDATE_CHANNELS = ['stable', 'beta', 'off'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/**
 * Keys a user may ever set in their own file (if the managed file allows it).
 * `policy` is not among them: it is the contact center's rules (SLA, attempts,
 * callback hours), which an individual agent must not bend on one desktop.
 */
export const USER_SETTABLE_KEYS = [
  'serverUrl',
  'updateChannel',
  'updateFeedUrl',
  'updateCheckIntervalHours',
  'idleLockMinutes',
  'logLevel',
] as const;
export type UserSettableKey = (typeof USER_SETTABLE_KEYS)[number];

/** The fields both files share; every one optional (an absent key falls back). */
const settingFields = {
  serverUrl: serviceUrlSchema('serverUrl')
    .optional()
    .describe('Sync server base URL, e.g. https://agentdesk.example.gov:8443. https required.'),
  updateChannel: z
    .enum(UPDATE_CHANNELS)
    .optional()
    .describe('Update channel: "stable", "beta", or "off" to never check for updates.'),
  updateFeedUrl: serviceUrlSchema('updateFeedUrl')
    .optional()
    .describe(
      'Generic HTTPS update feed (folder holding latest.yml / beta.yml). Default: the URL built into the installer.',
    ),
  updateCheckIntervalHours: z
    .number()
    .min(1)
    .max(168)
    .optional()
    .describe('Hours between update checks while the app runs (1–168).'),
  idleLockMinutes: z
    .number()
    .int()
    .min(1)
    .max(240)
    .optional()
    .describe('Minutes of inactivity before the app locks. Overrides policy.security.idleLockMinutes.'),
  logLevel: z.enum(LOG_LEVELS).optional().describe('Desktop log level.'),
};

/** Where JSON-schema-aware editors (VS Code) find the schema; allowed, never used. */
const schemaRefField = {
  $schema: z.string().optional().describe('Path or URL of this JSON Schema (for editors).'),
};

/**
 * Partial policy overrides. Shape-checked here only as "an object"; resolve-settings
 * merges it onto DEFAULT_POLICY and validates the result with policySchema, so the
 * rules for each field live in one place (src/shared/domain/policy.ts).
 */
const policyOverridesSchema = z
  .record(z.string(), z.unknown())
  .describe('Partial policy overrides merged onto the default policy (see src/shared/domain/policy.ts).');

export const managedSettingsSchema = z.strictObject({
  ...schemaRefField,
  ...settingFields,
  userOverridable: z
    .array(z.enum(USER_SETTABLE_KEYS))
    .optional()
    .describe('Keys a user may change in their own settings file. Default: none.'),
  policy: policyOverridesSchema.optional(),
});
export type ManagedSettings = z.infer<typeof managedSettingsSchema>;

export const userSettingsSchema = z.strictObject({ ...schemaRefField, ...settingFields });
export type UserSettings = z.infer<typeof userSettingsSchema>;

/** Values used when neither file sets a key. The server URL is the dev server's. */
export const SETTING_DEFAULTS = Object.freeze({
  serverUrl: 'http://127.0.0.1:4780',
  updateChannel: 'stable',
  updateFeedUrl: null,
  updateCheckIntervalHours: 6,
  logLevel: 'info',
} as const satisfies Partial<Record<UserSettableKey, unknown>>);
