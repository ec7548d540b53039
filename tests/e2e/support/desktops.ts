import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { startStack, type Stack, type StackOptions } from './stack';

/**
 * The specs' desktops, whichever host runs them: the browser host in Debian's
 * Chromium (playwright.config.ts, every run), or the packaged Electron app through
 * Playwright's Electron launcher (playwright.electron.config.ts, the release
 * pipeline). Each desktop is its own desktop core — one signed-in agent — and
 * `open` hands back its window at the sign-in screen.
 */
export type DesktopHost = 'browser' | 'electron';

export interface Desktops {
  /** The real sync server (stop/start it to test offline work). */
  stack: Stack;
  open(index: number): Promise<Page>;
  close(): Promise<void>;
}

export interface DesktopLauncher {
  start(options: { count: number } & Omit<StackOptions, 'hosts'>): Promise<Desktops>;
}

/** Set by playwright.electron.config.ts's global setup: the packaged app's executable (a copy, see electron-app.ts). */
export const ELECTRON_APP_ENV = 'AGENT_DESK_ELECTRON_APP';

/** The window size the flows and their screenshots are made for. */
const VIEWPORT = { width: 1400, height: 900 };

function browserDesktops(stack: Stack, launch: () => Promise<Browser>): Desktops {
  let browser: Browser | undefined;
  return {
    stack,
    async open(index: number) {
      const url = stack.hostUrls[index];
      if (!url) throw new Error(`e2e: no browser host ${index}`);
      browser ??= await launch();
      const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await browser?.close();
      await stack.close();
    },
  };
}

function electronDesktops(stack: Stack): Desktops {
  const executablePath = process.env[ELECTRON_APP_ENV];
  if (!executablePath)
    throw new Error(`e2e (Electron): ${ELECTRON_APP_ENV} is not set; see playwright.electron.config.ts`);
  const root = mkdtempSync(join(tmpdir(), 'agent-desk-e2e-electron-'));
  const apps: ElectronApplication[] = [];
  return {
    stack,
    async open(index: number) {
      // Each desktop its own user data folder (settings, cache, key, single-instance lock),
      // pointed at the test server through the user's own settings file: the runner is unmanaged.
      const userData = join(root, `desktop-${index}`);
      mkdirSync(userData, { recursive: true });
      writeFileSync(join(userData, 'settings.json'), JSON.stringify({ serverUrl: stack.serverUrl }));
      const app = await _electron.launch({
        executablePath,
        args: [
          `--user-data-dir=${userData}`,
          // CI Linux desktops are not recognised by Chromium: name the keyring (basic_text is refused).
          ...(process.platform === 'linux' ? ['--password-store=gnome-libsecret'] : []),
        ],
      });
      apps.push(app);
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      return page;
    },
    async close() {
      await Promise.all(apps.map((app) => app.close().catch(() => undefined)));
      await stack.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<object, { desktopHost: DesktopHost; desktops: DesktopLauncher }>({
  desktopHost: ['browser', { option: true, scope: 'worker' }],
  desktops: [
    async ({ desktopHost, playwright, launchOptions }, use) => {
      // The `browser` fixture is not used: asking for it would start Chromium in Electron runs too.
      await use({
        async start({ count, ...options }) {
          if (desktopHost === 'electron') return electronDesktops(await startStack({ ...options, hosts: 0 }));
          const stack = await startStack({ ...options, hosts: count });
          return browserDesktops(stack, () => playwright.chromium.launch(launchOptions));
        },
      });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
