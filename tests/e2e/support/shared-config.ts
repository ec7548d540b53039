import type { PlaywrightTestConfig } from '@playwright/test';

/**
 * What both end-to-end configurations share (paths are relative to the config
 * file, both at the repository root): the same specs, one stack per spec file,
 * the flows in order.
 */
export const SHARED_E2E_CONFIG = {
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
} satisfies PlaywrightTestConfig;
