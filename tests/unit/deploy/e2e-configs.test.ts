import { describe, expect, it } from 'vitest';
import browserConfig from '../../../playwright.config';
import electronConfig from '../../../playwright.electron.config';
import { readRepoFile } from './load-yaml';

/**
 * One set of specs, two hosts. `npm test` runs `playwright test`, which reads
 * playwright.config.ts only; the Electron configuration is for the release
 * pipeline, where a packaged app exists.
 */
describe('end-to-end configurations', () => {
  it('npm test runs the browser host in Debian’s Chromium', async () => {
    expect(JSON.parse(JSON.stringify(browserConfig.use))).toMatchObject({
      desktopHost: 'browser',
      launchOptions: { executablePath: '/usr/bin/chromium' },
    });
    const { scripts } = JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> };
    expect(scripts['test:e2e']).toBe('playwright test');
  });

  it('the Electron configuration runs the same specs through the packaged app', () => {
    expect(electronConfig.use).toMatchObject({ desktopHost: 'electron' });
    expect(electronConfig.use).not.toHaveProperty('launchOptions');
    for (const key of ['testDir', 'testMatch', 'workers', 'timeout'] as const)
      expect(electronConfig[key]).toEqual(browserConfig[key]);
    expect(electronConfig.globalSetup).toBe('./tests/e2e/support/electron-global-setup.ts');
    expect(electronConfig.outputDir).not.toBe(browserConfig.outputDir);
  });
});
