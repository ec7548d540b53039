import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { DATABASE_FILE } from '../../src/server/storage/database';
import { callbackRequested, callEvent, offered, StandInPlatform } from '../telephony/stand-in-platform';
import { expect, test, type Desktops } from './support/desktops';
import { checkScreen, DEMO, signIn } from './support/screens';

// Issue 15 end to end, in the browser host with the `cti` port: the stand-in platform
// (tests/telephony) signs its events like a real one. A call offered to Alice pops her
// screen with the customer the IVR's receipt number found and the script in Spanish at
// the step after what the IVR collected; a callback the IVR requested is dialed through
// the platform, ends with "no answer", and the attempt is recorded from the call's
// events once Alice confirms it.
test.describe.configure({ mode: 'serial' });

const SECRET = 'e2e-stand-in-secret-0123456789abcdef';
/** A number no demo customer has: the IVR callback's caller. */
const CALLBACK_PHONE = '+13125550199';

let desktops: Desktops;
let alice: Page;
let platform: StandInPlatform;

test.beforeAll(async ({ desktops: launcher }) => {
  test.setTimeout(180_000);
  const holder: { url?: string } = {};
  platform = new StandInPlatform('stand-in', SECRET, () => holder.url ?? '', Date.now);
  const placeCallUrl = await platform.listen();
  desktops = await launcher.start({
    count: 1,
    demoRows: 50,
    telephony: { platforms: [{ id: 'stand-in', secret: SECRET, placeCall: { url: placeCallUrl } }] },
    telephonyPort: 'cti',
  });
  holder.url = desktops.stack.serverUrl;
  alice = await desktops.open(0);
  await signIn(alice, DEMO.alice);
  await expect(alice.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
});

test.afterAll(async () => {
  await desktops?.close();
  await platform?.close();
});

/** A demo customer of Alice's team with an inquiry that carried a receipt number (read from the server's file). */
function customerWithReceipt(): { name: string; receipt: string } {
  const db = new BetterSqlite3(join(desktops.stack.serverDataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db
      .prepare(
        `select c.data as customer, i.data as inquiry from inquiries i join customers c on c.id = json_extract(i.data, '$.customerId')
         where i.team = 'alpha' and i.deleted = 0 and json_extract(i.data, '$.receiptNumber') is not null limit 1`,
      )
      .all() as { customer: string; inquiry: string }[];
    const row = rows[0];
    if (!row) throw new Error('e2e: the demo data has no inquiry with a receipt number in team alpha');
    return {
      name: (JSON.parse(row.customer) as { name: string }).name,
      receipt: (JSON.parse(row.inquiry) as { receiptNumber: string }).receiptNumber,
    };
  } finally {
    db.close();
  }
}

test('a call offered to the agent pops the customer and the Spanish script after what the IVR collected', async () => {
  const known = customerWithReceipt();
  const sent = await platform.send(
    offered({
      callId: 'e2e-pop-1',
      from: '+12125550123',
      ivr: { language: 'es', receiptNumber: known.receipt, menuPath: ['case-status', 'agent'] },
    }),
  );
  expect(sent).toMatchObject({ status: 200, json: { ok: true, value: { status: 'accepted' } } });

  await expect(alice.getByRole('heading', { name: 'New inquiry' })).toBeVisible();
  // The case-status script, in the caller's language, past the intro and the receipt question.
  await expect(alice.getByTestId('script-version')).toHaveText(/case-status, version/);
  await expect(alice.getByText(/necesito confirmar con quién hablo/)).toBeVisible();
  await expect(alice.getByTestId('inquiry-caller')).toContainText(
    `Caller: ${known.name}, (212) 555-0123 — existing customer`,
  );
  // The caller's record beside the inquiry: what is open for them, their latest contacts, the full record.
  const record = alice.getByRole('complementary', { name: `Caller’s record: ${known.name}` });
  await expect(record.getByTestId('caller-record-summary')).toHaveText(
    /open callbacks? · \d+ expedite requests?/,
  );
  await expect(record.getByTestId('recent-contacts').getByRole('listitem').first()).toBeVisible();
  await expect(record.getByRole('button', { name: 'Open the full record' })).toBeVisible();
  await checkScreen(alice, 'telephony-screen-pop');
  // Back shows the receipt question the IVR answered, filled in.
  await alice.getByRole('button', { name: /Back/ }).click();
  await expect(alice.getByRole('textbox', { name: /número de recibo/ })).toHaveValue(known.receipt);
  // Nothing is saved yet: leaving the script asks first (issue 13 item 4); this call is discarded.
  await alice.getByRole('button', { name: /^Worklist/ }).click();
  await alice.getByRole('button', { name: 'Discard and leave' }).click();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();
});

test('a caller no customer matches opens the customer search with the number, and the inquiry goes on', async () => {
  await platform.send(offered({ callId: 'e2e-pop-2', from: '+12125550999', ivr: { language: 'en' } }));
  const search = alice.getByRole('dialog', { name: 'Find a customer' });
  await expect(search).toBeVisible();
  await expect(search.getByLabel(/^Name, A-number/)).toHaveValue('(212) 555-0999');
  await expect(search.getByTestId('customer-search-count')).toHaveText('No customer on your team matches.');
  await expect(search.getByText(/^The caller’s number matches no customer, or several/)).toBeVisible();
  await checkScreen(alice, 'telephony-unknown-caller');
  await alice.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
  // A new customer: the inquiry form has the number, and no record beside it.
  await expect(alice.getByRole('heading', { name: 'New inquiry' })).toBeVisible();
  await expect(alice.getByTestId('caller-record')).toHaveCount(0);
  await alice.getByRole('button', { name: /^Worklist/ }).click();
  await alice.getByRole('button', { name: 'Discard and leave' }).click();
  await expect(alice.getByRole('heading', { name: 'Worklist' })).toBeVisible();
});

async function openCallbackByPhone(page: Page, display: string): Promise<void> {
  await page.getByRole('button', { name: /^Worklist/ }).click();
  await page.keyboard.press('2');
  await page.getByLabel('Search by name, receipt number or phone').fill(display);
  await expect(page.getByText('1 callback', { exact: true })).toBeVisible();
  await page.getByRole('listbox', { name: /Callbacks/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Callback:/ })).toBeVisible();
}

test('an IVR callback dialed through the platform ends with no answer; the attempt comes from the events', async () => {
  const requested = await platform.send(
    callbackRequested({
      callId: 'e2e-ivr-1',
      from: CALLBACK_PHONE,
      ivr: { language: 'en', intent: 'case status', callbackRequested: true },
    }),
  );
  expect(requested).toMatchObject({ status: 200, json: { ok: true, value: { status: 'accepted' } } });
  await openCallbackByPhone(alice, '(312) 555-0199');
  await alice.getByRole('button', { name: /^Claim/ }).click();
  await expect(alice.getByTestId('assignee')).toHaveText('Claimed by me');
  await alice.getByRole('button', { name: 'Start attempt' }).click();

  // Before the dial: the number, the customer's local time and the rules.
  await expect(alice.getByRole('heading', { name: 'Before dialing' })).toBeVisible();
  await expect(alice.getByTestId('dial-number')).toHaveText('(312) 555-0199');
  await expect(alice.getByTestId('dial-local-time')).toContainText('CST');
  await checkScreen(alice, 'telephony-before-dial');
  await alice.getByLabel('Screen language').selectOption('es');
  await expect(alice.getByRole('heading', { name: 'Antes de marcar' })).toBeVisible();
  await checkScreen(alice, 'telephony-before-dial-es');
  await alice.getByLabel('Idioma de la pantalla').selectOption('en');

  await alice.getByRole('button', { name: 'Place the call' }).click();
  await expect.poll(() => platform.placed.length).toBe(1);
  const placed = platform.placed[0]!;
  expect(placed.signatureValid).toBe(true);
  expect(placed.body).toMatchObject({ agent: DEMO.alice.username, to: CALLBACK_PHONE });
  await platform.send(callEvent('call.progress', placed.callId, { status: 'ringing' }));
  await expect(alice.getByTestId('call-status')).toHaveText('Ringing…');
  await platform.send(callEvent('call.ended', placed.callId, { reason: 'no-answer', durationSeconds: 30 }));
  await expect(alice.getByTestId('call-status')).toContainText('No answer.');
  await expect(alice.getByTestId('outcome-from-call')).toBeVisible();
  await expect(alice.getByLabel('No answer — no message left')).toBeChecked();
  await checkScreen(alice, 'telephony-attempt-from-call');

  await alice.getByRole('button', { name: 'Confirm outcome' }).click();
  const history = alice.getByTestId('attempt-history').getByRole('listitem');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('(312) 555-0199');
  await expect(history.first()).toContainText(/No answer/);
  await checkScreen(alice, 'telephony-attempt-recorded');
});
