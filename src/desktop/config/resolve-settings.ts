import type { z } from 'zod';
import type { Policy } from '../../shared/domain/policy';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import type { Result } from '../../shared/domain/result';
import type { FieldProblem } from './policy-overrides';
import { applyPolicyOverrides } from './policy-overrides';
import type { ReadTextFile } from './read-text-file';
import { managedSettingsPath, userSettingsPath } from './settings-paths';
import type {
  LogLevel,
  ManagedSettings,
  UpdateChannel,
  UserSettableKey,
  UserSettings,
} from './settings-schema';
import {
  managedSettingsSchema,
  SETTING_DEFAULTS,
  USER_SETTABLE_KEYS,
  userSettingsSchema,
} from './settings-schema';

/**
 * Managed settings (IT, machine-wide) + user settings (userData) → the settings the
 * app runs with.
 *
 * - No managed file: an unmanaged machine (a developer's); the user may set every
 *   user-settable key.
 * - Managed file present: its values win, except for keys it lists in
 *   `userOverridable`, where its value is only the default and the user's wins.
 *   User values for other keys are ignored and reported as notices.
 * - Managed file unreadable or invalid: an ERROR result. The shell shows it as an
 *   error screen; it must never quietly fall back to user settings, or a broken
 *   push would hand every agent the controls IT meant to take away.
 * - User file invalid: its bad keys are ignored and reported as notices; a user's
 *   typo must not stop them working.
 */

export interface SettingsIssue {
  /** The file the problem is in. */
  file: string;
  /** Dotted field path, or `(file)` for problems with the file as a whole. */
  field: string;
  message: string;
}

export interface SettingsError {
  code: 'settings.managed_unreadable' | 'settings.managed_invalid';
  /** One readable paragraph: file, then each field and its problem. */
  message: string;
  file: string;
  issues: SettingsIssue[];
}

export type SettingSource = 'default' | 'managed' | 'user';

export interface ResolvedSettings {
  serverUrl: string;
  updateChannel: UpdateChannel;
  /** null: use the feed built into the installer (app-update.yml). */
  updateFeedUrl: string | null;
  updateCheckIntervalHours: number;
  idleLockMinutes: number;
  logLevel: LogLevel;
  /** DEFAULT_POLICY with managed overrides; security.idleLockMinutes equals idleLockMinutes. */
  policy: Policy;
  /** Whether a managed settings file was found. */
  managed: boolean;
  /** Keys the user may change (all user-settable keys on an unmanaged machine). */
  userOverridable: readonly UserSettableKey[];
  sources: Readonly<Record<UserSettableKey, SettingSource>>;
  /** Problems that did not stop the app: an invalid or disallowed user setting. */
  notices: readonly SettingsIssue[];
  files: { managed: string; user: string };
}

export interface ResolveSettingsInput {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's app.getPath('userData'). */
  userDataDir: string;
  readFile: ReadTextFile;
}

const WHOLE_FILE = '(file)';

function issuesFromZod(file: string, issues: readonly z.core.$ZodIssue[]): SettingsIssue[] {
  return issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        field: [...at, key].join('.'),
        message: 'is not a known setting (check the spelling against managed-settings.schema.json)',
      }));
    }
    return [{ file, field: at.join('.') || WHOLE_FILE, message: issue.message }];
  });
}

/** JSON text → value, tolerating the UTF-8 byte-order mark Windows Notepad writes. */
function parseJson(
  file: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; issue: SettingsIssue } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issue: { file, field: WHOLE_FILE, message: `is not valid JSON: ${reason}` } };
  }
}

function managedError(code: SettingsError['code'], file: string, issues: SettingsIssue[]): SettingsError {
  const details = issues
    .map((i) => (i.field === WHOLE_FILE ? i.message : `${i.field}: ${i.message}`))
    .join('; ');
  const what = code === 'settings.managed_unreadable' ? 'could not be read' : 'is invalid';
  return {
    code,
    file,
    issues,
    message: `The managed settings file ${file} ${what}: ${details}. Ask IT to correct it; Agent Desk will not start with it.`,
  };
}

