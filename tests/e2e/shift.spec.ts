import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_POLICY, HOUR_MS } from '../../src/shared/domain/policy';
import type { RowWrite } from '../../src/shared/sync/mutator';
import { callbackRow, customerRow, inquiryRow } from '../fixtures/rows';
import { expect, test, type Desktops } from './support/desktops';
import { advanceClock, setClockTo } from './support/file-clock';
import { checkScreen, DEMO, signIn } from './support/screens';

// Issue 13 item 8: a Tier 1 agent's day against the real server, on a clock the test
// moves (the server and the desktop core read it; production reads the system clock),
// with the real policy — callback hours 07:00–18:30 Eastern, customers called
// 08:00–21:00 their time, the 15-minute idle lock. Then her lead's board across a
// server restart. A screenshot of each step is kept in test-results/screens/shift-*.
test.describe.configure({ mode: 'serial' });

/** Tuesday 8 December 2026, 07:30 in New York: callback hours are open, the customers' 08:00 is not. */
const T0 = Date.parse('2026-12-08T12:30:00Z');
const PEOPLE = [
  { id: 'shift-1', name: 'Nora Early Shift', phone: '+12125550171' },
  { id: 'shift-2', name: 'Omar Break Shift', phone: '+12125550172' },
  { id: 'shift-3', name: 'Pia Late Shift', phone: '+13055550173' },
] as const;

/** Three urgent Tier 1 callbacks for Alice's team, in the team queue, their customers in New York. */
function shiftFixture(): RowWrite[] {
  return PEOPLE.flatMap((p, i): RowWrite[] => {
    const createdAt = T0 - (3 - i) * HOUR_MS;
    return [
      {
        table: 'customers',
        row: customerRow({
          id: `cu-${p.id}`,
          name: p.name,
          phones: [{ label: 'mobile', e164: p.phone, ext: null, bestTime: null }],
        }),
      },
      {
        table: 'inquiries',
        row: inquiryRow({
          id: `in-${p.id}`,
          customerId: `cu-${p.id}`,
          receiptNumber: `EAC22900000${i}1`,
          topic: 'Case status outside normal processing time',
          urgency: 'urgent',
          createdAt,
          createdBy: 'u-tier1-bob',
        }),
      },
      {
        table: 'callbacks',
        row: callbackRow({
          id: `cb-${p.id}`,
          inquiryId: `in-${p.id}`,
          customerId: `cu-${p.id}`,
          createdAt,
          dueAt: createdAt + DEFAULT_POLICY.sla.urgentDueHours * HOUR_MS,
        }),
      },
    ];
  });
}

let clockDir: string;
let clockFile: string;
let desktops: Desktops;
let alice: Page;

test.beforeAll(async ({ desktops: launcher }) => {
  test.setTimeout(180_000);
  clockDir = mkdtempSync(join(tmpdir(), 'agent-desk-shift-clock-'));
  clockFile = join(clockDir, 'clock.json');
  setClockTo(clockFile, T0);
  desktops = await launcher.start({
    count: 2,
    demoRows: 60,
    clockFile,
    policy: DEFAULT_POLICY,
    fixture: shiftFixture(),
  });
  alice = await desktops.open(0);
});

test.afterAll(async () => {
  await desktops?.close();
  if (clockDir) rmSync(clockDir, { recursive: true, force: true });
});

function worklistRows(page: Page) {
  return page.getByRole('listbox', { name: /Callbacks/ }).getByRole('option');
}

