import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { englishIn, whatTheAgentSees } from '../../support/i18n/english-on-a-spanish-screen';

/** Where each screen's screenshot is kept (a CI artifact). */
export const SCREENSHOT_DIR = 'test-results/screens';

/**
 * axe (WCAG 2 A/AA rules) must find nothing, and a screen in Spanish no English
 * (`expectNoEnglish`); then keep a screenshot of the screen.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === 'es') await expectNoEnglish(page, name);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on the ${name} screen`).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** A screen in Spanish shows no English (tests/support/i18n/english-on-a-spanish-screen.ts). */
export async function expectNoEnglish(page: Page, name: string): Promise<void> {
  expect(englishIn(await page.evaluate(whatTheAgentSees)), `English on the Spanish ${name} screen`).toEqual(
    [],
  );
}

export const DEMO = {
  alice: { username: 'tier1.alice', password: 'demo-password-1', name: 'Alice Tier1' },
  carmen: { username: 'tier2.carmen', password: 'demo-password-3', name: 'Carmen Tier2' },
  erin: { username: 'lead.erin', password: 'demo-password-5', name: 'Erin Lead' },
};

/** Signs in on a desktop showing its sign-in screen (desktops.ts opens them there). */
export async function signIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByLabel('User name').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Worklist' })).toBeVisible();
}
