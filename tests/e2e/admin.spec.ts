import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen, signIn } from './support/screens';

// An administrator (Grace) and an agent (Alice), each on their own desktop, against one
// real sync server with demo data: the administration area from the keyboard.
test.describe.configure({ mode: 'serial' });

const GRACE = { username: 'admin.grace', password: 'demo-password-7' };
const ALICE = { username: 'tier1.alice', password: 'demo-password-1' };

let desktops: Desktops;
let grace: Page;
let alice: Page;

test.beforeAll(async ({ desktops: launcher }) => {
  test.setTimeout(180_000);
  desktops = await launcher.start({ count: 2, demoRows: 200 });
  grace = await desktops.open(0);
  alice = await desktops.open(1);
  await signIn(alice, ALICE);
  await grace.getByLabel('User name').fill(GRACE.username);
  await grace.getByLabel('Password').fill(GRACE.password);
  await grace.getByRole('button', { name: 'Sign in' }).click();
});

test.afterAll(async () => {
  await desktops?.close();
});

/** Chooses a reason in the one reason group of `scope`. */
async function chooseReason(scope: ReturnType<Page['locator']>, label: string): Promise<void> {
  await scope.getByRole('group', { name: /^Why/ }).getByLabel('Reason').selectOption({ label });
}

test('an administrator starts in the administration area; the agent screens are not offered', async () => {
  await expect(grace.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  const nav = grace.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button')).toHaveText([/Users/, /Scripts/, /Policy/, /Audit trail/, /Reports/]);
  await expect(grace.getByTestId('user-tier1.alice')).toBeVisible();
  await checkScreen(grace, 'admin-users');
});

test('disabling a signed-in agent signs her desktop out at once; re-enabled, she signs in again', async () => {
  await grace.getByLabel('Name or user name').fill('alice');
  await grace.keyboard.press('Enter');
  await expect(grace.getByText('1 user')).toBeVisible();
  await grace.getByRole('button', { name: 'Manage tier1.alice' }).click();
  const panel = grace.getByRole('region', { name: 'Manage tier1.alice' });
  await chooseReason(panel, 'Security concern');
  await checkScreen(grace, 'admin-user-manage');
  await panel.getByRole('button', { name: 'Disable account' }).click();
  await expect(panel.getByText('tier1.alice was disabled and signed out everywhere.')).toBeVisible();
  // Within 2 s of the administrator's answer (issue 17).
  await expect(alice.getByRole('heading', { name: 'Sign in to Agent Desk' })).toBeVisible({
    timeout: 2_000,
  });

  await grace.getByRole('button', { name: 'Manage tier1.alice' }).click();
  const again = grace.getByRole('region', { name: 'Manage tier1.alice' });
  await chooseReason(again, 'Returned');
  await again.getByRole('button', { name: 'Re-enable account' }).click();
  await expect(again.getByText('tier1.alice was re-enabled.')).toBeVisible();
  await signIn(alice, ALICE);
});

test('a new script version: findings and the diff before publishing; the agent’s desktop offers it and a new form uses it', async () => {
  await grace.keyboard.press('k');
  await expect(grace.getByRole('heading', { name: 'Inquiry scripts', level: 1 })).toBeVisible();
  const script = JSON.parse(readFileSync('resources/scripts/case-status.v1.json', 'utf8')) as {
    version: number;
    title: { en: string; es: string };
  };
  const next = {
    ...script,
    version: script.version + 1,
    title: { ...script.title, en: 'Case status (2nd edition)' },
  };
  const upload = grace.getByRole('region', { name: 'Upload a new version' });
  await upload.getByLabel('Or paste the script document').fill(JSON.stringify(next, null, 2));
  await upload.getByRole('button', { name: 'Check' }).click();
  await expect(upload.getByText(/^No findings/)).toBeVisible();
  await expect(upload.getByText('0 added, 0 removed, 2 changed')).toBeVisible();
  await chooseReason(upload, 'Script update');
  await checkScreen(grace, 'admin-scripts-check');
  await upload.getByRole('button', { name: 'Publish' }).click();
  await expect(upload.getByText(/^case-status@2 was published/)).toBeVisible();
  await expect(grace.getByTestId('script-case-status@2')).toContainText('Offered for new forms');

  await alice.keyboard.press('n');
  await expect(alice.getByLabel('Choose a script')).toContainText('Case status (2nd edition) (v2)', {
    timeout: 15_000,
  });
  // …and a new form uses it.
  await alice.getByLabel('Choose a script').selectOption('case-status');
  await alice.getByLabel('Stated intent').fill('case status');
  await alice.getByLabel('Name', { exact: true }).fill('Rosa Script');
  await alice.getByLabel('Phone', { exact: true }).fill('(312) 555-0177');
  await alice.getByRole('button', { name: 'Start' }).click();
  await expect(alice.getByTestId('script-version')).toHaveText(/case-status, version 2/);
});

test('a policy number with its validation, a preview, and its effect on a new callback’s due time', async () => {
  await grace.keyboard.press('p');
  await expect(grace.getByRole('heading', { name: 'Policy', level: 1 })).toBeVisible();
  const hours = grace.getByLabel(/^sla\.urgentDueHours/);
  await hours.fill('-4');
  await expect(grace.getByText('1 value is not valid.', { exact: false })).toBeVisible();
  await expect(grace.getByRole('button', { name: 'Preview' })).toBeDisabled();
  await hours.fill('48');
  await grace.getByRole('button', { name: 'Preview' }).click();
  const preview = grace.getByTestId('policy-preview');
  await expect(preview.getByRole('row', { name: /sla\.urgentDueHours 72 48/ })).toBeVisible();
  const due = preview.getByTestId('preview-due-urgent');
  const [inForce, proposed] = await due.locator('td').allTextContents();
  expect(proposed).not.toBe(inForce);
  await chooseReason(grace.locator('main'), 'Policy update');
  await checkScreen(grace, 'admin-policy-preview');
  await grace.getByRole('button', { name: 'Publish policy' }).click();
  await expect(grace.locator('#main').getByText(/^The policy was published/)).toBeVisible();
  await expect(grace.getByText(/^In force since/)).toBeVisible();

  // Alice finishes the case-status form she started above: an urgent callback, created
  // after the publish, is due 48 hours after it was created (the old policy: 72).
  await alice.getByRole('button', { name: /Next/ }).click();
  await alice.getByRole('main').getByRole('textbox').first().fill('EAC2212345678');
  await alice.getByRole('button', { name: /Next/ }).click();
  await alice.getByLabel('Yes', { exact: true }).check();
  await alice.getByRole('button', { name: /Next/ }).click();
  await alice.getByLabel('Something Tier 1 cannot answer now').check();
  await alice.getByRole('button', { name: /Next/ }).click();
  await alice.getByLabel('Yes', { exact: true }).check();
  await alice.getByRole('button', { name: /Next/ }).click();
  await expect(alice.getByRole('heading', { name: /Outcome: .*\(Urgent\)/ })).toBeVisible();
  await alice.getByRole('button', { name: 'Complete inquiry' }).click();
  await expect(alice.getByTestId('reference-callback')).toBeVisible();
  await alice.getByRole('button', { name: 'Open the customer record' }).click();
  await expect(alice.getByRole('heading', { name: 'Customer: Rosa Script' })).toBeVisible();
  const timeline = alice.getByTestId('timeline');
  await timeline.locator('li[data-kind="callback"] summary').click();
  await timeline.locator('li[data-kind="callback"]').getByRole('button', { name: 'Open' }).click();
  await expect(alice.getByRole('heading', { name: 'Callback: Rosa Script' })).toBeVisible();
  const created = await fact(alice, 'Created');
  const dueText = await fact(alice, 'Due');
  expect(minutesBetween(created, dueText)).toBe(48 * 60);
  await checkScreen(alice, 'callback-after-policy');
});

/** The text of one fact (a `dt`/`dd` pair) on the callback screen. */
async function fact(page: Page, term: string): Promise<string> {
  const text = await page
    .locator('dt', { hasText: new RegExp(`^${term}$`) })
    .locator('+ dd')
    .textContent();
  return text ?? '';
}

/** US zones as the app abbreviates them (the policy's callback-hours zone), in hours from UTC. */
const ZONE_OFFSET: Record<string, number> = {
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Minutes from one shown instant ("Fri, Dec 4, 4:21 PM EST") to a later one, at most a year apart. */
function minutesBetween(from: string, to: string): number {
  const parse = (text: string, year: number) => {
    const m = /(\w{3}) (\d{1,2}), (\d{1,2}):(\d{2}) (AM|PM) ([A-Z]{3})/.exec(text);
    if (!m) throw new Error(`not an instant as the app shows it: ${text}`);
    const [, month = '', day, hour, minute, half, zone = ''] = m;
    const offset = ZONE_OFFSET[zone];
    if (offset === undefined) throw new Error(`unknown zone ${zone}`);
    const h = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
    return Date.UTC(year, MONTHS.indexOf(month), Number(day), h - offset, Number(minute));
  };
  const start = parse(from, 2000);
  let end = parse(to, 2000);
  if (end < start) end = parse(to, 2001);
  return (end - start) / 60_000;
}

test('the audit trail: search by action, export CSV; the search itself is audited', async () => {
  await grace.keyboard.press('t');
  await expect(grace.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await grace.getByLabel(/^Action/).fill('admin.');
  await grace.getByRole('button', { name: 'Search', exact: true }).click();
  const rows = grace.getByTestId('audit-row');
  await expect(rows.filter({ hasText: 'admin.user.disable' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'admin.policy.publish' })).toHaveCount(1);
  await checkScreen(grace, 'admin-audit');
  const download = grace.waitForEvent('download');
  await grace.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^agent-desk-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  await grace.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(rows.filter({ hasText: 'admin.audit.search' }).first()).toBeVisible();
});

test('a new user signs in with the one-time password and must choose their own first', async () => {
  await grace.keyboard.press('u');
  await grace.getByRole('button', { name: 'New user…' }).click();
  const form = grace.getByRole('region', { name: 'New user' });
  await form.getByLabel('User name').fill('tier1.newhire');
  await form.getByLabel('Display name').fill('Nina Newhire');
  await form.getByLabel('Team').fill('alpha');
  await form.getByRole('button', { name: 'Create user' }).click();
  const oneTime = (await form.getByTestId('one-time-password').textContent())?.trim() ?? '';
  expect(oneTime.length).toBeGreaterThanOrEqual(12);
  await checkScreen(grace, 'admin-user-created');

  await alice.getByRole('button', { name: 'Sign out' }).click();
  await alice.getByLabel('User name').fill('tier1.newhire');
  await alice.getByLabel('Password', { exact: true }).fill(oneTime);
  await alice.getByRole('button', { name: 'Sign in' }).click();
  await expect(alice.getByText('Choose your own password now', { exact: false })).toBeVisible();
  await alice.getByLabel('New password (at least 12 characters)').fill('nina-own-password-42');
  await alice.getByLabel('New password again').fill('nina-own-password-42');
  await checkScreen(alice, 'sign-in-change-password');
  await alice.getByRole('button', { name: 'Change password and sign in' }).click();
  await expect(alice.getByRole('banner').getByText('Nina Newhire (Tier 1)')).toBeVisible();
});
