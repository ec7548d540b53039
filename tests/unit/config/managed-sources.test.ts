import { describe, expect, it } from 'vitest';
import { POLICY_REGISTRY_PATH } from '../../../src/desktop/config/app-identity';
import { managedPreferenceFiles } from '../../../src/desktop/config/macos-managed-preferences';
import { readManagedSettings } from '../../../src/desktop/config/managed-source';
import type { ReadTextFile } from '../../../src/desktop/config/read-text-file';
import { resolveSettings } from '../../../src/desktop/config/resolve-settings';
import { registryKeyToSettings } from '../../../src/desktop/config/windows-policies';
import type { RegistryRead, RegistryValue } from '../../../src/desktop/config/windows-policies';
import { machinePorts, memoryFiles } from './memory-files';

const sz = (name: string, data: string): RegistryValue => ({ name, type: 'REG_SZ', data });
const dword = (name: string, data: number): RegistryValue => ({ name, type: 'REG_DWORD', data });
const key = (values: RegistryValue[], subkeys: Record<string, RegistryValue[]> = {}): RegistryRead => ({
  kind: 'found',
  key: { values, subkeys },
});
const HKLM = `HKLM\\${POLICY_REGISTRY_PATH}`;
const HKCU = `HKCU\\${POLICY_REGISTRY_PATH}`;

describe('Windows: policies from the registry, never from a path the user controls', () => {
  const USER_DATA = 'C:\\Users\\agent\\AppData\\Roaming\\Agent Desk';
  const USER_FILE = `${USER_DATA}\\settings.json`;
  /** The old escape: `set ProgramData=%TEMP%` and a file of one's own making there. */
  const PLANTED = 'C:\\Users\\agent\\AppData\\Local\\Temp\\AgentDesk\\managed-settings.json';

  function resolveOnWindows(registry: Record<string, RegistryRead>, files: Record<string, string> = {}) {
    const reads: string[] = [];
    const disk = memoryFiles(files);
    const readFile: ReadTextFile = (file) => {
      reads.push(file);
      return disk(file);
    };
    const result = resolveSettings({
      platform: 'win32',
      managed: readManagedSettings('win32', machinePorts({ readFile, registry })),
      userDataDir: USER_DATA,
      readFile,
    });
    return { result, reads };
  }

  it('the ProgramData bypass is gone: a planted "managed" file changes nothing, the registry rules', () => {
    const { result, reads } = resolveOnWindows(
      { [HKLM]: key([sz('serverUrl', 'https://agentdesk.example.gov'), sz('updateChannel', 'off')]) },
      {
        [PLANTED]: JSON.stringify({ userOverridable: ['serverUrl', 'updateChannel'] }),
        [USER_FILE]: JSON.stringify({ serverUrl: 'https://elsewhere.example.com', updateChannel: 'stable' }),
      },
    );
    expect(result.ok && result.value).toMatchObject({
      managed: true,
      serverUrl: 'https://agentdesk.example.gov',
      updateChannel: 'off',
      sources: { serverUrl: 'managed', updateChannel: 'managed' },
      origins: { managed: [HKLM], user: USER_FILE },
    });
    // The only file read on Windows is the user's own: IT's settings never come from a path.
    expect(reads).toEqual([USER_FILE]);
  });

  it('no policy key in either hive: unmanaged, the user file applies', () => {
    const { result } = resolveOnWindows({}, { [USER_FILE]: JSON.stringify({ logLevel: 'debug' }) });
    expect(result.ok && result.value).toMatchObject({ managed: false, logLevel: 'debug' });
  });

  it('HKLM wins over HKCU per setting; HKCU fills the rest', () => {
    const { result } = resolveOnWindows({
      [HKLM]: key([sz('serverUrl', 'https://machine.example.gov')]),
      [HKCU]: key([sz('serverUrl', 'https://user.example.gov'), dword('idleLockMinutes', 5)]),
    });
    expect(result.ok && result.value).toMatchObject({
      serverUrl: 'https://machine.example.gov',
      idleLockMinutes: 5,
      origins: { managed: [HKLM, HKCU] },
    });
  });

  it('reads DWORD numbers, value names in any case, and the ADMX list subkey in order', () => {
    const { result } = resolveOnWindows({
      [HKLM]: key([dword('UpdateCheckIntervalHours', 12), sz('LOGLEVEL', 'warn')], {
        UserOverridable: [sz('10', 'serverUrl'), sz('2', 'idleLockMinutes'), sz('1', 'logLevel')],
      }),
    });
    expect(result.ok && result.value).toMatchObject({
      updateCheckIntervalHours: 12,
      logLevel: 'warn',
      userOverridable: ['serverUrl', 'idleLockMinutes', 'logLevel'],
    });
  });

  it('an ADMX list keeps its order (value names 1, 2, … 10)', () => {
    const settings = registryKeyToSettings({
      values: [],
      subkeys: { userOverridable: [sz('10', 'c'), sz('2', 'b'), sz('1', 'a')] },
    });
    expect(settings).toEqual({ userOverridable: ['a', 'b', 'c'] });
  });

  it('an unknown value, a wrong type or a bad value is an error naming the registry key', () => {
    for (const values of [
      [sz('serverURI', 'https://x.example.gov')],
      [sz('idleLockMinutes', '10')],
      [dword('idleLockMinutes', 0)],
      [sz('serverUrl', 'http://agentdesk.example.gov')],
    ]) {
      const { result } = resolveOnWindows({ [HKCU]: key(values) });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatchObject({ code: 'settings.managed_invalid', origin: HKCU });
        expect(result.error.message).toContain(HKCU);
      }
    }
  });

  it('a registry it cannot read stops the app instead of running unmanaged', () => {
    const { result } = resolveOnWindows({ [HKLM]: { kind: 'unreadable', reason: 'reg.exe is blocked' } });
    expect(!result.ok && result.error).toMatchObject({ code: 'settings.managed_unreadable', origin: HKLM });
  });
});

