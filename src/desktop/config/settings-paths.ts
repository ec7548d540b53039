import path from 'node:path';

/**
 * The user's own settings file, in the app's userData folder. IT's settings have
 * no path here: they come from the place each OS reserves for them (managed-source.ts).
 */
export const USER_SETTINGS_FILE_NAME = 'settings.json';

/** `userDataDir` is Electron's app.getPath('userData'), passed in so this file needs no electron. */
export function userSettingsPath(platform: NodeJS.Platform, userDataDir: string): string {
  return (platform === 'win32' ? path.win32 : path.posix).join(userDataDir, USER_SETTINGS_FILE_NAME);
}
