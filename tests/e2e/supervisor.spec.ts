import type { Page } from '@playwright/test';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen, DEMO, signIn } from './support/screens';

// A team lead (Erin) and one of her agents (Carmen), each on their own desktop
// (their own desktop core: a browser host, or the packaged Electron app), against
// one real sync server with demo data.
test.describe.configure({ mode: 'serial' });

let desktops: Desktops;
let erin: Page;
let carmen: Page;
/** The customer whose callback Erin moves to Carmen. */
let moved = { id: '', name: '' };

test.beforeAll(async ({ desktops: launcher }) => {
  test.setTimeout(180_000);
  desktops = await launcher.start({ count: 2, demoRows: 400 });
  erin = await desktops.open(0);
  carmen = await desktops.open(1);
  await signIn(erin, DEMO.erin);
  await signIn(carmen, DEMO.carmen);
});

test.afterAll(async () => {
  await desktops?.close();
});

function roster(page: Page) {
  return page.getByTestId('roster');
}

test('the lead opens the live board from the keyboard — accessible', async () => {
  await erin.keyboard.press('s');
  await expect(erin.getByRole('heading', { name: 'Supervisor view', level: 1 })).toBeVisible();
  await expect(erin.getByTestId('supervisor-link')).toHaveAttribute('data-state', 'live');
  await expect(erin.getByRole('heading', { name: 'Team board' })).toBeVisible();
  await expect(roster(erin).getByRole('row', { name: /Carmen Tier2/ })).toBeVisible();
  for (const chart of ['sla-compliance', 'backlog-by-due-day', 'attempt-outcomes']) {
    await expect(erin.getByTestId(`chart-${chart}`).getByRole('img')).toBeVisible();
  }
  // Open one data table so axe checks it too.
  await erin
    .getByTestId('chart-backlog-by-due-day')
    .getByText(/^Data table:/)
    .click();
  await checkScreen(erin, 'supervisor');
});

test('the lead reassigns a queued callback; the agent sees it arrive in her worklist', async () => {
  const queued = erin.getByRole('button', { name: /^In the team queue/ });
  await queued.focus();
  await erin.keyboard.press('Enter');
  const panel = erin.getByTestId('drill-down');
  await expect(panel.getByRole('heading', { name: 'Callbacks: In the team queue' })).toBeFocused();
  const first = panel.locator('tbody tr').first();
  await expect(first).toBeVisible();
  moved = {
    id: (await first.getAttribute('data-callback')) ?? '',
    name: ((await first.getByRole('rowheader').textContent()) ?? '').trim(),
  };
  expect(moved.id).not.toBe('');
  await checkScreen(erin, 'supervisor-drill-down');

  await first.getByRole('checkbox').focus();
  await erin.keyboard.press('Space');
  await expect(panel.getByRole('group', { name: '1 selected' })).toBeVisible();
  await panel.getByLabel('Reassign to').selectOption({ label: 'Carmen Tier2 (Tier 2)' });
  await panel.getByRole('button', { name: 'Reassign selected' }).focus();
  await erin.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toContainText('1 callback reassigned to Carmen Tier2.');

  // Carmen's desktop: "My callbacks" shows it without her doing anything but look.
  await carmen.keyboard.press('w');
  await carmen.keyboard.press('1');
  await carmen.getByLabel('Search by name, receipt number or phone').fill(moved.name);
  const list = carmen.getByRole('listbox', { name: /Callbacks/ });
  await expect(list.getByRole('option').filter({ hasText: moved.name }).first()).toBeVisible({
    timeout: 30_000,
  });
});

test("the agent's presence change shows on the lead's roster", async () => {
  const carmenRow = roster(erin).getByRole('row', { name: /Carmen Tier2/ });
  await expect(carmenRow).not.toContainText('On a call');

  const list = carmen.getByRole('listbox', { name: /Callbacks/ });
  await list.focus();
  await carmen.keyboard.press('Home');
  await carmen.keyboard.press('Enter');
  await expect(carmen.getByRole('heading', { name: `Callback: ${moved.name}` })).toBeVisible();
  await carmen.getByRole('button', { name: 'Start attempt' }).click();

  await expect(carmenRow).toContainText('On a call', { timeout: 10_000 });
  // What she is on, named by the lead's own desktop from its cache (the server sends an id).
  await expect(carmenRow).toContainText(`Callback: ${moved.name}`);
  await checkScreen(erin, 'supervisor-roster-on-call');
});
