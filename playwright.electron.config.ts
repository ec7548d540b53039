import { defineConfig } from '@playwright/test';
import type { DesktopHost } from './tests/e2e/support/desktops';
import { SHARED_E2E_CONFIG } from './tests/e2e/support/shared-config';

// The end-to-end specs against the PACKAGED app, through Playwright's Electron
// launcher: `AGENT_DESK_PACKAGED_APP=dist/win-unpacked npx playwright test -c playwright.electron.config.ts`
// (dist/mac-arm64/Agent Desk.app, dist/linux-unpacked…). Only where a real Electron
// binary exists — the release pipeline (.github/workflows/release.yml) — never in
// `npm test`, which uses playwright.config.ts. The global setup prepares a copy of
// the app Playwright can drive (electron-app.ts).
export default defineConfig<object, { desktopHost: DesktopHost }>({
  ...SHARED_E2E_CONFIG,
  outputDir: 'test-results/e2e-electron',
  globalSetup: './tests/e2e/support/electron-global-setup.ts',
  // The telephony flow needs the `cti` port, a managed setting (IT's, machine-wide) that a
  // packaged app under test cannot be given per run; the browser host takes it as an option.
  testIgnore: ['**/telephony.spec.ts'],
  use: { desktopHost: 'electron', trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
