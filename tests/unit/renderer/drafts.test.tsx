// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { AppointmentScreen } from '../../../src/renderer/src/features/appointment/AppointmentScreen';
import { LeaveDialog } from '../../../src/renderer/src/features/shell/LeaveDialog';
import { useDraft } from '../../../src/renderer/src/features/shell/use-draft';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { FakeHost, ok } from './fake-host';
import { NOW, SIGNED_IN } from './fixtures';

let host: FakeHost;
let stored: { body: string; savedAt: number } | null;
beforeEach(() => {
  stored = null;
  useUiStore.setState({
    language: 'en',
    route: { name: 'inquiry' },
    leaving: null,
    unsaved: false,
    draftable: false,
    discardDraft: false,
  });
  useSessionStore.setState({ session: SIGNED_IN });
  host = new FakeHost()
    .handle('draft.get', () => ok(stored))
    .handle('draft.save', (a) => {
      stored = { body: a.body, savedAt: NOW };
      return ok(null);
    })
    .handle('draft.discard', () => {
      stored = null;
      return ok(null);
    });
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

function Form() {
  const [name, setName] = useState('');
  const draft = useDraft(
    'inquiry',
    { name },
    {
      isEmpty: (v) => v.name === '',
      restore: (s) => {
        const value = (s as { name?: unknown }).name;
        if (typeof value !== 'string') return false;
        setName(value);
        return true;
      },
      done: false,
    },
  );
  return (
    <>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <p data-testid="restored">{draft.restoredAt ?? 'none'}</p>
    </>
  );
}

describe('drafts of forms in progress', () => {
  it('writes what is typed, brings it back when the form opens again, and drops an unreadable one', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Form />);
    await waitFor(() => expect(host.callsTo('draft.get')).toHaveLength(1));
    await user.type(screen.getByLabelText('Name'), 'Rosa');
    await waitFor(() => expect(stored?.body).toBe('{"name":"Rosa"}'));
    unmount();
    render(<Form />);
    await waitFor(() => expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Rosa'));
    expect(screen.getByTestId('restored').textContent).toBe(String(NOW));
    cleanup();
    stored = { body: 'not json', savedAt: NOW };
    render(<Form />);
    await waitFor(() => expect(host.callsTo('draft.discard').length).toBeGreaterThan(0));
    expect(stored).toBeNull();
  });

  it('leaving with "Keep as draft" keeps it; "Discard and leave" drops it', async () => {
    const user = userEvent.setup();
    const { unmount } = render(
      <>
        <Form />
        <LeaveDialog />
      </>,
    );
    await user.type(await screen.findByLabelText('Name'), 'Rosa');
    act(() => useUiStore.setState({ unsaved: true }));
    act(() => useUiStore.getState().navigate({ name: 'worklist' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/Keep it as a draft/);
    await user.click(screen.getByRole('button', { name: 'Keep as draft and leave' }));
    expect(useUiStore.getState().route).toEqual({ name: 'worklist' });
    expect(useUiStore.getState().announcement?.text).toBe('Draft kept: it will be here when you come back.');
    unmount();
    await waitFor(() => expect(stored?.body).toBe('{"name":"Rosa"}'));

    useUiStore.setState({ route: { name: 'inquiry' } });
    const second = render(
      <>
        <Form />
        <LeaveDialog />
      </>,
    );
    await waitFor(() => expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Rosa'));
    act(() => useUiStore.setState({ unsaved: true }));
    act(() => useUiStore.getState().navigate({ name: 'worklist' }));
    await user.click(screen.getByRole('button', { name: 'Discard and leave' }));
    second.unmount();
    await waitFor(() => expect(stored).toBeNull());
  });

  it('a form without drafts asks the old question: stay or discard', () => {
    render(<LeaveDialog />);
    act(() => useUiStore.setState({ unsaved: true }));
    act(() => useUiStore.getState().navigate({ name: 'worklist' }));
    expect(screen.queryByRole('button', { name: 'Keep as draft and leave' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Discard and leave' })).toBeTruthy();
  });

  it('the appointment form keeps the caller and its own answers in one draft, and refuses one that does not fit', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<AppointmentScreen />);
    await waitFor(() => expect(host.callsTo('draft.get')).toHaveLength(1));
    await user.type(screen.getByLabelText('Name'), 'Rosa');
    await user.click(screen.getByLabelText('Urgent'));
    await user.type(screen.getByLabelText(/Preferred field office/), 'Miami');
    await waitFor(() => expect(stored).not.toBeNull());
    await waitFor(() =>
      expect(JSON.parse(stored!.body)).toMatchObject({
        caller: { name: 'Rosa' },
        input: { urgent: true, explanation: '', office: 'Miami' },
      }),
    );
    unmount();

    render(<AppointmentScreen />);
    await waitFor(() => expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Rosa'));
    expect((screen.getByLabelText('Urgent') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/Preferred field office/) as HTMLInputElement).value).toBe('Miami');
    expect(screen.getByTestId('draft-restored').textContent).toMatch(/^Draft restored from /);
    cleanup();

    // A draft whose answers the form cannot take (an unknown urgent reason) is dropped, not half-applied.
    stored = {
      body: JSON.stringify({
        caller: JSON.parse(stored!.body).caller,
        input: { urgent: true, reason: 'not-a-reason', explanation: '', office: '' },
      }),
      savedAt: NOW,
    };
    render(<AppointmentScreen />);
    await waitFor(() => expect(stored).toBeNull());
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('draft-restored')).toBeNull();
  });
});
