import { userInfo } from 'node:os';
import { plutilPlistReader } from './macos-managed-preferences';
import type { ManagedSourcePorts } from './managed-source';
import { readTextFileFromDisk } from './read-text-file';
import { regExeRegistry } from './reg-exe-registry';

/** The real machine: disk, reg.exe, plutil, and the account name from the OS (getpwuid, not $USER). */
export function osManagedSourcePorts(): ManagedSourcePorts {
  let userName = '';
  try {
    userName = userInfo().username;
  } catch {
    // No account entry for this uid: no user-level profile is read; device settings still apply.
  }
  return {
    readFile: readTextFileFromDisk,
    registry: regExeRegistry(),
    readPlist: plutilPlistReader,
    userName,
  };
}
