import { POLICY_REGISTRY_PATH } from './app-identity';
import type { ManagedLayer, ManagedRead } from './managed-source';
import { MANAGED_SETTING_KEYS } from './settings-schema';

/**
 * Windows: Agent Desk's policies in the registry, as Group Policy (with the ADMX
 * from resources/managed-settings/windows) or Intune (ADMX ingestion, or a
 * script/configuration profile writing the same values) set them.
 *
 * Both hives are read: HKLM (Computer Configuration) and HKCU (User Configuration).
 * Users can read but not write `SOFTWARE\Policies` in either hive, which is why
 * Windows keeps policies there. HKLM wins per setting.
 *
 * Registry shapes: text and choices are REG_SZ, numbers REG_DWORD, the list of
 * settings users may change is a subkey `userOverridable` holding REG_SZ values
 * named 1, 2, 3… (what an ADMX `list` element writes). Value names match the
 * settings' names, without regard to case (the registry ignores it too).
 */

export type RegistryHive = 'HKLM' | 'HKCU';

export interface RegistryValue {
  name: string;
  /** REG_SZ, REG_DWORD, … as reg.exe prints it. */
  type: string;
  data: string | number | readonly string[];
}

export interface RegistryKey {
  values: readonly RegistryValue[];
  /** Subkeys by their path below the key (`userOverridable`). */
  subkeys: Readonly<Record<string, readonly RegistryValue[]>>;
}

export type RegistryRead =
  { kind: 'missing' } | { kind: 'found'; key: RegistryKey } | { kind: 'unreadable'; reason: string };

/** Reads one key and its subkeys (a port: reg-exe-registry.ts on Windows, a map in tests). */
export type RegistryReader = (hive: RegistryHive, path: string) => RegistryRead;

/** Machine first: it wins. */
const HIVES: readonly RegistryHive[] = ['HKLM', 'HKCU'];

function canonicalName(name: string): string {
  return MANAGED_SETTING_KEYS.find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
}

/** 1, 2, 10 in number order (an ADMX list's value names), anything else after them by name. */
function listOrder(a: RegistryValue, b: RegistryValue): number {
  const [x, y] = [Number(a.name), Number(b.name)];
  if (Number.isInteger(x) && Number.isInteger(y)) return x - y;
  if (Number.isInteger(x) !== Number.isInteger(y)) return Number.isInteger(x) ? -1 : 1;
  return a.name.localeCompare(b.name);
}

/** Registry values → the settings object the schema validates (unknown names are kept, so they are reported). */
export function registryKeyToSettings(key: RegistryKey): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const value of key.values) settings[canonicalName(value.name)] = value.data;
  for (const [name, values] of Object.entries(key.subkeys)) {
    settings[canonicalName(name)] = [...values].sort(listOrder).map((v) => v.data);
  }
  return settings;
}

export function readWindowsPolicies(registry: RegistryReader): ManagedRead {
  const layers: ManagedLayer[] = [];
  for (const hive of HIVES) {
    const origin = `${hive}\\${POLICY_REGISTRY_PATH}`;
    const read = registry(hive, POLICY_REGISTRY_PATH);
    if (read.kind === 'unreadable') return { ok: false, origin, problem: 'unreadable', reason: read.reason };
    if (read.kind === 'found') layers.push({ origin, value: registryKeyToSettings(read.key) });
  }
  return { ok: true, layers };
}
