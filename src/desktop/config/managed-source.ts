import { LINUX_MANAGED_SETTINGS_FILE } from './app-identity';
import { readMacManagedPreferences, type PlistReader } from './macos-managed-preferences';
import { parseJsonText, type ReadTextFile } from './read-text-file';
import { readWindowsPolicies, type RegistryReader } from './windows-policies';

/**
 * Where IT's settings for this machine come from: the place each operating system
 * reserves for it, which users cannot write and no environment variable can move
 * (an earlier version found the Windows file through %ProgramData%, which any user
 * could point at an empty folder to run "unmanaged").
 *
 * - Windows: policies under HKLM, then HKCU, `SOFTWARE\Policies\ContactCenter\Agent Desk`
 *   (Group Policy and Intune write there with the generated ADMX; users can only read them).
 * - macOS: the keys of configuration profiles for the app's domain, in
 *   /Library/Managed Preferences (device profile), then /Library/Managed Preferences/<user>.
 * - Linux: /etc/agent-desk/managed-settings.json.
 *
 * Each place found is one layer; resolve-settings validates every layer and lets the
 * stronger one (machine before user) win per setting.
 */

export interface ManagedLayer {
  /** Named on the error screen: a registry key, a managed preferences file, a JSON file. */
  origin: string;
  /** Read but not validated yet. */
  value: unknown;
}

export type ManagedRead =
  /** Strongest first. No layers: nothing is managed (a developer's machine). */
  | { ok: true; layers: readonly ManagedLayer[] }
  | { ok: false; origin: string; problem: 'unreadable' | 'invalid'; reason: string };

export interface ManagedSourcePorts {
  readFile: ReadTextFile;
  registry: RegistryReader;
  readPlist: PlistReader;
  /** The account name from the OS's account database (never an environment variable). */
  userName: string;
}

/** A JSON file as the single, machine-wide layer (Linux). A missing file: unmanaged. */
export function readManagedJsonFile(file: string, readFile: ReadTextFile): ManagedRead {
  const read = readFile(file);
  if (read.kind === 'missing') return { ok: true, layers: [] };
  if (read.kind === 'unreadable')
    return { ok: false, origin: file, problem: 'unreadable', reason: read.reason };
  const json = parseJsonText(read.text);
  if (!json.ok) return { ok: false, origin: file, problem: 'invalid', reason: json.error.message };
  return { ok: true, layers: [{ origin: file, value: json.value }] };
}

export function readManagedSettings(platform: NodeJS.Platform, ports: ManagedSourcePorts): ManagedRead {
  switch (platform) {
    case 'win32':
      return readWindowsPolicies(ports.registry);
    case 'darwin':
      return readMacManagedPreferences(ports.readPlist, ports.userName);
    default:
      return readManagedJsonFile(LINUX_MANAGED_SETTINGS_FILE, ports.readFile);
  }
}
