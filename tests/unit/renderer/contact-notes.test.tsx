// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { TimelinePanel } from '../../../src/renderer/src/features/customer/TimelinePanel';
import { HOUR_MS } from '../../../src/shared/domain/policy';
import type { CustomerRecord } from '../../../src/shared/ipc/customer-views';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { customerRow, FIXTURE_NOW, inquiryRow, noteRow } from '../../fixtures/rows';
import { FakeHost, ok } from './fake-host';
import { SIGNED_IN } from './fixtures';

// Issue 14 item 4: a note on any contact, written from that contact's timeline entry and
// shown there (and only there among the entries).
const NOW = FIXTURE_NOW;
const record: CustomerRecord = {
  customer: customerRow({ id: 'cu-1' }),
  inquiries: [
    inquiryRow({ id: 'in-1', customerId: 'cu-1', createdAt: NOW - 2 * HOUR_MS }),
    inquiryRow({ id: 'in-2', customerId: 'cu-1', createdAt: NOW - 5 * HOUR_MS }),
  ],
  callbacks: [],
  serviceRequests: [],
  expedites: [],
  appointments: [],
  notes: [
    noteRow({
      id: 'no-1',
      customerId: 'cu-1',
      about: { table: 'inquiries', id: 'in-2' },
      text: 'Caller will send the I-797 copy',
      createdBy: 'u-ana',
      createdAt: NOW - HOUR_MS,
    }),
  ],
  names: { 'u-ana': 'Ana Tier1' },
  now: NOW,
};

let host: FakeHost;
beforeEach(() => {
  useUiStore.setState({ language: 'en' });
  useSessionStore.setState({ session: SIGNED_IN });
  host = new FakeHost().handle('note.add', () => ok({ mutationId: 'm-1', noteId: 'no-2' }));
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

describe('a note on one contact of the timeline', () => {
  it('shows the notes on that contact inside its entry only', () => {
    render(<TimelinePanel record={record} />);
    const [first, second] = screen.getAllByRole('listitem').filter((li) => li.dataset.kind === 'inquiry');
    expect(first && within(first).queryByTestId('contact-notes')).toBeNull();
    expect(within(second!).getByTestId('contact-notes').textContent).toMatch(
      /Note by Ana Tier1, .*Caller will send the I-797 copy/,
    );
  });

  it('writes a note attached to the contact with the keyboard, then returns focus to its button', async () => {
    const user = userEvent.setup();
    render(<TimelinePanel record={record} />);
    const entry = screen.getAllByRole('listitem').find((li) => li.dataset.kind === 'inquiry')!;
    within(entry).getByText('Inquiry', { selector: 'strong' }).click(); // opens the <details>
    const button = within(entry).getByRole('button', { name: 'Note on this contact' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(within(entry).getByRole('heading', { name: 'Note on this contact' })).toBeTruthy();
    await user.type(within(entry).getByLabelText('Note'), 'Asked for the status in Spanish');
    await user.click(within(entry).getByRole('button', { name: 'Save note' }));
    await waitFor(() =>
      expect(host.callsTo('note.add')).toEqual([
        {
          customerId: 'cu-1',
          about: { table: 'inquiries', id: 'in-1' },
          text: 'Asked for the status in Spanish',
          corrects: null,
        },
      ]),
    );
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Note on this contact/));
  });
});
