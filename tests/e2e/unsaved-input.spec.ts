import type { Page } from '@playwright/test';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen, DEMO, signIn } from './support/screens';

// Issue 13 item 4: a form in progress is not lost by Escape, a navigation key or the
// Worklist tab — leaving asks first, and staying keeps every answer.
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

test('an appointment request in progress survives Escape and w; discarding is a deliberate answer', async () => {
  await alice.keyboard.press('a');
  await expect(alice.getByRole('heading', { name: 'Appointment request', level: 1 })).toBeVisible();
  await alice.getByLabel('Name', { exact: true }).fill('Rosa Díaz');
  await alice.getByLabel('Urgent', { exact: true }).check();

  // Focus is on the radio button: the shell's keys act, and ask first.
  await alice.keyboard.press('Escape');
  const question = alice.getByRole('alertdialog', { name: 'Leave this form?' });
  await expect(question).toBeVisible();
  await expect(alice.getByRole('button', { name: 'Stay on the form' })).toBeFocused();
  await checkScreen(alice, 'leave-question');
  await alice.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('Rosa Díaz');
  await expect(alice.getByLabel('Urgent', { exact: true })).toBeChecked();

  await alice.keyboard.press('w');
  await expect(question).toBeVisible();
  await alice.keyboard.press('Enter'); // the focused answer: stay
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('Rosa Díaz');

  await alice.getByRole('button', { name: /^Worklist/ }).click();
  await alice.getByRole('button', { name: 'Discard and leave' }).click();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await alice.keyboard.press('a');
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('');
});

test('the question in Spanish', async () => {
  await alice.getByLabel('Screen language').selectOption('es');
  await alice.getByLabel('Nombre', { exact: true }).fill('Rosa');
  await alice.getByRole('button', { name: /^Lista de trabajo/ }).click();
  await expect(alice.getByRole('alertdialog', { name: '¿Salir de este formulario?' })).toBeVisible();
  await checkScreen(alice, 'leave-question-es');
  await alice.getByRole('button', { name: 'Quedarse en el formulario' }).click();
  await expect(alice.getByLabel('Nombre', { exact: true })).toHaveValue('Rosa');
  await alice.getByLabel('Idioma de la pantalla').selectOption('en');
});

test('an inquiry left with Escape comes back as a draft, also after a restart, until it is discarded', async () => {
  await alice.getByRole('button', { name: /^Worklist/ }).click();
  const stay = alice.getByRole('button', { name: 'Discard and leave' });
  if (await stay.isVisible()) await stay.click();
  await alice.keyboard.press('n');
  await expect(alice.getByRole('heading', { name: 'New inquiry', level: 1 })).toBeVisible();
  await alice.getByLabel('Stated intent').fill('Where is my card');
  await alice.getByLabel('Name', { exact: true }).fill('Rosa Díaz');
  await alice.getByLabel('Phone', { exact: true }).fill('(212) 555-0142');

  // Out of the text field (Escape there belongs to the field), then Escape: leave.
  await alice.getByLabel('Phone', { exact: true }).blur();
  await alice.keyboard.press('Escape');
  const question = alice.getByRole('alertdialog', { name: 'Leave this form?' });
  await expect(question).toContainText('Keep it as a draft');
  await checkScreen(alice, 'leave-question-draft');
  await alice.getByRole('button', { name: 'Keep as draft and leave' }).click();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();

  // Back: the draft is there, and says when it was kept.
  await alice.keyboard.press('n');
  await expect(alice.getByTestId('draft-restored')).toContainText(/^Draft restored from /);
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('Rosa Díaz');
  await expect(alice.getByLabel('Stated intent')).toHaveValue('Where is my card');

  // A restart of the desktop (the page reloads; the cache keeps the draft, encrypted).
  await alice.reload();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await alice.keyboard.press('n');
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('Rosa Díaz');
  await expect(alice.getByLabel('Phone', { exact: true })).toHaveValue('(212) 555-0142');
  await checkScreen(alice, 'inquiry-draft-restored');

  // Discarded: the form is empty, and stays empty next time.
  await alice.getByRole('button', { name: 'Discard draft' }).click();
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(alice.getByTestId('draft-restored')).toHaveCount(0);
  await alice.getByRole('button', { name: /^Worklist/ }).click();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await alice.keyboard.press('n');
  await expect(alice.getByRole('heading', { name: 'New inquiry', level: 1 })).toBeVisible();
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(alice.getByTestId('draft-restored')).toHaveCount(0);
});

test('an expedite checklist and an appointment request left half-done come back as drafts after a restart', async () => {
  await alice.keyboard.press('e');
  await expect(alice.getByRole('heading', { name: 'Expedite request', level: 1 })).toBeVisible();
  await alice.getByLabel('Name', { exact: true }).fill('Tomás Ruiz');
  await alice.getByLabel('Severe financial loss').check();
  await alice.getByLabel(/explanation/i).fill('Will lose job offer without EAD');
  const docs = alice.getByRole('group', { name: /Documentation for: Severe financial loss/ });
  await docs
    .getByRole('group', { name: /proof of the loss/ })
    .getByLabel('Will send')
    .check();
  await alice.getByRole('button', { name: /^Worklist/ }).click();
  await alice.getByRole('button', { name: 'Keep as draft and leave' }).click();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();

  await alice.keyboard.press('a');
  await expect(alice.getByRole('heading', { name: 'Appointment request', level: 1 })).toBeVisible();
  await alice.getByLabel('Name', { exact: true }).fill('Rosa Díaz');
  await alice.getByLabel('Urgent', { exact: true }).check();
  await alice.getByLabel(/Preferred field office/).fill('Miami');
  await alice.getByRole('button', { name: /^Worklist/ }).click();
  await alice.getByRole('button', { name: 'Keep as draft and leave' }).click();

  await alice.reload();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await alice.keyboard.press('e');
  await expect(alice.getByTestId('draft-restored')).toContainText(/^Draft restored from /);
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('Tomás Ruiz');
  await expect(alice.getByLabel('Severe financial loss')).toBeChecked();
  await expect(alice.getByLabel(/explanation/i)).toHaveValue('Will lose job offer without EAD');
  await expect(
    alice
      .getByRole('group', { name: /Documentation for: Severe financial loss/ })
      .getByRole('group', { name: /proof of the loss/ })
      .getByLabel('Will send'),
  ).toBeChecked();
  await checkScreen(alice, 'expedite-draft-restored');
  // Discarded: empty now and next time.
  await alice.getByRole('button', { name: 'Discard draft' }).click();
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(alice.getByLabel('Severe financial loss')).not.toBeChecked();

  await alice.keyboard.press('w');
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await alice.keyboard.press('a');
  await expect(alice.getByLabel('Name', { exact: true })).toHaveValue('Rosa Díaz');
  await expect(alice.getByLabel('Urgent', { exact: true })).toBeChecked();
  await expect(alice.getByLabel(/Preferred field office/)).toHaveValue('Miami');
  await alice.getByRole('button', { name: 'Discard draft' }).click();
  await alice.keyboard.press('e');
  await expect(alice.getByRole('heading', { name: 'Expedite request', level: 1 })).toBeVisible();
  await expect(alice.getByTestId('draft-restored')).toHaveCount(0);
});
