import type { z } from 'zod';
import type { Result } from '../../shared/domain/result';
import type { ManagedRead } from './managed-source';
import { parseJsonText, type ReadTextFile } from './read-text-file';
import { userSettingsPath } from './settings-paths';
import type {
  LogLevel,
  ManagedSettings,
  TelephonyPort,
  UpdateChannel,
  UserSettableKey,
  UserSettings,
} from './settings-schema';
import {
  MANAGED_ONLY_DEFAULTS,
  managedSettingsSchema,
  SETTING_DEFAULTS,
  USER_SETTABLE_KEYS,
  userSettingsSchema,
} from './settings-schema';

/**
 * IT's settings (read from the OS's own place by managed-source.ts) + the user's
 * settings file (userData) → the settings the app runs with.
 *
 * - Nothing managed: an unmanaged machine (a developer's); the user may set every
 *   user-settable key.
 * - Managed: IT's values win, except for keys IT lists in `userOverridable`, where
 *   IT's value is only the default and the user's wins. User values for other keys
 *   are ignored and reported as notices. Several managed layers (Windows HKLM and
 *   HKCU, a device and a user profile on macOS): the stronger layer wins per key.
 * - Managed settings unreadable or invalid: an ERROR result. The shell shows it as
 *   an error screen; it must never quietly fall back to user settings, or a broken
 *   push would hand every agent the controls IT meant to take away.
 * - User file invalid: its bad keys are ignored and reported as notices; a user's
 *   typo must not stop them working.
 */

export interface SettingsIssue {
  /** Where the problem is: a registry key, a managed preferences file, the user's file. */
  origin: string;
  /** Dotted field path, or `(file)` for problems with the source as a whole. */
  field: string;
  message: string;
}

export interface SettingsError {
  code: 'settings.managed_unreadable' | 'settings.managed_invalid';
  /** One readable paragraph: where, then each field and its problem. */
  message: string;
  origin: string;
  issues: SettingsIssue[];
}

export type SettingSource = 'default' | 'managed' | 'user';

export interface ResolvedSettings {
  serverUrl: string;
  updateChannel: UpdateChannel;
  /** null: use the feed built into the installer (app-update.yml), if any. */
  updateFeedUrl: string | null;
  updateCheckIntervalHours: number;
  /** null: the server policy's idle lock alone. A value only shortens it (DesktopCoreOptions). */
  idleLockMinutes: number | null;
  logLevel: LogLevel;
  /** IT's PEM file of extra certificate authorities (managed only); null: none. */
  extraCaBundle: string | null;
  /** How agents dial (IT only; docs/telephony.md). A "uri" port without a template falls back to "manual". */
  telephony: { port: TelephonyPort; uriTemplate: string | null };
  /** The identity provider single sign-on may open (managed only); null: the server's. */
  ssoIssuer: string | null;
  /** Whether IT manages this machine. */
  managed: boolean;
  /** Keys the user may change (all user-settable keys on an unmanaged machine). */
  userOverridable: readonly UserSettableKey[];
  sources: Readonly<Record<UserSettableKey, SettingSource>>;
  /** Problems that did not stop the app: an invalid or disallowed user setting. */
  notices: readonly SettingsIssue[];
  /** Where IT's values came from (strongest first) and the user's file. */
  origins: { managed: readonly string[]; user: string };
}

export interface ResolveSettingsInput {
  platform: NodeJS.Platform;
  /** IT's settings, from readManagedSettings. */
  managed: ManagedRead;
  /** Electron's app.getPath('userData'). */
  userDataDir: string;
  readFile: ReadTextFile;
}

const WHOLE_FILE = '(file)';

/**
 * Policy used to be settable here; it is the server's now. Said at the field, so
 * IT learns where the rule went instead of reading "unknown key".
 */
const POLICY_IS_THE_SERVERS =
  "is not a desktop setting: the contact center's rules (SLA, attempts, callback hours, sign-in lockout) are the sync server's policy, which every desktop receives at sign-in; change them on the server (docs/deployment.md, “Who owns policy”)";
const UNKNOWN_SETTING = 'is not a known setting (check the spelling against managed-settings.schema.json)';

function issuesFromZod(origin: string, issues: readonly z.core.$ZodIssue[]): SettingsIssue[] {
  return issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        origin,
        field: [...at, key].join('.'),
        message: at.length === 0 && key === 'policy' ? POLICY_IS_THE_SERVERS : UNKNOWN_SETTING,
      }));
    }
    return [{ origin, field: at.join('.') || WHOLE_FILE, message: issue.message }];
  });
}

function managedError(code: SettingsError['code'], origin: string, issues: SettingsIssue[]): SettingsError {
  const details = issues
    .map((i) => (i.field === WHOLE_FILE ? i.message : `${i.field}: ${i.message}`))
    .join('; ');
  const what = code === 'settings.managed_unreadable' ? 'could not be read' : 'are invalid';
  return {
    code,
    origin,
    issues,
    message: `The settings your organization manages in ${origin} ${what}: ${details}. Ask IT to correct them; Agent Desk will not start with them.`,
  };
}

