import type { AppUpdaterPort } from './updater-port';

/**
 * The real electron-updater autoUpdater, loaded lazily: electron-updater requires
 * electron, so nothing a unit test imports may load it at module top level.
 * Only the Electron shell (src/main/index.ts) calls this.
 */
export async function loadAutoUpdater(): Promise<AppUpdaterPort> {
  const mod = await import('electron-updater');
  // CJS interop: the named export or the default's property, depending on the bundler.
  const updater: AppUpdaterPort = mod.autoUpdater ?? mod.default.autoUpdater;
  return updater;
}
