import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SSO_USERS, ssoConfig } from '../support/oidc/sso-fixture';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/oidc/test-identity-provider';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen } from './support/screens';

// Issue 18: single sign-on end to end in Chromium through the browser host. The server
// is configured for a real OpenID Provider (oidc-provider on loopback); the desktop core
// sends the agent's browser there (a new tab, as the browser host has no system browser
// of its own), the provider logs the agent in, and its redirect to the core's loopback
// address signs the desk in. The lock screen unlocks the same way, with no password.
test.describe.configure({ mode: 'serial' });

let idp: TestIdentityProvider;
let dir: string;
let desktops: Desktops;
let agent: Page;

test.beforeAll(async ({ desktops: launcher }) => {
  test.setTimeout(180_000);
  idp = await startTestIdentityProvider(SSO_USERS);
  dir = mkdtempSync(join(tmpdir(), 'agent-desk-sso-e2e-'));
  const configFile = join(dir, 'sso.json');
  writeFileSync(configFile, JSON.stringify(ssoConfig(idp)));
  desktops = await launcher.start({
    count: 1,
    demoRows: 20,
    serverEnv: () => ({ AGENT_DESK_SSO_CONFIG: configFile }),
  });
  agent = await desktops.open(0);
});

test.afterAll(async () => {
  await desktops?.close();
  await idp?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The agent at the provider's pages in the tab the desk opened: log in (first time only), consent. */
async function atProvider(tab: Page, login: string | null): Promise<void> {
  if (login) {
    await tab.locator('input[name="login"]').fill(login);
    await tab.locator('input[name="password"]').fill('smart-card-and-pin');
    await tab.locator('button[type="submit"]').click();
  }
  const consent = tab.locator('button[type="submit"]');
  const done = tab.getByText('You can close this browser tab and go back to Agent Desk.');
  await expect(consent.or(done).first()).toBeVisible();
  if (await consent.isVisible()) await consent.click();
  await expect(done).toBeVisible();
}

test('"Sign in with Agency ID" through the provider signs the desk in; the lock screen unlocks through it', async () => {
  test.setTimeout(120_000);
  const button = agent.getByRole('button', { name: 'Sign in with Agency ID' });
  await expect(button).toBeVisible();
  await checkScreen(agent, 'sign-in-sso');
  const opened = agent.waitForEvent('popup');
  await button.click();
  const tab = await opened;
  await expect(agent.getByRole('status')).toHaveText(/^Finish signing in with Agency ID in your browser/);
  await atProvider(tab, 'sub-alice');
  await tab.close();
  await expect(agent.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(agent.getByText('Alice Tier1 (Tier 1)')).toBeVisible();
  await expect(agent.getByTestId('connection-state')).toContainText('Online');

  await agent.getByRole('button', { name: 'Lock screen' }).click();
  await expect(agent.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await expect(agent.getByLabel('Password')).toHaveCount(0);
  await checkScreen(agent, 'lock-sso');
  const again = agent.waitForEvent('popup');
  await agent.getByRole('button', { name: 'Unlock with Agency ID' }).click();
  // Every unlock (the default policy): the provider signs the agent in again (card and PIN).
  const second = await again;
  await atProvider(second, 'sub-alice');
  await second.close();
  await expect(agent.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