/** Opens a callback from a worklist scope ('1' mine, '2' queue) by the customer's name. */
async function openCallback(page: Page, name: string, scopeKey: '1' | '2') {
  await page.getByRole('button', { name: /^Worklist/ }).click();
  await page.keyboard.press(scopeKey);
  await page.getByLabel('Search by name, receipt number or phone').fill(name);
  await expect(worklistRows(page)).toHaveCount(1);
  await page.getByRole('listbox', { name: /Callbacks/ }).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Callback: ${name}` })).toBeVisible();
}

/** The attempt ends in its wrap-up: the code, then the next piece of work. */
async function wrapUp(page: Page, code: string) {
  await page.getByLabel('Wrap-up code').selectOption({ label: code });
  await page.getByRole('button', { name: 'Record wrap-up' }).click();
  await expect(page.getByTestId('wrap-up-done')).toBeVisible();
}

test('07:30 — sign in, and the first sync brings the team queue', async () => {
  await signIn(alice, DEMO.alice);
  await expect(alice.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await alice.keyboard.press('2');
  await alice.getByLabel('Search by name, receipt number or phone').fill('Shift');
  await expect(worklistRows(alice)).toHaveCount(3);
  await checkScreen(alice, 'shift-1-first-sync');
});

test("07:35 — a customer's 07:35 is refused; the customer's own request is the deliberate exception", async () => {
  const nora = PEOPLE[0];
  await openCallback(alice, nora.name, '2');
  await alice.getByRole('button', { name: /^Claim/ }).click();
  await expect(alice.getByTestId('assignee')).toHaveText('Claimed by me');
  await alice.getByRole('button', { name: 'Start attempt' }).click();
  await expect(alice.getByLabel(/\(212\) 555-0171 .*Do not call now/)).toBeChecked();
  // The exception is never the default: it is unticked, and recording without it is refused.
  await expect(alice.getByLabel('The customer asked to be called at this time')).not.toBeChecked();
  await alice.getByLabel('Reached — resolved').check();
  await alice.getByRole('button', { name: 'Record outcome' }).click();
  await expect(alice.getByRole('alert').filter({ hasText: /08:00|8:00/ })).toBeVisible();
  await expect(alice.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(0);
  // The zone as people say it, never its IANA id.
  await expect(alice.getByText(/where the customer is \(Eastern Time\)/).first()).toBeVisible();
  expect(await alice.locator('body').textContent()).not.toMatch(/America\//);
  await checkScreen(alice, 'shift-2-outside-customer-hours');

  await alice.getByLabel('The customer asked to be called at this time').check();
  await alice
    .getByLabel('What the customer asked for (recorded on the attempt)')
    .fill('Asked yesterday to be called before work, at 7:30.');
  await alice.getByRole('button', { name: 'Record outcome' }).click();
  await expect(alice.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
  await checkScreen(alice, 'shift-3-exception-recorded');
  await wrapUp(alice, 'Case status given');
});

test('a break past the idle limit while the server is away: one unlock sends the change that waited', async () => {
  await desktops.stack.stopServer();
  await expect(alice.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline', {
    timeout: 30_000,
  });
  // Offline: claim the next one; it waits in the outbox.
  await openCallback(alice, PEOPLE[1].name, '2');
  await alice.getByRole('button', { name: /^Claim/ }).click();
  await expect(alice.getByTestId('pending-count')).toHaveAttribute('data-pending', '1');

  // Two hours away from the desk (the idle lock is 15 minutes; the server ends idle sessions too).
  advanceClock(clockFile, 2 * HOUR_MS);
  await expect(alice.getByRole('heading', { name: 'Screen locked' })).toBeVisible({ timeout: 45_000 });
  await desktops.stack.startServer();
  await checkScreen(alice, 'shift-4-locked-after-break');

  await alice.getByLabel('Password').fill(DEMO.alice.password);
  await alice.getByRole('button', { name: 'Unlock' }).click();
  await expect(alice.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(alice.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', {
    timeout: 60_000,
  });
  await expect(alice.getByTestId('pending-count')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  await checkScreen(alice, 'shift-5-unlocked-synced');
});

test('09:35 — two callbacks worked inside hours', async () => {
  const omar = PEOPLE[1];
  await openCallback(alice, omar.name, '1');
  await expect(alice.getByTestId('assignee')).toHaveText('Claimed by me');
  await alice.getByRole('button', { name: 'Start attempt' }).click();
  await expect(alice.getByLabel(/\(212\) 555-0172/)).toBeChecked();
  await expect(alice.getByTestId('customer-asked')).toHaveCount(0);
  await alice.getByLabel('Reached — resolved').check();
  await alice.getByRole('button', { name: 'Record outcome' }).click();
  await expect(alice.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
  await wrapUp(alice, 'Case status given');

  const pia = PEOPLE[2];
  await openCallback(alice, pia.name, '2');
  await alice.getByRole('button', { name: /^Claim/ }).click();
  await alice.getByRole('button', { name: 'Start attempt' }).click();
  await alice.getByLabel('No answer — message left').check();
  await alice.getByRole('button', { name: 'Record outcome' }).click();
  await expect(alice.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
  await expect(alice.getByTestId('attempt-plan')).toContainText('Attempt 2 of 2');
  await checkScreen(alice, 'shift-6-second-callback');
  await wrapUp(alice, 'No answer: voicemail left');
  await expect(alice.getByTestId('pending-count')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
});

// checkScreen finds any English on a Spanish screen (a catalog phrase, a date, a zone).
test('in Spanish, the worklist and a callback show no English', async () => {
  await alice.getByLabel('Screen language').selectOption('es');
  await alice.getByRole('button', { name: /^Lista de trabajo/ }).click();
  await expect(alice.getByRole('heading', { name: 'Lista de trabajo' })).toBeVisible();
  await alice.keyboard.press('1');
  await alice.getByLabel(/^Buscar/).fill('');
  await expect(alice.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await checkScreen(alice, 'shift-7-worklist-es');
  await alice.getByRole('listbox').focus();
  await alice.keyboard.press('Home');
  await alice.keyboard.press('Enter');
  await expect(alice.getByRole('heading', { name: /^Llamada de seguimiento:/ })).toBeVisible();
  await checkScreen(alice, 'shift-8-callback-es');
  await alice.getByLabel('Idioma de la pantalla').selectOption('en');
});

test('an inquiry in progress survives Escape, and comes back as a draft', async () => {
  await alice.keyboard.press('n');
  await expect(alice.getByRole('heading', { name: 'New inquiry' })).toBeVisible();
  await alice.getByLabel('Name', { exact: true }).fill('Quinn Walk-in');
  // Escape inside a text field stays in it; from the page it would leave, and asks first.
  await alice.keyboard.press('Escape');
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('Quinn Walk-in');
  await alice.getByRole('heading', { name: 'New inquiry' }).click();
  await alice.keyboard.press('Escape');
  await expect(alice.getByRole('alertdialog', { name: 'Leave this form?' })).toBeVisible();
  await alice.keyboard.press('Escape');
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('Quinn Walk-in');
  await checkScreen(alice, 'shift-9-inquiry-kept');
  // Leaving on purpose keeps a draft; the next "New inquiry" gives it back.
  await alice.getByRole('heading', { name: 'New inquiry' }).click();
  await alice.keyboard.press('Escape');
  await alice.getByRole('button', { name: 'Keep as draft and leave' }).click();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await alice.keyboard.press('n');
  await expect(alice.getByTestId('draft-restored')).toBeVisible();
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('Quinn Walk-in');
  await checkScreen(alice, 'shift-9b-inquiry-draft-back');
  await alice.getByRole('button', { name: 'Discard draft' }).click();
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('');
  await alice.getByRole('button', { name: /^Worklist/ }).click();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();
});

test("the lead's board comes back by itself after a server restart, agreeing with its drill-down", async () => {
  const erin = await desktops.open(1);
  await signIn(erin, DEMO.erin);
  await erin.keyboard.press('s');
  await expect(erin.getByTestId('supervisor-link')).toHaveAttribute('data-state', 'live');

  await desktops.stack.stopServer();
  await expect(erin.getByTestId('supervisor-link')).not.toHaveAttribute('data-state', 'live', {
    timeout: 30_000,
  });
  await desktops.stack.startServer();
  await expect(erin.getByTestId('supervisor-link')).toHaveAttribute('data-state', 'live', {
    timeout: 60_000,
  });

  // The figure and its drill-down count the same callbacks.
  const queued = erin.getByRole('button', { name: /^In the team queue/ });
  // The figure's own line (the button reads "In the team queue", the number, then its split by urgency).
  const figure = Number((await queued.innerText()).split('\n').find((line) => /^\d+$/.test(line.trim())));
  await queued.click();
  const panel = erin.getByTestId('drill-down');
  await expect(panel.getByRole('heading', { name: 'Callbacks: In the team queue' })).toBeVisible();
  await expect(
    panel.getByText(figure === 0 ? 'No callbacks.' : new RegExp(`of ${figure} callbacks$`)),
  ).toBeVisible();
  await checkScreen(erin, 'shift-10-board-after-restart');
});