type ManagedRead =
  | { ok: true; value: { settings: ManagedSettings; policy: Policy } | null }
  | { ok: false; error: SettingsError };

function readManaged(file: string, readFile: ReadTextFile): ManagedRead {
  const read = readFile(file);
  if (read.kind === 'missing') return { ok: true, value: null };
  if (read.kind === 'unreadable') {
    return {
      ok: false,
      error: managedError('settings.managed_unreadable', file, [
        { file, field: WHOLE_FILE, message: read.reason },
      ]),
    };
  }
  const json = parseJson(file, read.text);
  if (!json.ok) return { ok: false, error: managedError('settings.managed_invalid', file, [json.issue]) };
  const parsed = managedSettingsSchema.safeParse(json.value);
  if (!parsed.success) {
    return {
      ok: false,
      error: managedError('settings.managed_invalid', file, issuesFromZod(file, parsed.error.issues)),
    };
  }
  const policy = applyPolicyOverrides(parsed.data.policy ?? {});
  if (!policy.ok) {
    const issues = policy.problems.map((p: FieldProblem) => ({ file, ...p }));
    return { ok: false, error: managedError('settings.managed_invalid', file, issues) };
  }
  return { ok: true, value: { settings: parsed.data, policy: policy.value } };
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
      notices: [{ file, field: WHOLE_FILE, message: `could not be read (${read.reason}); ignored` }],
    };
  }
  const json = parseJson(file, read.text);
  if (!json.ok)
    return { settings: {}, notices: [{ ...json.issue, message: `${json.issue.message}; ignored` }] };
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
  const files = {
    managed: managedSettingsPath(input.platform, input.env),
    user: userSettingsPath(input.platform, input.userDataDir),
  };
  const managedRead = readManaged(files.managed, input.readFile);
  if (!managedRead.ok) return managedRead;
  const managed = managedRead.value;
  const user = readUser(files.user, input.readFile);

  const allowed: readonly UserSettableKey[] = managed
    ? USER_SETTABLE_KEYS.filter((key) => managed.settings.userOverridable?.includes(key))
    : USER_SETTABLE_KEYS;
  const notices = [...user.notices];
  const sources = {} as Record<UserSettableKey, SettingSource>;

  function pick<K extends UserSettableKey>(key: K): UserSettings[K] {
    const userValue = user.settings[key];
    const managedValue = managed?.settings[key];
    const userMay = allowed.includes(key);
    if (userValue !== undefined && !userMay) {
      notices.push({
        file: files.user,
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

  const basePolicy = managed?.policy ?? DEFAULT_POLICY;
  const idleLockMinutes = pick('idleLockMinutes') ?? basePolicy.security.idleLockMinutes;
  if (sources.idleLockMinutes === 'default' && basePolicy !== DEFAULT_POLICY) {
    // Not set as a setting, but possibly by the managed policy override (policy.security.idleLockMinutes).
    sources.idleLockMinutes =
      basePolicy.security.idleLockMinutes === DEFAULT_POLICY.security.idleLockMinutes ? 'default' : 'managed';
  }

  return {
    ok: true,
    value: {
      serverUrl: pick('serverUrl') ?? SETTING_DEFAULTS.serverUrl,
      updateChannel: pick('updateChannel') ?? SETTING_DEFAULTS.updateChannel,
      updateFeedUrl: pick('updateFeedUrl') ?? SETTING_DEFAULTS.updateFeedUrl,
      updateCheckIntervalHours: pick('updateCheckIntervalHours') ?? SETTING_DEFAULTS.updateCheckIntervalHours,
      idleLockMinutes,
      logLevel: pick('logLevel') ?? SETTING_DEFAULTS.logLevel,
      policy: { ...basePolicy, security: { ...basePolicy.security, idleLockMinutes } },
      managed: managed !== null,
      userOverridable: allowed,
      sources,
      notices,
      files,
    },
  };
}
