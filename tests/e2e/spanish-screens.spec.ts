import type { Page } from '@playwright/test';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen, DEMO, expectNoEnglish, signIn } from './support/screens';

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

test('a callback in Spanish: phone panel, dates and zones in Spanish words', async () => {
  await alice.getByLabel('Screen language').selectOption('es');
  await expect(alice.getByRole('heading', { name: 'Lista de trabajo' })).toBeVisible();
  await expect(alice.getByTestId('connection-state')).toBeVisible();
  await expectNoEnglish(alice, 'worklist-es');
  await alice.keyboard.press('2');
  const rows = alice.getByRole('listbox').getByRole('option');
  await expect(rows.first()).toBeVisible();
  await alice.getByRole('listbox').focus();
  await alice.keyboard.press('Enter');
  await expect(alice.getByRole('heading', { name: /^Llamada de seguimiento:/ })).toBeVisible();
  await expect(alice.getByTestId('phone-advice')).toBeVisible();
  const page = (await alice.locator('body').textContent()) ?? '';
  await expect(alice.getByTestId('phone-advice')).toHaveText(/hora (del|central|estándar)/);
  await checkScreen(alice, 'callback-es');
  // This server has no SMS provider or mail relay (it said so at sign-in): the notices panel
  // says it in Spanish and offers no "available now?" (issue 20 item 2).
  const notices = alice.getByRole('region', { name: 'Avisos al cliente' });
  await expect(notices.getByText(/^Este servidor no envía mensajes de texto/)).toBeVisible();
  await expect(notices.getByRole('button', { name: 'Enviar «¿disponible ahora?»' })).toBeDisabled();
  await expect(notices.getByText(/^Desde este servidor no se pueden enviar textos/)).toBeVisible();
  // The inquiry's topic shows its Spanish side (item 5).
  expect(page).not.toMatch(
    /Case status|Change of address|Did not receive|appointment question|not received|Typographical|Request for evidence/,
  );
  // The schedule form (for the agent who claimed the callback) takes the date day first
  // and reads it back in Spanish words (item 6).
  await alice.getByRole('button', { name: /^Asignármela/ }).click();
  const date = alice.getByLabel('Fecha', { exact: true });
  await expect(date).toHaveAttribute('placeholder', 'DD/MM/AAAA');
  // The claim comes back as a fresh panel (keyed by the callback's version): type once it has.
  await expect(async () => {
    await date.fill('02/11/2026');
    await expect(alice.getByTestId('slot-date-words')).toHaveText('Se lee: lunes, 2 de noviembre de 2026', {
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(alice.getByLabel(/^Enviar un aviso por texto o correo/)).toBeDisabled();
  await checkScreen(alice, 'callback-schedule-es');
  await date.fill('');
  await date.blur();
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

test('every agent screen in Spanish: no English catalog phrase', async () => {
  await alice.getByLabel('Screen language').selectOption('es');
  await alice.keyboard.press('w');
  await expect(alice.getByRole('heading', { name: 'Lista de trabajo' })).toBeVisible();
  await expectNoEnglish(alice, 'worklist-es');
  await alice.keyboard.press('e');
  await expect(
    alice.getByRole('heading', { level: 1, name: 'Solicitud de trámite acelerado' }),
  ).toBeVisible();
  await checkScreen(alice, 'expedite-es');
  await alice.keyboard.press('a');
  await expect(alice.getByRole('heading', { level: 1, name: 'Solicitud de cita' })).toBeVisible();
  await alice.getByLabel('Urgente', { exact: true }).check();
  await checkScreen(alice, 'appointment-es');
  await alice.getByLabel('No urgente', { exact: true }).check();
  await alice.keyboard.press('?');
  await expectNoEnglish(alice, 'shortcuts-es');
  await alice.keyboard.press('Escape');
  await alice.getByLabel('Idioma de la pantalla').selectOption('en');
});
