import type { Page } from '@playwright/test';
import { ACCOUNT_SID, AUTH_TOKEN, FROM, startSmsPeer, type SmsPeer } from '../integration/server/sms-peer';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen, DEMO, signIn } from './support/screens';

// Issue 20 item 5: a Spanish-speaking agent texts "available now?" through a real server
// configured with the SMS stand-in; the customer answers "sí" and the callback jumps to
// the top of her list with the waiting banner in Spanish. Keyboard only, axe clean.
test.describe.configure({ mode: 'serial' });

let desktops: Desktops;
let carmen: Page;
let sms: SmsPeer;
let serverUrl = '';

test.beforeAll(async ({ desktops: launcher }) => {
  test.setTimeout(180_000);
  sms = await startSmsPeer(() => serverUrl);
  desktops = await launcher.start({
    count: 1,
    demoRows: 30,
    serverEnv: (url) => {
      serverUrl = url;
      return {
        AGENT_DESK_SMS_API_URL: sms.url,
        AGENT_DESK_SMS_ACCOUNT_SID: ACCOUNT_SID,
        AGENT_DESK_SMS_AUTH_TOKEN: AUTH_TOKEN,
        AGENT_DESK_SMS_FROM: FROM,
        AGENT_DESK_PUBLIC_URL: url,
      };
    },
  });
  carmen = await desktops.open(0);
  await signIn(carmen, DEMO.carmen);
  await carmen.getByLabel('Screen language').selectOption('es');
  await expect(carmen.getByRole('heading', { name: 'Lista de trabajo' })).toBeVisible();
});

test.afterAll(async () => {
  await desktops?.close();
  await sms?.close();
});

const rows = () => carmen.getByRole('listbox').getByRole('option');
const WAITING = /^El cliente espera su llamada hasta las \d{1,2}:\d{2}\s?[ap]\.\s?m\.$/;

test('"¿disponible ahora?" answered "sí" puts the callback first with the waiting banner in Spanish', async () => {
  test.setTimeout(120_000);
  // Claim the last callback of the team queue (far from the top of "my callbacks") and open it.
  await carmen.keyboard.press('2');
  await expect(rows().first()).toBeVisible();
  await carmen.getByRole('listbox').focus();
  await carmen.keyboard.press('End');
  const name = ((await rows().last().locator('.wl-name').textContent()) ?? '').trim();
  expect(name).not.toBe('');
  await carmen.keyboard.press('c');
  // The claimed callback leaves the queue: open it from "my callbacks" once it is there (Enter
  // straight after the claim raced the list changing under the selection).
  await expect(rows().filter({ hasText: name })).toHaveCount(0);
  await carmen.keyboard.press('1');
  await rows().filter({ hasText: name }).click();
  await carmen.keyboard.press('Enter');
  await expect(carmen.getByRole('heading', { name: `Llamada de seguimiento: ${name}` })).toBeVisible();
  await expect(carmen.getByTestId('assignee')).toHaveText('Asignada a mí');

  // Record the customer's consent to texts, then ask, all from the keyboard.
  const notices = carmen.getByRole('region', { name: 'Avisos al cliente' });
  await expect(notices.getByText('No hay avisos para esta llamada.')).toBeVisible();
  await notices.getByRole('button', { name: 'Registrar consentimiento para mensajes' }).focus();
  await carmen.keyboard.press('Enter');
  await expect(carmen.getByTestId('consent-sms-state')).toHaveText(
    /^Aceptó el .* \(verbalmente en una llamada\)/,
  );
  const ask = notices.getByRole('button', { name: 'Enviar «¿disponible ahora?»' });
  await expect(ask).toBeEnabled();
  await ask.focus();
  await carmen.keyboard.press('Enter');

  // The server's worker sends it through the stand-in; the notice shows as sent.
  await expect.poll(() => sms.messages.length, { timeout: 30_000 }).toBe(1);
  const text = sms.messages[0]!;
  expect(sms.malformed).toEqual([]);
  // In the customer's preferred language, with the policy's reply window.
  expect(text.body).toMatch(/ 30 (minutes|minutos)/);
  const item = notices.getByTestId('notice-item');
  await expect(item).toHaveAttribute('data-status', /sent|delivered/, { timeout: 30_000 });
  await expect(item).toContainText('«¿Disponible ahora?» · Mensajes de texto (SMS)');
  // Asking again waits for this answer: said in Spanish, like everything on the screen.
  await expect(ask).toBeDisabled();
  await expect(notices.getByText('El cliente aún no ha respondido a la última pregunta.')).toBeVisible();
  await checkScreen(carmen, 'notices-panel-es');

  // The customer answers "sí".
  const reply = await sms.text(text.to, 'Sí');
  expect(reply.status).toBe(200);
  await expect(carmen.getByTestId('waiting-banner')).toHaveText(WAITING, { timeout: 30_000 });
  await expect(item).toHaveAttribute('data-status', 'replied');
  await checkScreen(carmen, 'waiting-banner-es');

  // My callbacks: it is first, with the waiting label on its row.
  await carmen.keyboard.press('Escape');
  await expect(carmen.getByRole('heading', { name: 'Lista de trabajo', level: 1 })).toBeVisible();
  // Off the list (its keys are its own), then the view's key.
  await carmen.getByRole('button', { name: /^Lista de trabajo/ }).focus();
  await carmen.keyboard.press('1');
  await expect(rows().first().locator('.wl-name')).toHaveText(name);
  await expect(rows().first().getByTestId('row-waiting')).toHaveText(WAITING);
  await expect(carmen.getByTestId('row-waiting')).toHaveCount(1);
  await checkScreen(carmen, 'worklist-waiting-es');
});