/** Every layer validated; merged so the stronger (earlier) layer wins per key. */
function readManaged(read: ManagedRead): Result<ManagedSettings | null, SettingsError> {
  if (!read.ok) {
    const code = read.problem === 'unreadable' ? 'settings.managed_unreadable' : 'settings.managed_invalid';
    return {
      ok: false,
      error: managedError(code, read.origin, [
        { origin: read.origin, field: WHOLE_FILE, message: read.reason },
      ]),
    };
  }
  if (read.layers.length === 0) return { ok: true, value: null };
  const parsed: ManagedSettings[] = [];
  for (const layer of read.layers) {
    const result = managedSettingsSchema.safeParse(layer.value);
    if (!result.success) {
      const issues = issuesFromZod(layer.origin, result.error.issues);
      return { ok: false, error: managedError('settings.managed_invalid', layer.origin, issues) };
    }
    parsed.push(result.data);
  }
  return { ok: true, value: Object.assign({}, ...parsed.reverse()) as ManagedSettings };
}

/** The user's file, minus whatever is wrong with it (each problem becomes a notice). */
function readUser(
  file: string,
  readFile: ReadTextFile,
): { settings: UserSettings; notices: SettingsIssue[] } {
  const read = readFile(file);
  if (read.kind === 'missing') return { settings: {}, notices: [] };
  if (read.kind === 'unreadable') {
    return {
      settings: {},
      notices: [{ origin: file, field: WHOLE_FILE, message: `could not be read (${read.reason}); ignored` }],
    };
  }
  const json = parseJsonText(read.text);
  if (!json.ok)
    return {
      settings: {},
      notices: [{ origin: file, field: WHOLE_FILE, message: `${json.error.message}; ignored` }],
    };
  const parsed = userSettingsSchema.safeParse(json.value);
  if (parsed.success) return { settings: parsed.data, notices: [] };
  const notices = issuesFromZod(file, parsed.error.issues).map((i) => ({
    ...i,
    message: `${i.message}; ignored`,
  }));
  // Keep the keys that are fine: drop every top-level key with a problem and parse again.
  if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
    return { settings: {}, notices };
  }
  const badKeys = new Set(notices.map((n) => n.field.split('.')[0]));
  const kept = Object.fromEntries(Object.entries(json.value).filter(([key]) => !badKeys.has(key)));
  const retry = userSettingsSchema.safeParse(kept);
  return { settings: retry.success ? retry.data : {}, notices };
}

export function resolveSettings(input: ResolveSettingsInput): Result<ResolvedSettings, SettingsError> {
  const userFile = userSettingsPath(input.platform, input.userDataDir);
  const managedRead = readManaged(input.managed);
  if (!managedRead.ok) return managedRead;
  const managed = managedRead.value;
  const user = readUser(userFile, input.readFile);

  const allowed: readonly UserSettableKey[] = managed
    ? USER_SETTABLE_KEYS.filter((key) => managed.userOverridable?.includes(key))
    : USER_SETTABLE_KEYS;
  const notices = [...user.notices];
  const sources = {} as Record<UserSettableKey, SettingSource>;

  function pick<K extends UserSettableKey>(key: K): UserSettings[K] {
    const userValue = user.settings[key];
    const managedValue = managed?.[key];
    const userMay = allowed.includes(key);
    if (userValue !== undefined && !userMay) {
      notices.push({
        origin: userFile,
        field: key,
        message: 'is managed by your organization; your value is ignored',
      });
    }
    if (userValue !== undefined && userMay) {
      sources[key] = 'user';
      return userValue;
    }
    sources[key] = managedValue !== undefined ? 'managed' : 'default';
    return managedValue;
  }

  return {
    ok: true,
    value: {
      serverUrl: pick('serverUrl') ?? SETTING_DEFAULTS.serverUrl,
      updateChannel: pick('updateChannel') ?? SETTING_DEFAULTS.updateChannel,
      updateFeedUrl: pick('updateFeedUrl') ?? SETTING_DEFAULTS.updateFeedUrl,
      updateCheckIntervalHours: pick('updateCheckIntervalHours') ?? SETTING_DEFAULTS.updateCheckIntervalHours,
      idleLockMinutes: pick('idleLockMinutes') ?? SETTING_DEFAULTS.idleLockMinutes,
      logLevel: pick('logLevel') ?? SETTING_DEFAULTS.logLevel,
      extraCaBundle: managed?.extraCaBundle ?? MANAGED_ONLY_DEFAULTS.extraCaBundle,
      telephony: resolveTelephony(managed, notices),
      ssoIssuer: managed?.ssoIssuer ?? MANAGED_ONLY_DEFAULTS.ssoIssuer,
      managed: managed !== null,
      userOverridable: allowed,
      sources,
      notices,
      origins: {
        managed: input.managed.ok ? input.managed.layers.map((l) => l.origin) : [],
        user: userFile,
      },
    },
  };
}

/** The telephony port IT chose; a "uri" port without its template cannot dial, so it is reported and manual. */
function resolveTelephony(
  managed: ManagedSettings | null,
  notices: SettingsIssue[],
): ResolvedSettings['telephony'] {
  const port = managed?.telephonyPort ?? MANAGED_ONLY_DEFAULTS.telephonyPort;
  const uriTemplate = managed?.telephonyUriTemplate ?? MANAGED_ONLY_DEFAULTS.telephonyUriTemplate;
  if (port === 'uri' && !uriTemplate) {
    notices.push({
      origin: 'managed settings',
      field: 'telephonyPort',
      message: 'is "uri" but telephonyUriTemplate is not set; agents dial by hand (manual)',
    });
    return { port: 'manual', uriTemplate: null };
  }
  return { port, uriTemplate };
}
