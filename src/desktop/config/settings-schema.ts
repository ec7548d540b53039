import { splitServerUrls } from '../core/server-addresses';
import { z } from 'zod';
import { dialUriTemplateSchema } from './dial-uri';

/**
 * The settings IT pushes to every desktop (Windows policies, a macOS configuration
 * profile, or /etc/agent-desk/managed-settings.json on Linux: managed-source.ts)
 * and the subset a user may set in their own file. ONE schema describes both: IT
 * may set every key, the user file only the keys listed in USER_SETTABLE_KEYS, and
 * only those IT's `userOverridable` allows (see resolve-settings).
 *
 * Objects are strict on purpose: a typo such as `serverURL` pushed to thousands of
 * desktops must be reported, not silently ignored.
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

/** One service URL, or several separated by spaces or commas (each checked as serviceUrlSchema does). */
const serviceUrlListSchema = (what: string) =>
  z
    .string()
    .refine((text) => splitServerUrls(text).length > 0 && splitServerUrls(text).every(isAllowedServiceUrl), {
      message: `${what} must be one or more https:// URLs (separated by spaces or commas) without credentials (http:// is allowed only for 127.0.0.1 or localhost)`,
    });

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const UPDATE_CHANNELS = ['stable', 'beta', 'off'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/** Keys a user may ever set in their own file (if IT's settings allow it). */
export const USER_SETTABLE_KEYS = [
  'serverUrl',
  'updateChannel',
  'updateFeedUrl',
  'updateCheckIntervalHours',
  'idleLockMinutes',
  'logLevel',
] as const;
export type UserSettableKey = (typeof USER_SETTABLE_KEYS)[number];

/**
 * The fields both files share; every one optional (an absent key falls back). The
 * title and description are what IT reads in the generated templates (ADMX/ADML,
 * the Jamf schema, the JSON Schema): write them for IT.
 */
const settingFields = {
  serverUrl: serviceUrlListSchema('serverUrl').optional().meta({
    title: 'Sync server URL',
    description:
      'Base URL of the Agent Desk sync server, e.g. https://agentdesk.example.gov:8443 — or several server nodes separated by spaces or commas, which the desktop fails over between (no load balancer needed). https is required (http only for 127.0.0.1 or localhost).',
  }),
  updateChannel: z.enum(UPDATE_CHANNELS).optional().meta({
    title: 'Update channel',
    description:
      '"stable" or "beta": where the app may update itself (only installs that can update without an administrator; see docs/deployment.md). "off": never check, IT ships every version.',
  }),
  updateFeedUrl: serviceUrlSchema('updateFeedUrl').optional().meta({
    title: 'Update feed URL',
    description:
      'Your own HTTPS update feed (a folder holding latest.yml / beta.yml and the installers). Default: the feed built into the installer, if any.',
  }),
  updateCheckIntervalHours: z.number().int().min(1).max(168).optional().meta({
    title: 'Update check interval (hours)',
    description: 'Whole hours between update checks while the app runs (1–168).',
  }),
  idleLockMinutes: z.number().int().min(1).max(240).optional().meta({
    title: 'Idle lock (minutes)',
    description:
      "Minutes of inactivity before the desktop locks its screen (1–240). It can only make the lock sooner: the server's policy (security.idleLockMinutes) ends idle sessions itself, so the shorter of the two applies.",
  }),
  logLevel: z.enum(LOG_LEVELS).optional().meta({ title: 'Log level', description: 'Desktop log detail.' }),
};

export const TELEPHONY_PORTS = ['manual', 'uri', 'cti'] as const;
export type TelephonyPort = (typeof TELEPHONY_PORTS)[number];

/** A full path on Windows (C:\…, \\server\share\…) or macOS/Linux (/…). */
const ABSOLUTE_PATH = /^(?:[A-Za-z]:[\\/]|\\\\|\/)/;

/**
 * IT-only: what the desktop trusts is the organization's decision, never a user's
 * (a root added by the user would let anything on the path read the sync traffic);
 * so is how agents dial (docs/telephony.md).
 */
const managedOnlyFields = {
  extraCaBundle: z
    .string()
    .regex(ABSOLUTE_PATH, { message: 'extraCaBundle must be a full path to a PEM file' })
    .optional()
    .meta({
      title: 'Extra trusted certificate authorities (PEM file)',
      description:
        "Full path to a PEM file of certificate authorities Agent Desk trusts for its sync server in addition to the operating system's store and its built-in roots, e.g. the root of a TLS-inspecting proxy: C:\\ProgramData\\Agency\\roots.pem or /Library/Application Support/Agency/roots.pem. Deploy the file with the setting; a missing or unreadable file is logged and the connection then fails with a certificate error.",
    }),
  telephonyPort: z.enum(TELEPHONY_PORTS).optional().meta({
    title: 'Telephony port',
    description:
      '"manual": agents dial on a desk phone and record the outcome. "uri": click-to-dial opens the softphone registered with the operating system through the dial URI template. "cti": the sync server asks the contact center\'s telephony platform to place the call and the call\'s events fill in the attempt (the server must be connected to the platform).',
  }),
  ssoIssuer: z
    .string()
    .max(500)
    .regex(/^https:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/, {
      message: 'ssoIssuer must be the https address of the identity provider',
    })
    .optional()
    .meta({
      title: 'Single sign-on identity provider (issuer)',
      description:
        "The issuer of the agency's identity provider, exactly as the sync server's SSO configuration names it, e.g. https://login.microsoftonline.com/<tenant id>/v2.0. When set, Agent Desk opens the browser for single sign-on only if the server names this issuer, so a misdirected server cannot send agents' sign-ins elsewhere. Unset: the server's issuer is used.",
    }),
  telephonyUriTemplate: dialUriTemplateSchema.optional().meta({
    title: 'Dial URI template',
    description:
      'For the "uri" port: the URI that dials a number, with {number} (E.164, e.g. +12025550143), {digits} (without +) and optionally {ext}. Schemes: tel, sip, sips, callto, ciscotel, zoomphonecall, msteams; e.g. tel:{number} or sip:{digits}@pbx.example.gov. Only URIs made from this template open.',
  }),
};

/** Where JSON-schema-aware editors (VS Code) find the schema; allowed, never used. */
const schemaRefField = {
  $schema: z.string().optional().describe('Path or URL of this JSON Schema (for editors).'),
};

/**
 * No `policy` here: the contact center's rules (SLA, attempts, callback hours,
 * sign-in lockout…) are the sync server's policy, enforced by the server and sent
 * to every desktop with the session. A desktop-side copy could only disagree with
 * the server (docs/deployment.md, "Who owns policy"). resolve-settings answers a
 * managed `policy` key with that sentence.
 */
export const managedSettingsSchema = z.strictObject({
  ...schemaRefField,
  ...settingFields,
  ...managedOnlyFields,
  userOverridable: z.array(z.enum(USER_SETTABLE_KEYS)).optional().meta({
    title: 'Settings users may change',
    description:
      'Settings a user may change in their own settings file; for those, your value is only the default. Default: none.',
  }),
});
export type ManagedSettings = z.infer<typeof managedSettingsSchema>;

/** Every key IT may set (registry value names and profile keys are matched against these). */
export const MANAGED_SETTING_KEYS: readonly string[] = Object.keys(managedSettingsSchema.shape);

export const userSettingsSchema = z.strictObject({ ...schemaRefField, ...settingFields });
export type UserSettings = z.infer<typeof userSettingsSchema>;

/**
 * Values used when nobody sets a key. The server URL is the dev server's; no idle
 * lock setting means the server policy's applies.
 */
export const SETTING_DEFAULTS = Object.freeze({
  serverUrl: 'http://127.0.0.1:4780',
  updateChannel: 'stable',
  updateFeedUrl: null,
  updateCheckIntervalHours: 6,
  idleLockMinutes: null,
  logLevel: 'info',
} as const satisfies Record<UserSettableKey, unknown>);

/** Defaults of the settings only IT sets. */
export const MANAGED_ONLY_DEFAULTS = Object.freeze({
  extraCaBundle: null,
  telephonyPort: 'manual',
  telephonyUriTemplate: null,
  ssoIssuer: null,
} as const);
