import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What kind of install this is, as far as updating it goes. electron-updater can
 * replace an NSIS install on Windows, an app bundle on macOS (Squirrel.Mac, from
 * the zip) and an AppImage on Linux — and only without asking for an
 * administrator if this user can write where the app lives. An MSI or a deb it
 * cannot replace at all; a per-machine NSIS install or a root-owned bundle from
 * the PKG it can replace only with elevation, which agents do not have.
 */

export type InstallKind = 'nsis' | 'windows-other' | 'mac-bundle' | 'appimage' | 'linux-package';

export interface InstallFacts {
  isPackaged: boolean;
  kind: InstallKind;
  /** The build carries resources/app-update.yml (electron-updater cannot work without it). */
  hasBuiltInFeed: boolean;
  /** This user can replace the installed files without elevation. */
  replaceableWithoutElevation: boolean;
  /** Where the app lives (for the log line that says why it does or does not update). */
  location: string;
}

export interface InstallInputs {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** process.execPath */
  execPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
  productName: string;
  /** process.env.APPIMAGE: set by the AppImage runtime to the .AppImage file. */
  appImage: string | undefined;
}

export interface InstallProbe {
  exists(file: string): boolean;
  /** Whether this user may create files in `dir` (tried, not guessed from mode bits). */
  canWriteDir(dir: string): boolean;
  canWriteFile(file: string): boolean;
}

export function detectInstall(inputs: InstallInputs, probe: InstallProbe): InstallFacts {
  const p = inputs.platform === 'win32' ? path.win32 : path.posix;
  const hasBuiltInFeed = probe.exists(p.join(inputs.resourcesPath, 'app-update.yml'));
  const base = { isPackaged: inputs.isPackaged, hasBuiltInFeed };
  if (inputs.platform === 'win32') {
    const dir = p.dirname(inputs.execPath);
    // The NSIS installer leaves its uninstaller beside the app; the MSI does not.
    const nsis = probe.exists(p.join(dir, `Uninstall ${inputs.productName}.exe`));
    return {
      ...base,
      kind: nsis ? 'nsis' : 'windows-other',
      replaceableWithoutElevation: probe.canWriteDir(dir),
      location: dir,
    };
  }
  if (inputs.platform === 'darwin') {
    const end = inputs.execPath.indexOf('.app/');
    const bundle = end >= 0 ? inputs.execPath.slice(0, end + '.app'.length) : p.dirname(inputs.execPath);
    return {
      ...base,
      kind: 'mac-bundle',
      // Squirrel.Mac swaps the whole bundle: it must write the bundle and the folder it sits in.
      replaceableWithoutElevation: probe.canWriteDir(bundle) && probe.canWriteDir(p.dirname(bundle)),
      location: bundle,
    };
  }
  if (inputs.appImage) {
    return {
      ...base,
      kind: 'appimage',
      replaceableWithoutElevation:
        probe.canWriteFile(inputs.appImage) && probe.canWriteDir(p.dirname(inputs.appImage)),
      location: inputs.appImage,
    };
  }
  return {
    ...base,
    kind: 'linux-package',
    replaceableWithoutElevation: false,
    location: p.dirname(inputs.execPath),
  };
}

/**
 * The real disk. Windows' access() only reads the read-only flag, not the folder's
 * permissions, so writability is tried with a throwaway file.
 */
export const diskInstallProbe: InstallProbe = {
  exists: existsSync,
  canWriteDir(dir) {
    const probe = path.join(dir, `.agent-desk-write-probe-${randomBytes(6).toString('hex')}`);
    try {
      writeFileSync(probe, '', { flag: 'wx' });
      rmSync(probe, { force: true });
      return true;
    } catch {
      return false;
    }
  },
  canWriteFile(file) {
    try {
      accessSync(file, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
};
