import path from 'node:path';

/**
 * Where the settings files live. The managed file is machine-wide and writable
 * only by administrators (IT pushes it with GPO/Intune, Jamf or config
 * management); the user file sits in the app's userData folder.
 *
 * There is deliberately no environment variable that moves the managed file: a
 * user could set it and escape the settings IT pushed.
 */

export const MANAGED_SETTINGS_FILE_NAME = 'managed-settings.json';
export const USER_SETTINGS_FILE_NAME = 'settings.json';

type Env = Readonly<Record<string, string | undefined>>;

/** %ProgramData% as Windows sets it; a copy of env from elsewhere may spell it in any case. */
function programDataDir(env: Env): string {
  for (const [key, value] of Object.entries(env)) {
    if (key.toLowerCase() === 'programdata' && value) return value;
  }
  return 'C:\\ProgramData';
}

export function managedSettingsPath(platform: NodeJS.Platform, env: Env): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(programDataDir(env), 'AgentDesk', MANAGED_SETTINGS_FILE_NAME);
    case 'darwin':
      return path.posix.join('/Library/Application Support/AgentDesk', MANAGED_SETTINGS_FILE_NAME);
    default:
      // Linux and other Unix-likes (developer builds): the usual /etc convention.
      return path.posix.join('/etc/agent-desk', MANAGED_SETTINGS_FILE_NAME);
  }
}

/** `userDataDir` is Electron's app.getPath('userData'), passed in so this file needs no electron. */
export function userSettingsPath(platform: NodeJS.Platform, userDataDir: string): string {
  return (platform === 'win32' ? path.win32 : path.posix).join(userDataDir, USER_SETTINGS_FILE_NAME);
}
