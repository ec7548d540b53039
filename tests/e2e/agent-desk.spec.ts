import type { Page } from '@playwright/test';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen, DEMO, signIn } from './support/screens';

// The agent's day, in order, against one real server and two desktops (two desktop
// cores: Carmen, a Tier 2 agent, and Erin, her team lead) — browser hosts, or the
// packaged Electron app (support/desktops.ts).
test.describe.configure({ mode: 'serial' });

let desktops: Desktops;
let carmen: Page;
/** The caller the inquiry flow creates; later flows find their callback by this name. */
const CALLER = `E2E Caller ${Date.now().toString(36)}`;
/** The customer whose callback Carmen claimed while offline. */
let claimedOffline = '';

test.beforeAll(async ({ desktops: launcher }) => {
  test.setTimeout(180_000);
  desktops = await launcher.start({ count: 2, demoRows: 400 });
  carmen = await desktops.open(0);
});

test.afterAll(async () => {
  await desktops?.close();
});

test('sign in, worklist, shortcuts help — accessible', async () => {
  await expect(carmen.getByRole('heading', { name: 'Sign in to Agent Desk' })).toBeVisible();
  await checkScreen(carmen, 'sign-in');

  await carmen.getByLabel('User name').fill(DEMO.carmen.username);
  await carmen.getByLabel('Password').fill('not-the-password');
  await carmen.getByRole('button', { name: 'Sign in' }).click();
  await expect(carmen.getByRole('alert')).not.toBeEmpty();

  await signIn(carmen, DEMO.carmen);
  await expect(carmen.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await carmen.keyboard.press('3');
  await expect(carmen.getByText(/^\d+ callbacks?$/)).toBeVisible();
  await expect(worklistRows(carmen).first()).toBeVisible();
  await checkScreen(carmen, 'worklist');

  await carmen.keyboard.press('?');
  await expect(carmen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await checkScreen(carmen, 'help-overlay');
  await carmen.keyboard.press('Escape');
  await expect(carmen.getByRole('dialog')).toHaveCount(0);

  // The whole screen in Spanish, from the one catalog.
  await carmen.getByLabel('Screen language').selectOption('es');
  await expect(carmen.getByRole('heading', { name: 'Lista de trabajo' })).toBeVisible();
  await expect(carmen.locator('html')).toHaveAttribute('lang', 'es');
  await checkScreen(carmen, 'worklist-es');
  await carmen.getByLabel('Idioma de la pantalla').selectOption('en');
  await expect(carmen.getByRole('heading', { name: 'Worklist' })).toBeVisible();
});

function worklistRows(page: Page) {
  return page.getByRole('listbox', { name: /Callbacks/ }).getByRole('option');
}

async function findInQueue(page: Page, search: string, scopeKey = '2') {
  await page.getByRole('button', { name: /^Worklist/ }).click();
  await page.keyboard.press(scopeKey);
  await page.getByLabel('Search by name, receipt number or phone').fill(search);
  await expect(page.getByText('1 callback', { exact: true })).toBeVisible();
}

test('complete an inquiry through a script that ends in a Tier 2 escalation', async () => {
  await carmen.keyboard.press('n');
  await expect(carmen.getByRole('heading', { name: 'New inquiry' })).toBeVisible();
  await carmen.getByLabel('Choose a script').selectOption('tier2-escalation');
  await carmen.getByLabel('Stated intent').fill('escalation');
  await carmen.getByLabel('Name', { exact: true }).fill(CALLER);
  await carmen.getByLabel('Phone', { exact: true }).fill('(312) 555-0142');
  await carmen.getByLabel('Preferred language').selectOption('es');
  await carmen.getByLabel('Receipt number from the IVR').fill('eac-22-123-45678');
  await expect(carmen.getByText(/EAC2212345678 — Vermont Service Center/)).toBeVisible();
  await checkScreen(carmen, 'inquiry-start');
  await carmen.getByRole('button', { name: 'Start' }).click();

  // The caller speaks Spanish: the script follows, whatever the screen language.
  await expect(carmen.getByTestId('script-version')).toHaveText(/tier2-escalation, version 1/);
  await carmen.getByLabel('Caso fuera del tiempo de procesamiento').check();
  await checkScreen(carmen, 'inquiry-step');
  await carmen.getByRole('button', { name: /Next/ }).click();
  // IVR context prefilled the receipt question.
  await expect(carmen.getByRole('textbox', { name: /número de recibo/ })).toHaveValue('EAC2212345678');
  await carmen.getByRole('button', { name: /Back/ }).click();
  await expect(carmen.getByLabel('Caso fuera del tiempo de procesamiento')).toBeChecked();
  await carmen.getByRole('button', { name: /Next/ }).click();
  await carmen.getByRole('button', { name: /Next/ }).click();

  await expect(carmen.getByRole('heading', { name: /Outcome: Escalation to Tier 2/ })).toBeVisible();
  await carmen.getByLabel('Why Tier 2 (for the officer who takes it)').fill('Outside processing time');
  await checkScreen(carmen, 'inquiry-outcome');
  await carmen.getByRole('button', { name: 'Complete inquiry' }).click();
  await expect(carmen.getByTestId('inquiry-done')).toBeVisible();
});

test('work a callback through two failed attempts to unable to reach', async () => {
  await findInQueue(carmen, CALLER);
  await expect(worklistRows(carmen).first()).toContainText('Tier 2');
  await carmen.getByRole('listbox', { name: /Callbacks/ }).focus();
  await carmen.keyboard.press('Enter');
  await expect(carmen.getByRole('heading', { name: `Callback: ${CALLER}` })).toBeVisible();

  await carmen.getByRole('button', { name: /^Claim/ }).click();
  await expect(carmen.getByTestId('assignee')).toHaveText('Claimed by me');
  await checkScreen(carmen, 'callback-detail');

  await carmen.getByRole('button', { name: 'Start attempt' }).click();
  await expect(carmen.getByTestId('voicemail-script')).toContainText('202');
  await carmen.getByLabel('No answer — message left').check();
  await checkScreen(carmen, 'callback-attempt');
  await carmen.getByRole('button', { name: 'Record outcome' }).click();
  await expect(carmen.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
  await expect(carmen.getByTestId('attempt-plan')).toContainText('Attempt 2 of 2');
  await expect(carmen.getByTestId('attempt-plan')).toContainText('Second-attempt window');
  // The attempt ends in its wrap-up: after-call work holds the next attempt until it is recorded.
  await expect(carmen.getByTestId('acw-timer')).toContainText('After-call work');
  await expect(carmen.getByRole('button', { name: 'Start attempt' })).toBeDisabled();
  await checkScreen(carmen, 'callback-wrap-up');
  await carmen.getByLabel('Wrap-up code').selectOption({ label: 'No answer: voicemail left' });
  await carmen.getByRole('button', { name: 'Record wrap-up' }).click();
  await expect(carmen.getByTestId('wrap-up-done')).toBeVisible();

  await carmen.getByRole('button', { name: 'Start attempt' }).click();
  await carmen.getByLabel('No answer — no message left').check();
  await carmen.getByRole('button', { name: 'Record outcome' }).click();
  await expect(carmen.getByTestId('attempt-plan')).toHaveAttribute('data-kind', 'unable-to-reach');
  await expect(carmen.getByText('Closed as unable to reach after 2 attempts.')).toBeVisible();
  await expect(carmen.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(2);
  await checkScreen(carmen, 'callback-unable-to-reach');
  await carmen.getByLabel('Wrap-up code').selectOption({ label: 'No answer: no message possible' });
  await carmen.getByRole('button', { name: 'Record wrap-up' }).click();
  await expect(carmen.getByTestId('wrap-up-done')).toBeVisible();
});

test('stop the server, keep working offline, restart it and see the work synced', async () => {
  // Claim an unclaimed callback while online, so the other agent can see it later.
  await carmen.keyboard.press('w');
  await carmen.keyboard.press('2');
  await carmen.getByLabel('Search by name, receipt number or phone').fill('');
  await expect(worklistRows(carmen).first()).toBeVisible();

  await desktops.stack.stopServer();
  await expect(carmen.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline', {
    timeout: 30_000,
  });

  // Offline: claim the top queue callback and request an appointment.
  const first = worklistRows(carmen).first();
  const name = (await first.locator('.wl-name').textContent())?.trim() ?? '';
  expect(name).not.toBe('');
  await carmen.getByRole('listbox', { name: /Callbacks/ }).focus();
  await carmen.keyboard.press('Home');
  await carmen.keyboard.press('c');
  await expect(carmen.getByTestId('pending-count')).not.toHaveAttribute('data-pending', '0');
  claimedOffline = name;

  await carmen.keyboard.press('a');
  await expect(carmen.getByRole('heading', { name: 'Appointment request', level: 1 })).toBeVisible();
  await carmen.getByLabel('Name', { exact: true }).fill(`${CALLER} appointment`);
  await carmen.getByLabel('Phone', { exact: true }).fill('305-555-0123');
  await carmen.getByLabel('Urgent', { exact: true }).check();
  await carmen.getByLabel('Medical emergency').check();
  await carmen
    .getByLabel('What the caller needs the appointment for')
    .fill('Needs an I-551 stamp before surgery abroad.');
  await checkScreen(carmen, 'appointment-offline');
  await carmen.getByRole('button', { name: 'Request appointment' }).click();
  await expect(carmen.getByTestId('appointment-done')).toBeVisible();
  const pending = Number(await carmen.getByTestId('pending-count').getAttribute('data-pending'));
  expect(pending).toBeGreaterThanOrEqual(2);

  await desktops.stack.startServer();
  await expect(carmen.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', {
    timeout: 60_000,
  });
  await expect(carmen.getByTestId('pending-count')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
});

test("a second agent (another desktop) sees the first agent's claim", async () => {
  const erin = await desktops.open(1);
  await signIn(erin, DEMO.erin);
  await erin.keyboard.press('3');
  await erin.getByLabel('Search by name, receipt number or phone').fill(claimedOffline);
  const row = worklistRows(erin).filter({ hasText: 'Claimed by Carmen Tier2' }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
});

test('the lock screen hides the work until the password is given', async () => {
  await carmen.getByRole('button', { name: 'Lock screen' }).click();
  await expect(carmen.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await expect(carmen.getByRole('heading', { name: 'Worklist' })).toHaveCount(0);
  await checkScreen(carmen, 'lock');
  await carmen.getByLabel('Password').fill(DEMO.carmen.password);
  await carmen.getByRole('button', { name: 'Unlock' }).click();
  await expect(carmen.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('take an expedite request', async () => {
  await carmen.keyboard.press('e');
  await expect(carmen.getByRole('heading', { name: 'Expedite request', level: 1 })).toBeVisible();
  await expect(carmen.getByTestId('not-decided-notice')).toContainText('does not decide');
  await carmen.getByLabel('Name', { exact: true }).fill(`${CALLER} expedite`);
  await carmen.getByLabel('Phone', { exact: true }).fill('212-555-0199');
  await carmen.getByLabel('Receipt number', { exact: true }).fill('WAC2290012345');
  await carmen.getByLabel('Urgent humanitarian reasons').check();
  await carmen.getByLabel(/explanation/i).fill('Parent is in hospital abroad; needs travel document.');
  for (const item of [
    'medical records or a letter from a doctor',
    'death certificate',
    'evidence of the urgent travel',
  ]) {
    const group = carmen.getByRole('group', { name: new RegExp(item) });
    await group.getByLabel(item === 'death certificate' ? 'Not available' : 'Will send').check();
  }
  await expect(carmen.getByTestId('expedite-missing')).toBeEmpty();
  await expect(carmen.getByTestId('expedite-read-back')).toContainText('does not decide');
  await expect(carmen.getByRole('button', { name: /approve|deny/i })).toHaveCount(0);
  await checkScreen(carmen, 'expedite');
  await carmen.getByRole('button', { name: 'Record expedite request' }).click();
  await expect(carmen.getByTestId('expedite-done')).toBeVisible();
});
