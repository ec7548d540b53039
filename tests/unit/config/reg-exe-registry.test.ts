import { describe, expect, it } from 'vitest';
import {
  parseRegQueryOutput,
  regExeRegistry,
  windowsSystemDirectory,
  type RunRegExe,
} from '../../../src/desktop/config/reg-exe-registry';

const KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\ContactCenter\\Agent Desk';
const OUTPUT = [
  '',
  KEY,
  '    serverUrl    REG_SZ    https://agentdesk.example.gov:8443',
  '    idleLockMinutes    REG_DWORD    0xa',
  '    (Default)    REG_SZ    (value not set)',
  '    note    REG_MULTI_SZ    a\\0b',
  '    empty    REG_SZ    ',
  '',
  `${KEY}\\userOverridable`,
  '    1    REG_SZ    logLevel',
  '    2    REG_SZ    idleLockMinutes',
  '',
].join('\r\n');

describe('reg.exe output', () => {
  it('parses values, types and the list subkey; skips the default value', () => {
    expect(parseRegQueryOutput(OUTPUT, KEY)).toEqual({
      values: [
        { name: 'serverUrl', type: 'REG_SZ', data: 'https://agentdesk.example.gov:8443' },
        { name: 'idleLockMinutes', type: 'REG_DWORD', data: 10 },
        { name: 'note', type: 'REG_MULTI_SZ', data: ['a', 'b'] },
        { name: 'empty', type: 'REG_SZ', data: '' },
      ],
      subkeys: {
        userOverridable: [
          { name: '1', type: 'REG_SZ', data: 'logLevel' },
          { name: '2', type: 'REG_SZ', data: 'idleLockMinutes' },
        ],
      },
    });
  });
});

describe('regExeRegistry: found, missing and unreadable told apart without reading translated messages', () => {
  function reader(answers: Array<{ status: number; stdout?: string; stderr?: string }>) {
    const calls: (readonly string[])[] = [];
    const run: RunRegExe = (args) => {
      calls.push(args);
      const answer = answers[calls.length - 1] ?? { status: 1 };
      return { stdout: '', stderr: '', ...answer };
    };
    return { read: regExeRegistry(run), calls };
  }

  it('queries the 64-bit view of the key and its subkeys', () => {
    const { read, calls } = reader([{ status: 0, stdout: OUTPUT }]);
    const result = read('HKLM', 'SOFTWARE\\Policies\\ContactCenter\\Agent Desk');
    expect(result.kind).toBe('found');
    expect(calls).toEqual([
      ['query', 'HKLM\\SOFTWARE\\Policies\\ContactCenter\\Agent Desk', '/s', '/reg:64'],
    ]);
  });

  it('a failed query is "missing" only when reg.exe can read a key every Windows has', () => {
    const missing = reader([{ status: 1 }, { status: 0 }]);
    expect(missing.read('HKCU', 'SOFTWARE\\Policies\\X').kind).toBe('missing');
    expect(missing.calls[1]?.slice(0, 2)).toEqual([
      'query',
      'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
    ]);

    const blocked = reader([
      { status: 1 },
      { status: 1, stderr: 'ERROR: Registry editing has been disabled' },
    ]);
    const result = blocked.read('HKLM', 'SOFTWARE\\Policies\\X');
    expect(result).toMatchObject({ kind: 'unreadable' });
    expect(result.kind === 'unreadable' && result.reason).toContain('Registry editing has been disabled');
  });
});

describe('windowsSystemDirectory: no environment variable involved', () => {
  it("follows the kernel's \\SystemRoot link", () => {
    const dir = windowsSystemDirectory({
      realpath: () => '\\\\?\\D:\\Windows\\System32',
      exists: (p) => p === 'D:\\Windows\\System32\\reg.exe',
    });
    expect(dir).toBe('D:\\Windows\\System32');
  });

  it('falls back to C:\\Windows\\System32 when the link cannot be resolved or looks wrong', () => {
    const fail = () => {
      throw new Error('ENOENT');
    };
    expect(windowsSystemDirectory({ realpath: fail, exists: () => true })).toBe('C:\\Windows\\System32');
    expect(windowsSystemDirectory({ realpath: () => '\\\\server\\share', exists: () => true })).toBe(
      'C:\\Windows\\System32',
    );
  });
});
