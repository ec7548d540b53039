import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { RegistryHive, RegistryKey, RegistryReader, RegistryValue } from './windows-policies';

/**
 * The Windows registry through reg.exe, the registry tool every Windows has.
 *
 * Why reg.exe: Node and Electron have no registry API, and a native module would
 * have to be compiled for Electron's ABI on every release (better-sqlite3 already
 * is; a second one is a second way for a build to break). Reading a handful of
 * values once at start-up costs one short process (tens of milliseconds).
 *
 * Why not through PATH or %SystemRoot%: both are environment variables a user can
 * change, and a fake reg.exe that prints nothing would mean "no policies". The
 * System32 folder is found through the object manager's \SystemRoot link, which
 * the kernel sets at boot (`\\?\GLOBALROOT\SystemRoot`), with C:\Windows as the
 * fallback; neither is writable without administrator rights.
 *
 * reg.exe's messages are translated, and "key not found" and "access denied" share
 * exit code 1. So after a failed query, a second query of a key every Windows has
 * tells the two apart: if that works too, the key is missing; if reg.exe fails
 * there as well (blocked by AppLocker, WDAC or "Prevent access to registry editing
 * tools"), the policies are unreadable and the app refuses to start rather than
 * run unmanaged.
 */

const HIVE_NAMES: Record<RegistryHive, string> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };
/** A key that exists, readable by every user, on every Windows. */
const ALWAYS_THERE = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
const FALLBACK_SYSTEM_DIR = 'C:\\Windows\\System32';

export interface SystemDirProbe {
  realpath(p: string): string;
  exists(p: string): boolean;
}

const diskProbe: SystemDirProbe = { realpath: (p) => realpathSync.native(p), exists: existsSync };

/** System32 without reading the environment. */
export function windowsSystemDirectory(probe: SystemDirProbe = diskProbe): string {
  try {
    const resolved = probe.realpath('\\\\?\\GLOBALROOT\\SystemRoot\\System32').replace(/^\\\\\?\\/, '');
    if (/^[A-Za-z]:\\/.test(resolved) && probe.exists(path.win32.join(resolved, 'reg.exe'))) return resolved;
  } catch {
    // Not resolvable on this Windows: the fixed default below.
  }
  return FALLBACK_SYSTEM_DIR;
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

function valueData(type: string, raw: string): RegistryValue['data'] {
  if (type === 'REG_DWORD' || type === 'REG_QWORD') return Number.parseInt(raw, 16);
  if (type === 'REG_MULTI_SZ') return raw === '' ? [] : raw.split('\\0');
  return raw;
}

/**
 * `reg query <key> /s` output → the key's values and its subkeys' values. Value
 * lines are `    name    REG_TYPE    data`; key lines start with HKEY_. The unnamed
 * default value ("(Default)", translated) is not a setting and is skipped.
 */
export function parseRegQueryOutput(output: string, keyPath: string): RegistryKey {
  const values: RegistryValue[] = [];
  const subkeys: Record<string, RegistryValue[]> = {};
  let current: RegistryValue[] | undefined;
  const root = keyPath.toLowerCase();
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith('HKEY_')) {
      const lower = line.trimEnd().toLowerCase();
      if (lower === root) current = values;
      else if (lower.startsWith(`${root}\\`)) {
        const relative = line.trimEnd().slice(keyPath.length + 1);
        current = subkeys[relative] ??= [];
      } else current = undefined;
      continue;
    }
    const match = VALUE_LINE.exec(line);
    if (!match || !current) continue;
    const [, name = '', type = '', raw = ''] = match;
    if (name.startsWith('(') && name.endsWith(')')) continue;
    current.push({ name, type, data: valueData(type, raw.trimEnd()) });
  }
  return { values, subkeys };
}

export type RunRegExe = (args: readonly string[]) => { status: number; stdout: string; stderr: string };

function runWithExecFile(regExe: string): RunRegExe {
  return (args) => {
    try {
      const stdout = execFileSync(regExe, args, {
        encoding: 'utf8',
        timeout: 15_000,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { status: 0, stdout, stderr: '' };
    } catch (error) {
      const failed = error as { status?: number | null; stdout?: string; stderr?: string; message?: string };
      return {
        status: failed.status ?? -1,
        stdout: failed.stdout ?? '',
        stderr: failed.stderr?.trim() || failed.message || 'reg.exe failed',
      };
    }
  };
}

/** A RegistryReader over reg.exe (`run` is injectable so the decision logic is tested anywhere). */
export function regExeRegistry(run?: RunRegExe): RegistryReader {
  let runner = run;
  return (hive, keyPath) => {
    runner ??= runWithExecFile(path.win32.join(windowsSystemDirectory(), 'reg.exe'));
    const fullPath = `${HIVE_NAMES[hive]}\\${keyPath}`;
    // /reg:64: the 64-bit view, whatever the bitness of the process asking.
    const query = runner(['query', `${hive}\\${keyPath}`, '/s', '/reg:64']);
    if (query.status === 0) return { kind: 'found', key: parseRegQueryOutput(query.stdout, fullPath) };
    const probe = runner(['query', ALWAYS_THERE, '/v', 'CurrentBuild', '/reg:64']);
    if (probe.status === 0) return { kind: 'missing' };
    return {
      kind: 'unreadable',
      reason: `reg.exe could not read the registry (${probe.stderr || query.stderr}); if AppLocker, WDAC or "Prevent access to registry editing tools" blocks reg.exe for users, allow it`,
    };
  };
}