describe('macOS: configuration profiles from /Library/Managed Preferences only', () => {
  const files = managedPreferenceFiles('agent');

  function resolveOnMac(plists: Record<string, unknown>, userFile?: unknown) {
    const read: string[] = [];
    const ports = machinePorts({
      userName: 'agent',
      plists: Object.fromEntries(Object.entries(plists).map(([f, value]) => [f, { kind: 'found', value }])),
    });
    const managed = readManagedSettings('darwin', {
      ...ports,
      readPlist: (file) => {
        read.push(file);
        return ports.readPlist(file);
      },
    });
    const userData = '/Users/agent/Library/Application Support/Agent Desk';
    const result = resolveSettings({
      platform: 'darwin',
      managed,
      userDataDir: userData,
      readFile: memoryFiles(userFile ? { [`${userData}/settings.json`]: JSON.stringify(userFile) } : {}),
    });
    return { result, read };
  }

  it('reads the device profile, then the user profile, and nothing a user can write', () => {
    expect(files).toEqual({
      device: '/Library/Managed Preferences/gov.contactcenter.agentdesk.plist',
      user: '/Library/Managed Preferences/agent/gov.contactcenter.agentdesk.plist',
    });
    const { result, read } = resolveOnMac(
      { [files.device]: { serverUrl: 'https://agentdesk.example.gov', updateChannel: 'off' } },
      { updateChannel: 'stable' },
    );
    expect(read).toEqual([files.device, files.user]);
    expect(result.ok && result.value).toMatchObject({
      managed: true,
      updateChannel: 'off',
      notices: [expect.objectContaining({ field: 'updateChannel' })],
    });
  });

  it('the device profile wins over the user profile; profile bookkeeping keys are not settings', () => {
    const { result } = resolveOnMac({
      [files.device]: { PayloadUUID: 'A', PayloadType: 'gov.contactcenter.agentdesk', logLevel: 'warn' },
      [files.user!]: { PayloadVersion: 1, logLevel: 'debug', idleLockMinutes: 7 },
    });
    expect(result.ok && result.value).toMatchObject({ logLevel: 'warn', idleLockMinutes: 7 });
  });

  it('no profile: unmanaged', () => {
    expect(resolveOnMac({}).result).toMatchObject({ ok: true, value: { managed: false } });
  });

  it('an unreadable profile stops the app', () => {
    const managed = readManagedSettings(
      'darwin',
      machinePorts({ plists: { [files.device]: { kind: 'unreadable', reason: 'invalid plist' } } }),
    );
    expect(managed).toEqual({
      ok: false,
      origin: files.device,
      problem: 'unreadable',
      reason: 'invalid plist',
    });
  });

  it('an account name that would leave the folder reads no user profile', () => {
    expect(managedPreferenceFiles('../etc').user).toBeNull();
    expect(managedPreferenceFiles('').user).toBeNull();
  });
});

describe('Linux: /etc/agent-desk/managed-settings.json', () => {
  const FILE = '/etc/agent-desk/managed-settings.json';

  it('a file is one machine layer; no file is unmanaged; broken JSON is invalid', () => {
    const read = (files: Record<string, string>) =>
      readManagedSettings('linux', machinePorts({ readFile: memoryFiles(files) }));
    expect(read({})).toEqual({ ok: true, layers: [] });
    expect(read({ [FILE]: '{"logLevel": "warn"}' })).toEqual({
      ok: true,
      layers: [{ origin: FILE, value: { logLevel: 'warn' } }],
    });
    expect(read({ [FILE]: '{' })).toMatchObject({ ok: false, origin: FILE, problem: 'invalid' });
  });
});
