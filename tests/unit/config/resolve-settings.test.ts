import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readManagedSettings } from '../../../src/desktop/config/managed-source';
import { resolveSettings } from '../../../src/desktop/config/resolve-settings';
import type { ResolvedSettings, SettingsError } from '../../../src/desktop/config/resolve-settings';
import { USER_SETTABLE_KEYS } from '../../../src/desktop/config/settings-schema';
import { machinePorts, memoryFiles } from './memory-files';

const MANAGED = '/etc/agent-desk/managed-settings.json';
const USER = '/home/agent/.config/Agent Desk/settings.json';

/** Linux: IT's settings in /etc/agent-desk/managed-settings.json (the other OSes: managed-sources.test.ts). */
function resolve(files: Record<string, string | Error>) {
  const readFile = memoryFiles(files);
  return resolveSettings({
    platform: 'linux',
    managed: readManagedSettings('linux', machinePorts({ readFile })),
    userDataDir: '/home/agent/.config/Agent Desk',
    readFile,
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
  it('falls back to the defaults, unmanaged; no idle lock of its own (the server policy’s applies)', () => {
    const settings = resolved({});
    expect(settings).toMatchObject({
      serverUrl: 'http://127.0.0.1:4780',
      updateChannel: 'stable',
      updateFeedUrl: null,
      logLevel: 'info',
      idleLockMinutes: null,
      managed: false,
      notices: [],
      origins: { managed: [], user: USER },
    });
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
    expect(settings.notices.every((n) => n.origin === USER)).toBe(true);
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

  it("idle lock: IT sets the desktop's own lock; nobody set it means null", () => {
    const settings = resolved({ [MANAGED]: json({ idleLockMinutes: 5 }) });
    expect(settings.idleLockMinutes).toBe(5);
    expect(settings.sources.idleLockMinutes).toBe('managed');
    expect(resolved({ [MANAGED]: json({}) }).idleLockMinutes).toBeNull();
  });
});

describe('resolveSettings: policy is the server\'s (docs/deployment.md, "Who owns policy")', () => {
  it('refuses a managed `policy` with a sentence that says where the rules went', () => {
    const error = failed({ [MANAGED]: json({ policy: { attempts: { maxAttempts: 3 } } }) });
    expect(error.code).toBe('settings.managed_invalid');
    expect(error.issues).toEqual([
      { origin: MANAGED, field: 'policy', message: expect.stringContaining("sync server's policy") },
    ]);
    expect(error.message).toContain('change them on the server');
  });

  it('a user cannot set policy either (a notice, the rest of the file applies)', () => {
    const settings = resolved({
      [USER]: json({ logLevel: 'warn', policy: { sla: { urgentDueHours: 999 } } }),
    });
    expect(settings.logLevel).toBe('warn');
    expect(settings.notices).toEqual([expect.objectContaining({ field: 'policy' })]);
    expect(settings).not.toHaveProperty('policy');
  });
});

describe('resolveSettings: an invalid managed file is an error, never a fallback', () => {
  it('names the file, the field and the problem', () => {
    const error = failed({
      [MANAGED]: json({ serverUrl: 'http://agentdesk.example.gov', logLevel: 'loud' }),
      [USER]: json({ serverUrl: 'https://user.example.gov' }),
    });
    expect(error.code).toBe('settings.managed_invalid');
    expect(error.origin).toBe(MANAGED);
    expect(error.issues.map((i) => i.field).sort()).toEqual(['logLevel', 'serverUrl']);
    expect(error.message).toContain(MANAGED);
    expect(error.message).toMatch(/serverUrl: serverUrl must be one or more https:\/\/ URLs/);
  });

  it('accepts several server nodes in serverUrl (the desktop fails over between them), each checked', () => {
    const nodes =
      'https://node-a.example.gov:8443, https://node-b.example.gov:8443 https://node-c.example.gov:8443';
    expect(resolved({ [MANAGED]: json({ serverUrl: nodes }) }).serverUrl).toBe(nodes);
    const error = failed({
      [MANAGED]: json({ serverUrl: 'https://node-a.example.gov, http://node-b.example.gov' }),
    });
    expect(error.issues.map((i) => i.field)).toEqual(['serverUrl']);
    expect(failed({ [MANAGED]: json({ serverUrl: ' , ' }) }).issues.map((i) => i.field)).toEqual([
      'serverUrl',
    ]);
  });

  it('reports misspelt keys', () => {
    const error = failed({ [MANAGED]: json({ serverURL: 'https://agentdesk.example.gov' }) });
    expect(error.issues).toEqual([expect.objectContaining({ field: 'serverURL' })]);
  });

  it('reports broken JSON', () => {
    const error = failed({ [MANAGED]: '{"serverUrl": ' });
    expect(error.issues[0]).toMatchObject({ origin: MANAGED, field: '(file)' });
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
    expect(settings.notices).toEqual([expect.objectContaining({ origin: USER, field: '(file)' })]);
    expect(settings.serverUrl).toBe('http://127.0.0.1:4780');
  });

  it('ignores an unreadable user file', () => {
    expect(resolved({ [USER]: new Error('EIO') }).notices[0]?.message).toContain('EIO');
  });
});

describe('resolveSettings: the extra CA bundle (IT only)', () => {
  it("takes IT's PEM file path", () => {
    const settings = resolved({ [MANAGED]: json({ extraCaBundle: '/etc/agency/roots.pem' }) });
    expect(settings.extraCaBundle).toBe('/etc/agency/roots.pem');
    expect(resolved({}).extraCaBundle).toBeNull();
  });

  it('accepts Windows paths, and refuses a relative one with the field named', () => {
    expect(
      resolved({ [MANAGED]: json({ extraCaBundle: 'C:\\ProgramData\\Agency\\roots.pem' }) }).extraCaBundle,
    ).toBe('C:\\ProgramData\\Agency\\roots.pem');
    const error = failed({ [MANAGED]: json({ extraCaBundle: 'roots.pem' }) });
    expect(error.issues).toEqual([
      { origin: MANAGED, field: 'extraCaBundle', message: 'extraCaBundle must be a full path to a PEM file' },
    ]);
  });

  it("ignores a user's own root: what the desktop trusts is IT's decision", () => {
    const settings = resolved({ [USER]: json({ extraCaBundle: '/home/agent/mitm.pem', logLevel: 'debug' }) });
    expect(settings.extraCaBundle).toBeNull();
    expect(settings.logLevel).toBe('debug');
    expect(settings.notices.map((n) => n.field)).toEqual(['extraCaBundle']);
  });
});
