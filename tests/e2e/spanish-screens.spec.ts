import type { Page } from '@playwright/test';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen, DEMO, signIn } from './support/screens';

// Issue 13 item 5: a callback worked in Spanish — dates, zone names, the phone panel's
// sentences and the voicemail text — shows no English.
test.describe.configure({ mode: 'serial' });

let desktops: Desktops;
let alice: Page;

test.beforeAll(async ({ desktops: launcher }) => {
  test.setTimeout(180_000);
  desktops = await launcher.start({ count: 1, demoRows: 20 });
  alice = await desktops.open(0);
  await signIn(alice, DEMO.alice);
});

test.afterAll(async () => {
  await desktops?.close();
});

const ENGLISH =
  /Inside|calling hours|best time|Callable from|America\/|Pacific\/|(?<!\p{L})(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?!\p{L})|\d (AM|PM)\b/u;

test('a callback in Spanish: phone panel, dates and zones in Spanish words', async () => {
  await alice.getByLabel('Screen language').selectOption('es');
  await expect(alice.getByRole('heading', { name: 'Lista de trabajo' })).toBeVisible();
  await expect(alice.getByTestId('connection-state')).toBeVisible();
  expect((await alice.getByRole('main').textContent()) ?? '').not.toMatch(ENGLISH);
  await alice.keyboard.press('2');
  const rows = alice.getByRole('listbox').getByRole('option');
  await expect(rows.first()).toBeVisible();
  await alice.getByRole('listbox').focus();
  await alice.keyboard.press('Enter');
  await expect(alice.getByRole('heading', { name: /^Llamada de seguimiento:/ })).toBeVisible();
  await expect(alice.getByTestId('phone-advice')).toBeVisible();
  const page = (await alice.locator('body').textContent()) ?? '';
  expect(page.match(ENGLISH)?.[0]).toBeUndefined();
  await expect(alice.getByTestId('phone-advice')).toHaveText(/hora (del|central|estándar)/);
  await checkScreen(alice, 'callback-es');
  await alice.getByLabel('Idioma de la pantalla').selectOption('en');
});

test('the inquiry form in Spanish: script titles from the data in Spanish', async () => {
  await alice.getByLabel('Screen language').selectOption('es');
  await alice.keyboard.press('n');
  await expect(alice.getByRole('heading', { name: 'Nueva consulta' })).toBeVisible();
  const picker = alice.getByLabel('Elija un guion');
  await expect(picker).toContainText('Cambio de dirección (v2)');
  const titles = await picker.locator('option').allTextContents();
  expect(titles.filter((title) => /Case status|Change of address|Expedite request/.test(title))).toEqual([]);
  await checkScreen(alice, 'inquiry-es');
  await alice.getByLabel('Idioma de la pantalla').selectOption('en');
});
