import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src/desktop/config/resolve-settings';
import type { ResolvedSettings, SettingsError } from '../../../src/desktop/config/resolve-settings';
import { USER_SETTABLE_KEYS } from '../../../src/desktop/config/settings-schema';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { memoryFiles } from './memory-files';

const MANAGED = '/etc/agent-desk/managed-settings.json';
const USER = '/home/agent/.config/Agent Desk/settings.json';

function resolve(files: Record<string, string | Error>) {
  return resolveSettings({
    platform: 'linux',
    env: {},
    userDataDir: '/home/agent/.config/Agent Desk',
    readFile: memoryFiles(files),
  });
}
function resolved(files: Record<string, string | Error>): ResolvedSettings {
  const result = resolve(files);
  if (!result.ok) throw new Error(`expected settings, got: ${result.error.message}`);
  return result.value;
}
function failed(files: Record<string, string | Error>): SettingsError {
  const result = resolve(files);
  if (result.ok) throw new Error('expected an error result');
  return result.error;
}
const json = (value: unknown) => JSON.stringify(value);

describe('resolveSettings: no files', () => {
  it('falls back to the defaults and the default policy, unmanaged', () => {
    const settings = resolved({});
    expect(settings).toMatchObject({
      serverUrl: 'http://127.0.0.1:4780',
      updateChannel: 'stable',
      updateFeedUrl: null,
      logLevel: 'info',
      idleLockMinutes: DEFAULT_POLICY.security.idleLockMinutes,
      managed: false,
      notices: [],
      files: { managed: MANAGED, user: USER },
    });
    expect(settings.policy).toEqual(DEFAULT_POLICY);
    expect(Object.values(settings.sources).every((s) => s === 'default')).toBe(true);
  });

  it('lets the user set every user-settable key on an unmanaged machine', () => {
    const settings = resolved({ [USER]: json({ serverUrl: 'https://desk.example.gov', logLevel: 'debug' }) });
    expect(settings.userOverridable).toEqual(USER_SETTABLE_KEYS);
    expect(settings).toMatchObject({ serverUrl: 'https://desk.example.gov', logLevel: 'debug' });
    expect(settings.sources.serverUrl).toBe('user');
  });
});

describe('resolveSettings: precedence', () => {
  const managed = json({
    serverUrl: 'https://agentdesk.example.gov:8443',
    logLevel: 'warn',
    updateChannel: 'off',
    userOverridable: ['logLevel'],
  });

  it('managed values win over user values for keys the user may not change, with a notice', () => {
    const settings = resolved({
      [MANAGED]: managed,
      [USER]: json({ serverUrl: 'https://evil.example.com', updateChannel: 'beta' }),
    });
    expect(settings.serverUrl).toBe('https://agentdesk.example.gov:8443');
    expect(settings.updateChannel).toBe('off');
    expect(settings.sources).toMatchObject({ serverUrl: 'managed', updateChannel: 'managed' });
    expect(settings.notices.map((n) => n.field).sort()).toEqual(['serverUrl', 'updateChannel']);
    expect(settings.notices.every((n) => n.file === USER)).toBe(true);
  });

  it('a key the managed file allows is the user’s to change; the managed value is its default', () => {
    expect(resolved({ [MANAGED]: managed }).logLevel).toBe('warn');
    const settings = resolved({ [MANAGED]: managed, [USER]: json({ logLevel: 'debug' }) });
    expect(settings.logLevel).toBe('debug');
    expect(settings.sources.logLevel).toBe('user');
    expect(settings.notices).toEqual([]);
  });

  it('a managed file without userOverridable allows the user nothing', () => {
    const settings = resolved({ [MANAGED]: json({}), [USER]: json({ logLevel: 'trace' }) });
    expect(settings.managed).toBe(true);
    expect(settings.userOverridable).toEqual([]);
    expect(settings.logLevel).toBe('info');
  });

  it('property: a user value takes effect exactly when the key is allowed', () => {
    fc.assert(
      fc.property(fc.subarray([...USER_SETTABLE_KEYS]), fc.boolean(), (allowed, managedSetsIt) => {
        const managedFile: Record<string, unknown> = { userOverridable: allowed };
        if (managedSetsIt) managedFile['logLevel'] = 'error';
        const settings = resolved({ [MANAGED]: json(managedFile), [USER]: json({ logLevel: 'trace' }) });
        const expected = allowed.includes('logLevel') ? 'trace' : managedSetsIt ? 'error' : 'info';
        expect(settings.logLevel).toBe(expected);
      }),
    );
  });

  it('idle lock: the setting wins over the policy and ends up in the policy', () => {
    const settings = resolved({
      [MANAGED]: json({ idleLockMinutes: 5, policy: { security: { idleLockMinutes: 30 } } }),
    });
    expect(settings.idleLockMinutes).toBe(5);
    expect(settings.policy.security.idleLockMinutes).toBe(5);
    const fromPolicy = resolved({ [MANAGED]: json({ policy: { security: { idleLockMinutes: 30 } } }) });
    expect(fromPolicy.idleLockMinutes).toBe(30);
    expect(fromPolicy.sources.idleLockMinutes).toBe('managed');
  });
});

