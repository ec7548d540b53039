// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { useWorklistStore } from '../../../src/renderer/src/features/worklist/worklist-store';
import { DEFAULT_FILTERS } from '../../../src/renderer/src/features/worklist/worklist-query';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { FakeHost, ok } from './fake-host';
import { callbackDetail, NOW, ONLINE, SIGNED_IN, SIGNED_OUT, worklistRow } from './fixtures';

const TOTAL = 50_000;
let host: FakeHost;

// The screens past the worklist are lazy chunks: load their modules once up front, as the
// built app reads them from disk in milliseconds, so no flow waits on a first transform.
beforeAll(async () => {
  await import('../../../src/renderer/src/features/callback/CallbackDetailScreen');
}, 30_000);

beforeEach(() => {
  useUiStore.setState({ language: 'en', route: { name: 'worklist' }, helpOpen: false, announcement: null });
  useSessionStore.setState({ session: null, connection: null, progress: null, rejections: [] });
  useWorklistStore.setState({ filters: DEFAULT_FILTERS, activeIndex: 0 });
  host = new FakeHost()
    .handle('session.get', () => ok(SIGNED_OUT))
    .handle('sync.state', () => ok(ONLINE))
    .handle('sync.rejections', () => ok([]))
    .handle('session.activity', () => ok(null))
    .handle('session.signIn', ({ password }) =>
      password === 'demo-password-3'
        ? ok(SIGNED_IN)
        : { ok: false, error: { code: 'auth.invalid', message: 'Wrong user name or password.' } },
    )
    .handle('session.lock', () => ok({ ...SIGNED_IN, status: 'locked' }))
    .handle('worklist.query', (q) => {
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 100;
      const rows = [];
      for (let i = offset; i < Math.min(TOTAL, offset + limit); i++) rows.push(worklistRow(i));
      return ok({ total: TOTAL, offset, rows, now: NOW });
    })
    .handle('callback.get', ({ callbackId }) => ok(callbackDetail(callbackId)))
    .handle('callback.claim', () => ok({ mutationId: 'm-1' }));
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

async function signIn(user: ReturnType<typeof userEvent.setup>, landing = 'Worklist') {
  render(<App />);
  await user.type(await screen.findByLabelText('User name'), 'tier2.carmen');
  await user.type(screen.getByLabelText('Password'), 'demo-password-3');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { name: landing });
}

describe('agent UI flows against a fake desktop core', () => {
  it('shows the reason when sign-in fails, then signs in to the worklist', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('User name'), 'tier2.carmen');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong user name or password.');
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'demo-password-3');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Worklist' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByTestId('connection-state').textContent).toBe('Online');
  });

  it('loads only the pages on screen out of 50,000 callbacks and opens one with the keyboard', async () => {
    const user = userEvent.setup();
    await signIn(user);
    expect(await screen.findByText('50000 callbacks')).toBeTruthy();
    await screen.findByText('Customer 0');
    const queries = host.callsTo('worklist.query') as Array<{ offset: number; scope: string }>;
    expect(queries.every((q) => q.offset === 0)).toBe(true);
    expect(queries[0]?.scope).toBe('mine');

    const list = screen.getByRole('listbox', { name: /Callbacks/ });
    list.focus();
    await user.keyboard('{End}');
    await waitFor(() => expect(screen.getByText('Customer 49999')).toBeTruthy());
    const offsets = (host.callsTo('worklist.query') as Array<{ offset: number }>).map((q) => q.offset);
    expect(offsets).toContain(49_800);
    expect(new Set(offsets).size).toBeLessThanOrEqual(3);

    await user.keyboard('{ArrowUp}{Enter}');
    expect(await screen.findByRole('heading', { name: 'Callback: María García' })).toBeTruthy();
    expect(host.callsTo('callback.get')).toEqual([{ callbackId: 'cb-49998' }]);
    expect(screen.getByText(/Suggested now/)).toBeTruthy();
    expect(screen.getByText('Best time 09:00–11:00')).toBeTruthy();
    expect(screen.getByText(/local time \(Central Time\)/)).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { name: 'Worklist' })).toBeTruthy();
  });

  it('switches scope with 2, claims the selected row with c, and shows the help overlay with ?', async () => {
    const user = userEvent.setup();
    await signIn(user);
    await screen.findByText('Customer 0');
    await user.keyboard('2');
    await waitFor(() =>
      expect(
        (host.callsTo('worklist.query') as Array<{ scope: string }>).some((q) => q.scope === 'queue'),
      ).toBe(true),
    );
    host.handle('callback.claim', () => {
      // As the core does: the change is announced before the command answers.
      host.emit('dataChanged', { tables: ['callbacks'] });
      return ok({ mutationId: 'm-1' });
    });
    screen.getByRole('listbox').focus();
    const queriesBefore = host.callsTo('worklist.query').length;
    await user.keyboard('{ArrowDown}c');
    await waitFor(() => expect(host.callsTo('callback.claim')).toEqual([{ callbackId: 'cb-1' }]));
    await screen.findByText('Claimed.');
    // One re-query of the page on screen, for the announced change; none more for the claim's answer.
    expect(host.callsTo('worklist.query').length - queriesBefore).toBe(1);

    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toMatch(/Claim the selected callback/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("opens the selected row's customer record with o and with the toolbar button", async () => {
    const user = userEvent.setup();
    host.handle('customer.record', () => ok(null));
    await signIn(user);
    await screen.findByText('Customer 0');
    screen.getByRole('listbox').focus();
    await user.keyboard('{ArrowDown}{ArrowDown}o');
    await waitFor(() => expect(host.callsTo('customer.record')).toEqual([{ customerId: 'cu-2' }]));
    expect(useUiStore.getState().route).toEqual({ name: 'customer', customerId: 'cu-2' });

    await user.keyboard('{Escape}');
    await screen.findByText('Customer 0');
    await user.click(screen.getByRole('button', { name: /Customer record of the selected callback/ }));
    // The selection is kept across the visit, so the button acts on the same row.
    await waitFor(() => expect(host.callsTo('customer.record')).toHaveLength(2));
    expect(useUiStore.getState().route).toEqual({ name: 'customer', customerId: 'cu-2' });
  });

  it('records an attempt: voicemail script names the caller-ID area code; outcome is sent to the core', async () => {
    const user = userEvent.setup();
    host.handle('callback.recordAttempt', () => ok({ mutationId: 'm-2', attemptId: 'a-1' }));
    useUiStore.setState({ route: { name: 'callback', callbackId: 'cb-7' } });
    await signIn(user, 'Callback: María García');
    await user.click(screen.getByRole('button', { name: 'Start attempt' }));
    expect(screen.getByTestId('voicemail-script').textContent).toMatch(
      /código de área 202\. Volveremos a llamarle/,
    );
    const record = screen.getByRole('button', { name: 'Record outcome' });
    expect(record).toHaveProperty('disabled', true);
    await user.click(screen.getByLabelText('No answer — message left'));
    await user.click(record);
    await waitFor(() =>
      expect(host.callsTo('callback.recordAttempt')).toEqual([
        { callbackId: 'cb-7', numberDialed: '+13125550142', outcome: 'no-answer-message-left' },
      ]),
    );
  });

  it("reads the voicemail in the customer's language, and on the last attempt says no other call is coming", async () => {
    const user = userEvent.setup();
    const base = callbackDetail('cb-7');
    host.handle('callback.get', () =>
      ok({
        ...base,
        plan: {
          kind: 'next',
          attemptNumber: 2,
          allowedAttempts: 2,
          basis: 'retry',
          window: base.plan.kind === 'next' ? base.plan.window : { earliest: NOW, latest: NOW },
          timing: 'in-window',
        },
      }),
    );
    useUiStore.setState({ route: { name: 'callback', callbackId: 'cb-7' } });
    await signIn(user, 'Callback: María García');
    await user.click(screen.getByRole('button', { name: 'Start attempt' }));
    const script = screen.getByTestId('voicemail-script');
    expect(script.getAttribute('lang')).toBe('es');
    expect(script.textContent).toMatch(/^Hola, este mensaje es para María García\./);
    expect(script.textContent).toMatch(/último intento/);
    expect(script.textContent).not.toMatch(/Volveremos|try again/);
    expect(screen.getByText("In the customer's language: Spanish")).toBeTruthy();
  });

  it('outside the customer-local hours the exception is a deliberate step: off by default, with what the customer asked', async () => {
    const user = userEvent.setup();
    const refusal = { code: 'attempt.outside_customer_hours', message: 'Outside their hours.' };
    host
      .handle('callback.recordAttempt', () => ok({ mutationId: 'm-2', attemptId: 'a-1' }))
      // As the core: the dial is refused outside the customer's hours unless it carries the exception.
      .handle('telephony.dialCheck', ({ numberDialed, exception }) =>
        ok({
          port: 'uri',
          numberDialed,
          allowed: Boolean(exception),
          refusal: exception ? null : refusal,
          warning: null,
          customerLocal: { hour: 4, minute: 30, timeZone: 'America/Los_Angeles', approximate: false },
          rules: {
            callbackHours: { start: '07:00', end: '19:00', timeZone: 'America/New_York' },
            customerLocalHours: { start: '08:00', end: '21:00' },
            attemptWindow: null,
          },
        }),
      )
      .handle('telephony.dial', () => ok({ port: 'uri', opened: true, callId: null }));
    useUiStore.setState({ route: { name: 'callback', callbackId: 'cb-7' } });
    await signIn(user, 'Callback: María García');
    await user.click(screen.getByRole('button', { name: 'Start attempt' }));
    expect(screen.queryByTestId('customer-asked')).toBeNull(); // inside hours: nothing to ask
    await user.click(screen.getByLabelText(/\+?\(206\) 555-0111/));
    const asked = screen.getByLabelText('The customer asked to be called at this time');
    expect(asked).toHaveProperty('checked', false);
    await user.click(asked);
    const dialButton = () => screen.getByRole('button', { name: 'Dial with the softphone' });
    expect(dialButton()).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText(/What the customer asked for/), 'Asked for 7 am before work');
    // The dial is checked, and made, with the same exception the attempt will carry.
    await waitFor(() => expect(dialButton()).toHaveProperty('disabled', false));
    await user.click(dialButton());
    await waitFor(() => expect(host.callsTo('telephony.dial')).toHaveLength(1));
    expect(host.callsTo('telephony.dial')[0]).toMatchObject({
      callbackId: 'cb-7',
      numberDialed: '+12065550111;ext=12',
      exception: { kind: 'customer-request', note: 'Asked for 7 am before work' },
    });
    await user.click(screen.getByLabelText('Busy'));
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    await waitFor(() =>
      expect(host.callsTo('callback.recordAttempt')).toEqual([
        {
          callbackId: 'cb-7',
          numberDialed: '+12065550111;ext=12',
          outcome: 'busy',
          exception: { kind: 'customer-request', note: 'Asked for 7 am before work' },
        },
      ]),
    );
  });

  it('reads the detail again once per change to its tables: once after recording, not for presence', async () => {
    const user = userEvent.setup();
    host
      .handle('presence.set', () => ok(null))
      .handle('callback.recordAttempt', () => {
        // As the core does: the change is announced before the command answers.
        host.emit('dataChanged', { tables: ['callbacks'] });
        return ok({ mutationId: 'm-2', attemptId: 'a-1' });
      });
    useUiStore.setState({ route: { name: 'callback', callbackId: 'cb-7' } });
    await signIn(user, 'Callback: María García');
    await user.click(screen.getByRole('button', { name: 'Start attempt' }));
    await user.click(screen.getByLabelText('No answer — message left'));
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    await screen.findByText('Attempt recorded.');
    // The agent's own presence (and a teammate's) comes back as a presence change: nothing to re-read.
    act(() => host.emit('dataChanged', { tables: ['presence'] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host.callsTo('callback.get')).toHaveLength(2);
  });

  it('goes to the lock screen when the core locks, and back after unlocking', async () => {
    const user = userEvent.setup();
    host.handle('session.unlock', ({ password }) =>
      password === 'demo-password-3' ? ok(SIGNED_IN) : { ok: false, error: { code: 'x', message: 'no' } },
    );
    await signIn(user);
    act(() => host.emit('lock', { locked: true }));
    expect(await screen.findByRole('heading', { name: 'Screen locked' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Worklist' })).toBeNull();
    await user.type(screen.getByLabelText('Password'), 'demo-password-3');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { name: 'Worklist' })).toBeTruthy();
  });

  it('offers "Sign in again to send 1 change" when the server ended the session; it opens the lock screen', async () => {
    const user = userEvent.setup();
    host.handle('session.lock', () => ok({ ...SIGNED_IN, status: 'locked', expired: true }));
    await signIn(user);
    act(() => host.emit('session', { ...SIGNED_IN, expired: true }));
    act(() => host.emit('connection', { ...ONLINE, state: 'signed-out', pending: 1 }));
    await user.click(await screen.findByRole('button', { name: 'Sign in again to send 1 change' }));
    expect(await screen.findByRole('heading', { name: 'Screen locked' })).toBeTruthy();
    expect(screen.getByTestId('session-ended').textContent).toContain('sends the change waiting');
  });

  it('asks for the user name once when the ended session was stored without it, and sends it with the password', async () => {
    const user = userEvent.setup();
    let sent: unknown;
    host.handle('session.unlock', (args) => {
      sent = args;
      return ok({ ...SIGNED_IN, status: 'signed-in' });
    });
    await signIn(user);
    act(() => host.emit('session', { ...SIGNED_IN, status: 'locked', expired: true, needsUsername: true }));
    await user.type(await screen.findByLabelText('User name'), 'tier1.alice');
    await user.type(screen.getByLabelText('Password'), 'demo-password-1');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(sent).toEqual({ password: 'demo-password-1', username: 'tier1.alice' }));
  });

  it('shows offline state, pending changes and first-sync progress from host events', async () => {
    const user = userEvent.setup();
    await signIn(user);
    act(() =>
      host.emit('connection', {
        ...ONLINE,
        state: 'offline',
        pending: 3,
        firstSync: { done: 40, total: 100 },
        // Lost, with the next try scheduled (without one it is the first connection being made).
        retryAt: NOW + 30_000,
      }),
    );
    expect(screen.getByTestId('connection-state').textContent).toMatch(/Offline/);
    expect(screen.getByTestId('pending-count').textContent).toBe('3 changes waiting to sync');
    expect(screen.getByText('40% downloaded')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeTruthy();
  });
});
