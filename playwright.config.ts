import { defineConfig } from '@playwright/test';
import type { DesktopHost } from './tests/e2e/support/desktops';
import { SHARED_E2E_CONFIG } from './tests/e2e/support/shared-config';

// End-to-end: the built renderer in Debian's Chromium, against the browser host
// (src/desktop/host-web) and a real sync server with demo data, each started by the
// tests on free ports with temporary data folders (tests/e2e/support/stack.ts).
// The same specs run against the packaged Electron app with playwright.electron.config.ts
// (release pipeline only; tests/e2e/support/desktops.ts picks the host).
export default defineConfig<object, { desktopHost: DesktopHost }>({
  ...SHARED_E2E_CONFIG,
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  use: {
    desktopHost: 'browser',
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
