// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../src/shared/ipc/customer-views';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { CallerRecordPanel } from '../../../src/renderer/src/features/customer/CallerRecordPanel';
import { CustomerSearchDialog } from '../../../src/renderer/src/features/customer/CustomerSearchDialog';
import { EMPTY_CALLER, type CallerDraft } from '../../../src/renderer/src/features/inquiry/caller';
import { useChosenCaller, useScreenPop } from '../../../src/renderer/src/features/telephony/use-screen-pop';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useTelephonyStore } from '../../../src/renderer/src/state/telephony-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { callbackRow, customerRow, expediteRequestRow, inquiryRow } from '../../fixtures/rows';
import { FakeHost, ok } from './fake-host';
import { NOW, SIGNED_IN } from './fixtures';

const MARIA = customerRow({ id: 'cu-maria', name: 'María García', aNumber: 'A012345678' });

function record(): CustomerRecord {
  return {
    customer: MARIA,
    inquiries: [1, 2, 3, 4].map((n) =>
      inquiryRow({ id: `in-${n}`, customerId: MARIA.id, createdAt: NOW - n * 86_400_000 }),
    ),
    callbacks: [
      callbackRow({ id: 'cb-open', customerId: MARIA.id, status: 'open' }),
      callbackRow({ id: 'cb-done', customerId: MARIA.id, status: 'closed-resolved' }),
    ],
    serviceRequests: [],
    expedites: [expediteRequestRow({ id: 'ex-1', customerId: MARIA.id })],
    appointments: [],
    notes: [],
    names: {},
    now: NOW,
  };
}

let host: FakeHost;
beforeEach(() => {
  useUiStore.setState({
    language: 'en',
    route: { name: 'worklist' },
    searchOpen: false,
    searchFor: null,
    chosenCaller: null,
  });
  useSessionStore.setState({ session: SIGNED_IN });
  host = new FakeHost()
    .handle('customer.record', () => ok(record()))
    .handle('customer.get', () => ok(MARIA))
    .handle('customer.search', () =>
      ok({
        customers: [
          {
            id: 'cu-maria',
            name: 'María García',
            aNumber: 'A012345678',
            phone: '(212) 555-0150',
            matchedBy: 'phone',
          },
          { id: 'cu-jose', name: 'José García', aNumber: null, phone: '(212) 555-0150', matchedBy: 'phone' },
        ],
        total: 2,
      } as never),
    );
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

/** The inquiry form's part in a screen pop: the caller it holds. */
function Inquiry() {
  const [caller, setCaller] = useState<CallerDraft>(EMPTY_CALLER);
  useScreenPop(useCallback((popped) => setCaller(popped.caller), []));
  useChosenCaller(useCallback((update) => setCaller(update), []));
  return <p data-testid="caller">{`${caller.name}|${caller.phone}|${caller.customerId ?? ''}`}</p>;
}

const offered = (customerId: string | null) => ({
  kind: 'offered' as const,
  callId: 'p:c-1',
  at: NOW,
  from: '+12125550150',
  customerId,
  ivr: {
    language: 'en' as const,
    receiptNumber: null,
    aNumber: null,
    menuPath: [],
    intent: null,
    callbackRequested: false,
  },
});

describe('screen pop', () => {
  it("shows the caller's record beside the inquiry: what is open, who they are, the latest contacts, the full record", async () => {
    const user = userEvent.setup();
    render(<CallerRecordPanel customerId="cu-maria" />);
    const panel = await screen.findByRole('complementary', { name: 'Caller’s record: María García' });
    expect(within(panel).getByTestId('caller-record-summary').textContent).toBe(
      '1 open callback · 1 expedite request',
    );
    expect(within(panel).getByText('A012345678')).toBeTruthy();
    // The three newest contacts of the seven.
    expect(within(panel).getByTestId('recent-contacts').querySelectorAll(':scope > li')).toHaveLength(3);
    await user.click(within(panel).getByRole('button', { name: 'Open the full record' }));
    expect(useUiStore.getState().route).toEqual({ name: 'customer', customerId: 'cu-maria' });
  });

  it('in Spanish', async () => {
    useUiStore.setState({ language: 'es' });
    render(<CallerRecordPanel customerId="cu-maria" />);
    const panel = await screen.findByRole('complementary', {
      name: 'Expediente de quien llama: María García',
    });
    expect(within(panel).getByTestId('caller-record-summary').textContent).toBe(
      '1 devolución de llamada abierta · 1 solicitud de trámite acelerado',
    );
  });

  it('a caller no customer (or several) matched opens the search with the number; the one chosen becomes the caller', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Inquiry />
        <CustomerSearchDialog />
      </>,
    );
    act(() => useTelephonyStore.getState().received(offered(null)));
    const dialog = await screen.findByRole('dialog', { name: 'Find a customer' });
    await waitFor(() => expect(host.callsTo('customer.search')).toEqual([{ text: '(212) 555-0150' }]));
    expect(screen.getByTestId('caller').textContent).toBe('|(212) 555-0150|');
    await user.click(await within(dialog).findByRole('button', { name: /^María García/ }));
    await waitFor(() =>
      expect(screen.getByTestId('caller').textContent).toBe('María García|(212) 555-0150|cu-maria'),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    // The inquiry stays where it was: choosing the caller does not open their page.
    expect(useUiStore.getState().route).toEqual({ name: 'worklist' });
  });

  it('a caller the server matched opens no search', async () => {
    render(
      <>
        <Inquiry />
        <CustomerSearchDialog />
      </>,
    );
    act(() => useTelephonyStore.getState().received(offered('cu-maria')));
    await waitFor(() =>
      expect(screen.getByTestId('caller').textContent).toBe('María García|(212) 555-0150|cu-maria'),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
