import { defineConfig } from '@playwright/test';

// End-to-end: the built renderer in Debian's Chromium, against the browser host
// (src/desktop/host-web) and a real sync server with demo data, each started by the
// tests on free ports with temporary data folders (tests/e2e/support/stack.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // One stack per spec file; the flows share it in order.
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
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
