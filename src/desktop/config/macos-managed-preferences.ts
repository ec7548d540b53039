import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { APP_ID, MANAGED_PREFERENCES_DIR } from './app-identity';
import type { ManagedLayer, ManagedRead } from './managed-source';

/**
 * macOS: the keys of configuration profiles (MDM, Jamf "Application & Custom
 * Settings", or a profile installed by hand) for the domain gov.contactcenter.agentdesk.
 *
 * macOS's managed client writes them, root-owned, to /Library/Managed Preferences:
 * `<domain>.plist` for device profiles and `<user>/<domain>.plist` for user profiles.
 * The user-defaults system (CFPreferences, `defaults read`) serves those keys as
 * "forced" values on top of the user's own — but it also serves what a user writes
 * with `defaults write gov.contactcenter.agentdesk …`, and Electron cannot ask
 * whether a value is forced. So Agent Desk reads the two managed files itself,
 * which holds exactly the forced values and nothing a user can write. The device
 * profile wins per setting.
 *
 * Profile bookkeeping keys (PayloadUUID, PayloadType…) are not settings and are skipped.
 */

export type PlistRead =
  { kind: 'missing' } | { kind: 'found'; value: unknown } | { kind: 'unreadable'; reason: string };

/** Reads a property list as JSON values (a port: plutilPlistReader on macOS, a map in tests). */
export type PlistReader = (file: string) => PlistRead;

export function managedPreferenceFiles(userName: string): { device: string; user: string | null } {
  // An account name never holds a slash; refuse one that does rather than read another folder.
  const safeUser = userName !== '' && !/[/\0]/.test(userName) && userName !== '.' && userName !== '..';
  return {
    device: path.posix.join(MANAGED_PREFERENCES_DIR, `${APP_ID}.plist`),
    user: safeUser ? path.posix.join(MANAGED_PREFERENCES_DIR, userName, `${APP_ID}.plist`) : null,
  };
}

function withoutPayloadKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('Payload')));
}

export function readMacManagedPreferences(readPlist: PlistReader, userName: string): ManagedRead {
  const files = managedPreferenceFiles(userName);
  const layers: ManagedLayer[] = [];
  for (const file of [files.device, files.user]) {
    if (file === null) continue;
    const read = readPlist(file);
    if (read.kind === 'unreadable')
      return { ok: false, origin: file, problem: 'unreadable', reason: read.reason };
    if (read.kind === 'found') layers.push({ origin: file, value: withoutPayloadKeys(read.value) });
  }
  return { ok: true, layers };
}

/** plutil ships with macOS under SIP-protected /usr/bin: called by absolute path, never through PATH. */
const PLUTIL = '/usr/bin/plutil';

export const plutilPlistReader: PlistReader = (file) => {
  if (!existsSync(file)) return { kind: 'missing' };
  try {
    const json = execFileSync(PLUTIL, ['-convert', 'json', '-o', '-', file], {
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { kind: 'found', value: JSON.parse(json) };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return { kind: 'unreadable', reason: stderr || (error instanceof Error ? error.message : String(error)) };
  }
};
