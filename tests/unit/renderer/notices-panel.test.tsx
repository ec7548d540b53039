// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import type { NoticeSummary } from '../../../src/shared/sync/rows';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { NoticesPanel } from '../../../src/renderer/src/features/notices/NoticesPanel';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { callbackRow, customerRow } from '../../fixtures/rows';
import { FakeHost, ok } from './fake-host';
import { callbackDetail, NOW, SIGNED_IN } from './fixtures';

let host: FakeHost;
beforeEach(() => {
  useUiStore.setState({ language: 'en', announcement: null });
  useSessionStore.setState({ session: SIGNED_IN });
  host = new FakeHost()
    .handle('customer.setNoticeConsent', () => ok({ mutationId: 'm-1' }))
    .handle('callback.askAvailability', () => ok({ mutationId: 'm-2' }));
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

function notice(overrides: Partial<NoticeSummary>): NoticeSummary {
  return {
    id: 'n-1',
    kind: 'text-ahead',
    channel: 'sms',
    status: 'queued',
    reason: null,
    sendAt: NOW,
    updatedAt: NOW,
    reply: null,
    ...overrides,
  };
}

/** The standard detail with these notices on its callback (newest last, as the server writes them). */
function withNotices(notices: NoticeSummary[], status: 'open' | 'closed-resolved' = 'open') {
  const base = callbackDetail('cb-1');
  return { ...base, callback: callbackRow({ ...base.callback, notices, status }) };
}

describe('NoticesPanel', () => {
  it('lists each notice newest first with its kind, channel, state and reason', () => {
    render(
      <NoticesPanel
        detail={withNotices([
          notice({ id: 'n-1', status: 'delivered' }),
          notice({
            id: 'n-2',
            kind: 'available-now',
            status: 'replied',
            reply: 'yes',
            updatedAt: NOW + MINUTE_MS,
          }),
          notice({ id: 'n-3', channel: 'email', status: 'failed', reason: 'notice.channel_unavailable' }),
          notice({ id: 'n-4', status: 'cancelled', reason: 'notice.made_up_code' }),
          notice({ id: 'n-5', kind: 'available-now', status: 'replied', reply: 'stop' }),
        ])}
      />,
    );
    const items = screen.getAllByTestId('notice-item');
    expect(items.map((i) => i.dataset.status)).toEqual([
      'replied',
      'cancelled',
      'failed',
      'replied',
      'delivered',
    ]);
    expect(items[0]?.textContent).toMatch(/Opted out \(STOP\)/);
    expect(items[0]?.textContent).not.toMatch(/Customer opted out/);
    expect(items[1]?.textContent).toMatch(/Reason: notice\.made_up_code/);
    expect(items[2]?.textContent).toMatch(
      /E-mail · Failed at .*Notices are not available: no provider is configured for this channel\./,
    );
    expect(items[3]?.textContent).toMatch(
      /“Available now\?” · Text messages \(SMS\) · Replied at .* · Customer said yes/,
    );
    expect(items[4]?.textContent).toMatch(/^Text-ahead · Text messages \(SMS\) · Delivered at /);
  });

  it('says when there are no notices, and offers "available now?" only on an open callback', () => {
    const { unmount } = render(<NoticesPanel detail={withNotices([], 'closed-resolved')} />);
    expect(screen.getByText('No notices for this callback.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Text “available now?”' })).toBeNull();
    unmount();
    render(<NoticesPanel detail={withNotices([])} />);
    expect(screen.getByRole('button', { name: 'Text “available now?”' })).toBeTruthy();
  });

  it('asks "available now?" for this callback and announces it', async () => {
    const user = userEvent.setup();
    render(<NoticesPanel detail={withNotices([])} />);
    const ask = screen.getByRole('button', { name: 'Text “available now?”' });
    expect(ask.getAttribute('aria-describedby')).toBe('ask-explain');
    expect(document.getElementById('ask-explain')?.textContent).toMatch(/next 30 minutes/);
    await user.click(ask);
    await waitFor(() => expect(useUiStore.getState().announcement?.text).toMatch(/^Text queued/));
    expect(host.callsTo('callback.askAvailability')).toEqual([{ callbackId: 'cb-1' }]);
  });

  it('shows why "available now?" is not allowed, with the button disabled', () => {
    const base = callbackDetail('cb-1');
    const refused = {
      allowed: false,
      reason: { code: 'notice.no_consent', message: 'The customer has not agreed to texts.' },
    };
    render(
      <NoticesPanel detail={{ ...base, permissions: { ...base.permissions, askAvailability: refused } }} />,
    );
    const ask = screen.getByRole('button', { name: 'Text “available now?”' }) as HTMLButtonElement;
    expect(ask.disabled).toBe(true);
    expect(screen.getByText('The customer has not agreed to texts.')).toBeTruthy();
  });

  it('shows the core\'s refusal of "available now?" as an alert', async () => {
    const user = userEvent.setup();
    host.handle('callback.askAvailability', () => ({
      ok: false,
      error: { code: 'notice.channel_unavailable', message: 'no SMS provider' },
    }));
    render(<NoticesPanel detail={withNotices([])} />);
    await user.click(screen.getByRole('button', { name: 'Text “available now?”' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('no SMS provider'),
    );
    expect(useUiStore.getState().announcement).toBeNull();
  });

  it('records consent to texts at a number without an extension, saying how the customer agreed', async () => {
    const user = userEvent.setup();
    render(<NoticesPanel detail={callbackDetail('cb-1')} />);
    const sms = screen.getByRole('group', { name: 'Text messages (SMS)' });
    expect(within(sms).getByText('No consent recorded.')).toBeTruthy();
    // The work number has an extension: a text cannot reach it.
    const numbers = within(sms).getByLabelText('Number for texts') as HTMLSelectElement;
    expect([...numbers.options].map((o) => o.value)).toEqual(['+13125550142']);
    // Read the way every other screen writes a number.
    expect([...numbers.options].map((o) => o.textContent)).toEqual(['(312) 555-0142']);
    await user.selectOptions(within(sms).getByLabelText('How the customer agreed'), 'written');
    await user.click(within(sms).getByRole('button', { name: 'Record consent to texts' }));
    await waitFor(() => expect(useUiStore.getState().announcement?.text).toBe('Consent saved.'));
    expect(host.callsTo('customer.setNoticeConsent')).toEqual([
      { customerId: 'cu-1', channel: 'sms', address: '+13125550142', how: 'written' },
    ]);
    // No e-mail on file: the e-mail consent says what to do first and offers no button.
    const email = screen.getByRole('group', { name: 'E-mail' });
    expect(within(email).getByText('Add the customer’s e-mail address first.')).toBeTruthy();
    expect(within(email).queryByRole('button')).toBeNull();
  });

  it('shows given and withdrawn consent, and withdraws it with a null address', async () => {
    const user = userEvent.setup();
    const base = callbackDetail('cb-1');
    const consent = { at: NOW - 60 * MINUTE_MS, how: 'verbal-on-call' as const, by: 'u-1' };
    const customer = customerRow({
      ...base.customer!,
      email: 'maria@example.org',
      noticeConsent: {
        sms: { ...consent, address: '+13125550142', revokedAt: NOW, revokedHow: 'stop-keyword' },
        email: { ...consent, address: 'maria@example.org', revokedAt: null, revokedHow: null },
      },
    });
    render(<NoticesPanel detail={{ ...base, customer }} />);
    expect(screen.getByTestId('consent-sms-state').textContent).toMatch(
      /^Withdrawn .*\(the customer texted STOP\)\.$/,
    );
    expect(screen.getByTestId('consent-email-state').textContent).toMatch(
      /^Agreed .*\(verbally on a call\) to maria@example\.org\.$/,
    );
    // Withdrawn SMS consent offers recording it again, not withdrawing it twice.
    expect(screen.queryByRole('button', { name: 'Withdraw consent to texts' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Withdraw consent to e-mail' }));
    await waitFor(() => expect(host.callsTo('customer.setNoticeConsent')).toHaveLength(1));
    expect(host.callsTo('customer.setNoticeConsent')[0]).toMatchObject({ channel: 'email', address: null });
  });

  it('reads in Spanish for a Spanish-speaking agent', () => {
    useUiStore.setState({ language: 'es' });
    render(<NoticesPanel detail={withNotices([notice({ status: 'delivered' })])} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).not.toBe('Customer notices');
    expect(screen.getByTestId('notice-item').textContent).not.toMatch(/Delivered|Text-ahead/);
  });

  it('says in Spanish why "available now?" cannot be sent yet (the codes the mutator refuses with)', () => {
    useUiStore.setState({ language: 'es' });
    const base = callbackDetail('cb-1');
    const refusedWith = (code: string, message: string, params?: Record<string, number>) => ({
      ...base,
      permissions: {
        ...base.permissions,
        askAvailability: { allowed: false, reason: { code, message, ...(params ? { params } : {}) } },
      },
    });
    const { rerender } = render(
      <NoticesPanel
        detail={refusedWith('notice.check_pending', 'The customer has not answered the last check yet.')}
      />,
    );
    expect(screen.getByText('El cliente aún no ha respondido a la última pregunta.')).toBeTruthy();
    rerender(
      <NoticesPanel
        detail={refusedWith(
          'notice.too_many_checks',
          'The customer can be asked at most 2 times per callback.',
          {
            max: 2,
          },
        )}
      />,
    );
    expect(screen.getByText('Se puede preguntar al cliente como máximo 2 veces por llamada.')).toBeTruthy();
    rerender(
      <NoticesPanel
        detail={refusedWith('notice.no_consent', 'The customer has not agreed to receive texts.')}
      />,
    );
    expect(screen.getByText(/^El cliente no ha aceptado recibir mensajes de texto/)).toBeTruthy();
  });

  it('says which channels this server cannot send by (told at sign-in) and asks nothing it cannot send', () => {
    useSessionStore.setState({ session: { ...SIGNED_IN, noticeChannels: { sms: false, email: true } } });
    render(<NoticesPanel detail={withNotices([])} />);
    const sms = screen.getByRole('group', { name: 'Text messages (SMS)' });
    expect(within(sms).getByText(/^This server sends no text messages: IT has not connected/)).toBeTruthy();
    // Consent can still be recorded: it is the customer's answer, used once a provider is there.
    expect(within(sms).getByRole('button', { name: 'Record consent to texts' })).toBeTruthy();
    const email = screen.getByRole('group', { name: 'E-mail' });
    expect(within(email).queryByText(/This server sends no e-mail/)).toBeNull();
    const ask = screen.getByRole('button', { name: 'Text “available now?”' }) as HTMLButtonElement;
    expect(ask.disabled).toBe(true);
    expect(screen.getByText(/^Texts cannot be sent from this server/)).toBeTruthy();
  });

  it('offers recording consent again only for another address than the one already agreed', async () => {
    const user = userEvent.setup();
    const base = callbackDetail('cb-1');
    const consent = { at: NOW - 60 * MINUTE_MS, how: 'verbal-on-call' as const, by: 'u-1' };
    const customer = customerRow({
      ...base.customer!,
      phones: [
        ...base.customer!.phones,
        { label: 'mobile', e164: '+13125550199', ext: null, bestTime: null },
      ],
      noticeConsent: {
        sms: { ...consent, address: '+13125550142', revokedAt: null, revokedHow: null },
        email: null,
      },
    });
    render(<NoticesPanel detail={{ ...base, customer }} />);
    const sms = screen.getByRole('group', { name: 'Text messages (SMS)' });
    expect(within(sms).queryByRole('button', { name: 'Record consent to texts' })).toBeNull();
    expect(within(sms).getByRole('button', { name: 'Withdraw consent to texts' })).toBeTruthy();
    await user.selectOptions(within(sms).getByLabelText('Number for texts'), '+13125550199');
    await user.click(within(sms).getByRole('button', { name: 'Record consent to texts' }));
    await waitFor(() => expect(host.callsTo('customer.setNoticeConsent')).toHaveLength(1));
    expect(host.callsTo('customer.setNoticeConsent')[0]).toMatchObject({ address: '+13125550199' });
  });
});
