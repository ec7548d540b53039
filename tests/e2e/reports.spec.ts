import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { REPORT_CHART_IDS } from '../../src/shared/reports/lead-report';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen, DEMO, signIn } from './support/screens';

// Reports for leads (issue 17, part 2): a team lead (Erin) reads her team's report,
// exports it and prints it; an administrator (Grace) reads all teams' together. Each
// on their own desktop against one real sync server with demo data.
test.describe.configure({ mode: 'serial' });

const GRACE = { username: 'admin.grace', password: 'demo-password-7' };
const FIGURES = REPORT_CHART_IDS;

let desktops: Desktops;
let erin: Page;
let grace: Page;

test.beforeAll(async ({ desktops: launcher }) => {
  test.setTimeout(180_000);
  desktops = await launcher.start({ count: 2, demoRows: 400 });
  erin = await desktops.open(0);
  grace = await desktops.open(1);
  await signIn(erin, DEMO.erin);
  await grace.getByLabel('User name').fill(GRACE.username);
  await grace.getByLabel('Password').fill(GRACE.password);
  await grace.getByRole('button', { name: 'Sign in' }).click();
  await expect(grace.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
});

test.afterAll(async () => {
  await desktops?.close();
});

/** The numbers of one figure's data table column, by row header. */
async function column(page: Page, figure: string, header: string): Promise<Record<string, string>> {
  const table = page.getByTestId(`report-${figure}`).getByRole('table');
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index, `${figure} has a column "${header}"`).toBeGreaterThan(0);
  const rows = await table.locator('tbody tr').all();
  const values: Record<string, string> = {};
  for (const row of rows) {
    const name = (await row.locator('th').textContent()) ?? '';
    values[name] =
      (await row
        .locator('td')
        .nth(index - 1)
        .textContent()) ?? '';
  }
  return values;
}

test("a lead opens her team's report from the keyboard: every figure a chart with its table — accessible", async () => {
  await erin.keyboard.press('r');
  await expect(erin.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(erin.getByText('Team alpha', { exact: true })).toBeVisible();
  await erin.getByRole('button', { name: 'Show report' }).click();
  await expect(erin.getByTestId('report-heading')).toContainText('Team alpha');
  for (const figure of FIGURES) {
    const panel = erin.getByTestId(`report-${figure}`);
    await expect(panel.getByRole('img')).toBeVisible();
    await expect(panel.getByRole('table')).toBeVisible();
  }
  // The demo data has callbacks due in the last two weeks: the compliance table is not all empty.
  const onTime = await column(erin, 'sla-by-day', 'Closed on time');
  const late = await column(erin, 'sla-by-day', 'Closed late');
  const open = await column(erin, 'sla-by-day', 'Open past due');
  const due = Object.keys(onTime).reduce(
    (s, day) => s + Number(onTime[day]) + Number(late[day]) + Number(open[day]),
    0,
  );
  expect(due).toBeGreaterThan(0);
  await expect(erin.getByTestId('report-sla-by-day').locator('.chart-summary')).toContainText(
    `Of ${due} callbacks due`,
  );
  await checkScreen(erin, 'reports-lead');
});

test('the CSV export holds the same figures as the tables on screen', async () => {
  const onScreen = await column(erin, 'attempts-by-day', 'Busy');
  const download = erin.waitForEvent('download');
  await erin.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^agent-desk-report-alpha-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const text = readFileSync((await file.path()) as string, 'utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('figure,category,measure,value');
  const busy = Object.fromEntries(
    lines
      .filter((l) => l.startsWith('attempts-by-day,') && l.includes(',busy,'))
      .map((l) => {
        const [, day, , value] = l.split(',');
        return [day, value];
      }),
  );
  expect(busy).toEqual(onScreen);
  await expect(erin.locator('#main').getByText(/^Exported \d+ figure lines as CSV\.$/)).toBeVisible();
});

test('the printable page is the report alone, every table shown', async () => {
  await erin.emulateMedia({ media: 'print' });
  await expect(erin.getByRole('banner')).toBeHidden();
  await expect(erin.getByRole('button', { name: 'Show report' })).toBeHidden();
  await expect(erin.getByTestId('report-escalations-waiting-by-age').getByRole('table')).toBeVisible();
  await erin.screenshot({ path: 'test-results/screens/reports-print.png', fullPage: true });
  await erin.emulateMedia({ media: 'screen' });
  await expect(erin.getByRole('banner')).toBeVisible();
});

test('the report in Spanish — accessible', async () => {
  await erin.getByLabel('Screen language').selectOption('es');
  await expect(erin.getByRole('heading', { name: 'Informes', level: 1 })).toBeVisible();
  await expect(
    erin.getByRole('heading', { name: 'Cumplimiento del SLA por día de vencimiento' }),
  ).toBeVisible();
  await expect(erin.getByTestId('report-expedites-by-routing').getByRole('table')).toContainText(
    'Operaciones de Centros de Servicio',
  );
  await checkScreen(erin, 'reports-lead-es');
  await erin.getByLabel('Idioma de la pantalla').selectOption('en');
});

test('an administrator reads all teams together, or one team', async () => {
  await grace.keyboard.press('r');
  await expect(grace.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await grace.getByRole('button', { name: 'Show report' }).click();
  await expect(grace.getByTestId('report-heading')).toContainText('All teams');
  const all = await column(grace, 'expedites-by-routing', 'Requests');
  await grace.getByLabel('Team (empty: all teams)').fill('alpha');
  await grace.getByRole('button', { name: 'Show report' }).click();
  await expect(grace.getByTestId('report-heading')).toContainText('Team alpha');
  const alpha = await column(grace, 'expedites-by-routing', 'Requests');
  for (const routing of Object.keys(all))
    expect(Number(alpha[routing])).toBeLessThanOrEqual(Number(all[routing]));
  await checkScreen(grace, 'reports-admin');
});
