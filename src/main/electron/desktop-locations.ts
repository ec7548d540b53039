import path from 'node:path';

/**
 * Where the desktop keeps what: settings roam with the user, data that is big,
 * machine-bound or needs a local disk does not.
 *
 * Windows: the local cache (SQLite in WAL mode, which needs shared memory on a
 * local disk and breaks on the network shares roaming profiles and folder
 * redirection put %APPDATA% on), its sealed key (DPAPI-sealed for this machine's
 * profile), the logs and Chromium's own session data go to %LOCALAPPDATA%\Agent Desk.
 * The user's settings.json stays in %APPDATA%\Agent Desk (Electron's userData) and roams.
 * macOS and Linux have no roaming profiles: everything under userData.
 *
 * `--user-data-dir=<absolute folder>` puts everything under that folder (a second
 * desktop on one machine: the end-to-end tests run two agents side by side). It
 * moves only the user's own data; IT's settings come from the OS (managed-source.ts).
 */

export interface DesktopLocations {
  /** Electron's userData (settings.json; the single-instance lock is taken per userData). */
  userData: string;
  cacheDir: string;
  logsDir: string;
  /** Electron's sessionData: Chromium's caches and storage. */
  sessionData: string;
}

export interface LocationInputs {
  platform: NodeJS.Platform;
  /** app.getPath('userData') as Electron computes it. */
  defaultUserData: string;
  /** Windows %LOCALAPPDATA%\<product> folder (app-locations resolves it). */
  localAppData: string | null;
  /** From --user-data-dir, already checked to be absolute. */
  userDataOverride: string | null;
}

export function desktopLocations(inputs: LocationInputs): DesktopLocations {
  const join = inputs.platform === 'win32' ? path.win32.join : path.posix.join;
  if (inputs.userDataOverride !== null) {
    const root = inputs.userDataOverride;
    return { userData: root, cacheDir: join(root, 'cache'), logsDir: join(root, 'logs'), sessionData: root };
  }
  const local = inputs.platform === 'win32' && inputs.localAppData !== null ? inputs.localAppData : null;
  const dataRoot = local ?? inputs.defaultUserData;
  return {
    userData: inputs.defaultUserData,
    cacheDir: join(dataRoot, 'cache'),
    logsDir: join(dataRoot, 'logs'),
    sessionData: local === null ? inputs.defaultUserData : join(local, 'session'),
  };
}

/** `--user-data-dir=<dir>` or `--user-data-dir <dir>`; only an absolute path counts. */
export function userDataDirArgument(argv: readonly string[], platform: NodeJS.Platform): string | null {
  const isAbsolute = platform === 'win32' ? path.win32.isAbsolute : path.posix.isAbsolute;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg.startsWith('--user-data-dir=')
      ? arg.slice('--user-data-dir='.length)
      : arg === '--user-data-dir'
        ? argv[i + 1]
        : undefined;
    if (value !== undefined) return value !== '' && isAbsolute(value) ? value : null;
  }
  return null;
}
