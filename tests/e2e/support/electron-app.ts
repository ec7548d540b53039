import { cpSync, existsSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Playwright's Electron launcher drives the app through Node's inspector
 * (`--inspect=0`), which the shipped app's EnableNodeCliInspectArguments fuse
 * switches off. So the tests run a COPY of the packaged app with that one fuse
 * on — every other byte, fuse and the app.asar as packaged. On macOS the copy is
 * re-signed ad hoc (changing a fuse breaks the signature). Installers are never
 * made from the copy.
 */

export interface PackagedApp {
  /** dist/win-unpacked, dist/linux-unpacked or dist/mac*\/<product>.app as electron-builder left them. */
  path: string;
  productName: string;
  /** electron-builder.yml's linux.executableName. */
  linuxExecutableName: string;
}

export function executableIn(appPath: string, platform: NodeJS.Platform, app: PackagedApp): string {
  if (platform === 'darwin') return join(appPath, 'Contents', 'MacOS', app.productName);
  if (platform === 'win32') return join(appPath, `${app.productName}.exe`);
  return join(appPath, app.linuxExecutableName);
}

/** Copies the packaged app into `workDir`, turns the inspector fuse on, returns the copy's executable. */
export async function prepareElectronApp(app: PackagedApp, workDir: string): Promise<string> {
  const source = resolve(app.path);
  if (!existsSync(executableIn(source, process.platform, app)))
    throw new Error(`e2e (Electron): no packaged app at ${source} (run scripts/release/dist.ts first)`);
  const copy = join(resolve(workDir), basename(source));
  rmSync(copy, { recursive: true, force: true });
  // verbatimSymlinks: a macOS bundle's frameworks are symlinks that must stay relative.
  cpSync(source, copy, { recursive: true, verbatimSymlinks: true });
  const executable = executableIn(copy, process.platform, app);
  await flipFuses(executable, {
    version: FuseVersion.V1,
    [FuseV1Options.EnableNodeCliInspectArguments]: true,
    resetAdHocDarwinSignature: process.platform === 'darwin',
  });
  return executable;
}
