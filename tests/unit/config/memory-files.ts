import type { ManagedSourcePorts } from '../../../src/desktop/config/managed-source';
import type { PlistRead } from '../../../src/desktop/config/macos-managed-preferences';
import type { ReadTextFile } from '../../../src/desktop/config/read-text-file';
import type { RegistryRead } from '../../../src/desktop/config/windows-policies';

/** A ReadTextFile over an in-memory map: path → text (or an Error to simulate an unreadable file). */
export function memoryFiles(files: Record<string, string | Error>): ReadTextFile {
  return (filePath) => {
    const entry = files[filePath];
    if (entry === undefined) return { kind: 'missing' };
    if (entry instanceof Error) return { kind: 'unreadable', reason: entry.message };
    return { kind: 'found', text: entry };
  };
}

/**
 * The machine's places for IT's settings, in memory: files, registry keys
 * (`HKLM\\path` → contents) and managed preference files (path → plist value).
 * Whatever a test leaves out is absent, as on a machine nobody manages.
 */
export function machinePorts(
  parts: {
    readFile?: ReadTextFile;
    registry?: Record<string, RegistryRead>;
    plists?: Record<string, PlistRead>;
    userName?: string;
  } = {},
): ManagedSourcePorts {
  return {
    readFile: parts.readFile ?? memoryFiles({}),
    registry: (hive, path) => parts.registry?.[`${hive}\\${path}`] ?? { kind: 'missing' },
    readPlist: (file) => parts.plists?.[file] ?? { kind: 'missing' },
    userName: parts.userName ?? 'agent',
  };
}
