import { readFileSync } from 'node:fs';
import { loadRepoYaml } from '../../unit/deploy/load-yaml';
import { ELECTRON_APP_ENV } from './desktops';
import { prepareElectronApp } from './electron-app';

/**
 * playwright.electron.config.ts: AGENT_DESK_PACKAGED_APP names the packaged app
 * to test; the workers get the prepared copy's executable through the environment.
 */
export default async function electronGlobalSetup(): Promise<void> {
  const path = process.env['AGENT_DESK_PACKAGED_APP'];
  if (!path)
    throw new Error(
      'e2e (Electron): set AGENT_DESK_PACKAGED_APP to the packaged app (dist/win-unpacked, "dist/mac-arm64/Agent Desk.app", dist/linux-unpacked)',
    );
  const { productName } = JSON.parse(readFileSync('package.json', 'utf8')) as { productName: string };
  const linux = loadRepoYaml('electron-builder.yml')['linux'] as { executableName: string };
  process.env[ELECTRON_APP_ENV] = await prepareElectronApp(
    { path, productName, linuxExecutableName: linux.executableName },
    'test-results/electron-app',
  );
}