describe('resolveSettings: policy overrides', () => {
  it('merges a partial override onto the default policy', () => {
    const settings = resolved({
      [MANAGED]: json({
        policy: { callbackHours: { daily: { end: '19:00' } }, attempts: { maxAttempts: 3 } },
      }),
    });
    expect(settings.policy.callbackHours.daily).toEqual({ start: '07:00', end: '19:00' });
    expect(settings.policy.attempts.maxAttempts).toBe(3);
    expect(settings.policy.sla).toEqual(DEFAULT_POLICY.sla);
  });

  it('re-validates the merged policy (cross-field rules hold)', () => {
    const error = failed({ [MANAGED]: json({ policy: { attempts: { retryEarliestMinutes: 120 } } }) });
    expect(error.code).toBe('settings.managed_invalid');
    expect(error.issues[0]).toMatchObject({ file: MANAGED, field: 'policy.attempts' });
    expect(error.message).toContain('retryEarliestMinutes must not exceed');
  });

  it('rejects unknown policy fields instead of dropping them', () => {
    const error = failed({ [MANAGED]: json({ policy: { sla: { urgentDueHour: 48 } } }) });
    expect(error.issues).toEqual([
      { file: MANAGED, field: 'policy.sla.urgentDueHour', message: 'is not a policy setting' },
    ]);
  });

  it('does not let __proto__ in a managed file reach Object.prototype or the policy', () => {
    const result = resolve({
      [MANAGED]: '{"policy": {"__proto__": {"polluted": true}, "sla": {"__proto__": {"x": 1}}}}',
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    if (result.ok) expect(result.value.policy).toEqual(DEFAULT_POLICY);
  });
});

describe('resolveSettings: an invalid managed file is an error, never a fallback', () => {
  it('names the file, the field and the problem', () => {
    const error = failed({
      [MANAGED]: json({ serverUrl: 'http://agentdesk.example.gov', logLevel: 'loud' }),
      [USER]: json({ serverUrl: 'https://user.example.gov' }),
    });
    expect(error.code).toBe('settings.managed_invalid');
    expect(error.file).toBe(MANAGED);
    expect(error.issues.map((i) => i.field).sort()).toEqual(['logLevel', 'serverUrl']);
    expect(error.message).toContain(MANAGED);
    expect(error.message).toMatch(/serverUrl: serverUrl must be an https:\/\/ URL/);
  });

  it('reports misspelt keys', () => {
    const error = failed({ [MANAGED]: json({ serverURL: 'https://agentdesk.example.gov' }) });
    expect(error.issues).toEqual([expect.objectContaining({ field: 'serverURL' })]);
  });

  it('reports broken JSON', () => {
    const error = failed({ [MANAGED]: '{"serverUrl": ' });
    expect(error.issues[0]).toMatchObject({ file: MANAGED, field: '(file)' });
    expect(error.message).toContain('is not valid JSON');
  });

  it('reports a file it cannot read', () => {
    const error = failed({ [MANAGED]: new Error('EACCES: permission denied') });
    expect(error.code).toBe('settings.managed_unreadable');
    expect(error.message).toContain('EACCES');
  });

  it('accepts the UTF-8 byte-order mark Notepad writes', () => {
    expect(resolved({ [MANAGED]: `\uFEFF${json({ logLevel: 'warn' })}` }).logLevel).toBe('warn');
  });
});

describe('resolveSettings: an invalid user file is a notice', () => {
  it('keeps the valid keys and reports the bad ones', () => {
    const settings = resolved({ [USER]: json({ logLevel: 'debug', serverUrl: 'ftp://x', colour: 'blue' }) });
    expect(settings.logLevel).toBe('debug');
    expect(settings.serverUrl).toBe('http://127.0.0.1:4780');
    expect(settings.notices.map((n) => n.field).sort()).toEqual(['colour', 'serverUrl']);
  });

  it('ignores a broken user file', () => {
    const settings = resolved({ [USER]: 'not json' });
    expect(settings.notices).toEqual([expect.objectContaining({ file: USER, field: '(file)' })]);
    expect(settings.serverUrl).toBe('http://127.0.0.1:4780');
  });

  it('ignores an unreadable user file', () => {
    expect(resolved({ [USER]: new Error('EIO') }).notices[0]?.message).toContain('EIO');
  });
});
