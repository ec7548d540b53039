// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../../src/renderer/src/api/agent-desk';
import { SupervisorScreen } from '../../../../src/renderer/src/features/supervisor/SupervisorScreen';
import { useSupervisorStore } from '../../../../src/renderer/src/features/supervisor/supervisor-store';
import { useSessionStore } from '../../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../../src/renderer/src/state/ui-store';
import { presenceRow } from '../../../fixtures/rows';
import { FakeHost, ok } from '../fake-host';
import { NOW, ONLINE, SIGNED_IN } from '../fixtures';
import { drillDown, LEAD_SESSION, snapshot } from './supervisor-fixtures';

let host: FakeHost;

beforeEach(() => {
  useUiStore.setState({ language: 'en', route: { name: 'supervisor' }, helpOpen: false, announcement: null });
  useSessionStore.setState({ session: LEAD_SESSION, connection: ONLINE, progress: null, rejections: [] });
  useSupervisorStore.getState().reset();
  host = new FakeHost()
    .handle('supervisor.subscribe', () => ok(snapshot(1)))
    .handle('supervisor.unsubscribe', () => ok(null))
    .handle('team.users', () =>
      ok([
        { id: 'u-tier1-alice', name: 'Alice Tier1', role: 'tier1', active: true },
        { id: 'u-tier2-carmen', name: 'Carmen Tier2', role: 'tier2', active: true },
        { id: 'u-admin-grace', name: 'Grace Admin', role: 'admin', active: true },
      ]),
    )
    .handle('supervisor.drillDown', ({ figure }) =>
      ok(
        figure === 'overdue'
          ? drillDown('overdue', ['cb-over-0', 'cb-over-1'])
          : drillDown(figure, ['cb-closed']),
      ),
    )
    .handle('supervisor.reassign', ({ callbackIds }) =>
      ok({ mutationIds: callbackIds.map((id) => `m-${id}`), refused: [] }),
    )
    .handle('supervisor.grantExtraAttempts', () =>
      ok({
        mutationIds: [],
        refused: [
          {
            callbackId: 'cb-closed',
            code: 'callback.extra_attempt_used',
            message: 'An extra attempt was already granted.',
          },
        ],
      }),
    );
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

async function openBoard() {
  render(<SupervisorScreen />);
  await screen.findByRole('heading', { name: 'Team board' });
}

describe('supervisor board and drill-down', () => {
  it('shows every figure as a button with its count and urgency split', async () => {
    await openBoard();
    const overdue = screen.getByRole('button', { name: /^Overdue/ });
    expect(overdue.textContent).toContain('2');
    expect(overdue.textContent).toContain('2 urgent · 0 non-urgent');
    expect(screen.getByRole('button', { name: /^Due in the next 4 hours/ }).textContent).toContain('1');
    expect(screen.getByRole('button', { name: /^Unable to reach today/ }).textContent).toContain('1');
    expect(screen.getByTestId('supervisor-link').textContent).toContain('Team alpha');
  });

  it('drills down from a figure with the keyboard, selects many and reassigns them to an agent', async () => {
    const user = userEvent.setup();
    await openBoard();
    const overdue = screen.getByRole('button', { name: /^Overdue/ });
    overdue.focus();
    await user.keyboard('{Enter}');
    const panel = await screen.findByTestId('drill-down');
    expect(host.callsTo('supervisor.drillDown')).toEqual([{ figure: 'overdue', offset: 0, limit: 50 }]);
    expect(overdue.getAttribute('aria-pressed')).toBe('true');
    // Focus moves to the list's heading.
    await waitFor(() =>
      expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Callbacks: Overdue' })),
    );
    await within(panel).findByRole('rowheader', { name: 'Customer cb-over-0' });
    expect(within(panel).getByTestId('drill-count').textContent).toBe('Showing 2 of 2 callbacks');

    // Nothing selected: the actions say why they are disabled.
    const reassign = within(panel).getByRole('button', { name: 'Reassign selected' });
    expect((reassign as HTMLButtonElement).disabled).toBe(true);
    expect(reassign.getAttribute('aria-describedby')).toBe('sv-none-selected');

    // Select one with Space, then all with the header checkbox.
    within(panel).getByRole('checkbox', { name: 'Select the callback of Customer cb-over-0' }).focus();
    await user.keyboard(' ');
    expect(within(panel).getByRole('group', { name: '1 selected' })).toBeTruthy();
    await user.click(within(panel).getByRole('checkbox', { name: 'Select all shown' }));
    expect(within(panel).getByRole('group', { name: '2 selected' })).toBeTruthy();
    // Admins are not offered as assignees.
    const target = within(panel).getByRole('combobox', { name: 'Reassign to' });
    expect(within(target).queryByRole('option', { name: /Grace/ })).toBeNull();
    await user.selectOptions(target, 'u-tier2-carmen');
    await user.click(reassign);

    await waitFor(() =>
      expect(host.callsTo('supervisor.reassign')).toEqual([
        { callbackIds: ['cb-over-0', 'cb-over-1'], assigneeId: 'u-tier2-carmen' },
      ]),
    );
    const status = within(panel).getAllByRole('status').at(-1) as HTMLElement;
    await waitFor(() => expect(status.textContent).toContain('2 callbacks reassigned to Carmen Tier2.'));
    expect(useUiStore.getState().announcement?.text).toBe('2 callbacks reassigned to Carmen Tier2.');
    // The list is re-read after the action and the selection cleared.
    expect(host.callsTo('supervisor.drillDown').length).toBe(2);
    expect(within(panel).getByRole('group', { name: '0 selected' })).toBeTruthy();

    // Close returns focus to the figure.
    await user.click(within(panel).getByRole('button', { name: 'Close list' }));
    expect(screen.queryByTestId('drill-down')).toBeNull();
    expect(document.activeElement).toBe(overdue);
  });

  it('sends the team queue as a null assignee, and lists a refused extra attempt with its reason', async () => {
    const user = userEvent.setup();
    await openBoard();
    await user.click(screen.getByRole('button', { name: /^Unable to reach today/ }));
    const panel = await screen.findByTestId('drill-down');
    await user.click(
      await within(panel).findByRole('checkbox', { name: 'Select the callback of Customer cb-closed' }),
    );
    await user.click(within(panel).getByRole('button', { name: 'Grant one extra attempt' }));
    await within(panel).findByText('Customer cb-closed: An extra attempt was already granted.');
    expect(host.callsTo('supervisor.grantExtraAttempts')).toEqual([{ callbackIds: ['cb-closed'] }]);

    await user.click(
      within(panel).getByRole('checkbox', { name: 'Select the callback of Customer cb-closed' }),
    );
    await user.click(within(panel).getByRole('button', { name: 'Reassign selected' }));
    await waitFor(() =>
      expect(host.callsTo('supervisor.reassign')).toEqual([{ callbackIds: ['cb-closed'], assigneeId: null }]),
    );
  });

  it('narrows a drill-down to one urgency', async () => {
    const user = userEvent.setup();
    await openBoard();
    await user.click(screen.getByRole('button', { name: /^Overdue/ }));
    const panel = await screen.findByTestId('drill-down');
    const urgency = within(panel).getByRole('combobox', { name: 'Urgency' });
    await user.selectOptions(urgency, 'urgent');
    await waitFor(() =>
      expect(host.callsTo('supervisor.drillDown').at(-1)).toEqual({
        figure: 'overdue',
        urgency: 'urgent',
        offset: 0,
        limit: 50,
      }),
    );
    expect(document.activeElement).toBe(urgency);
  });

  it('follows live snapshots, drops a stale one and announces significant changes politely', async () => {
    await openBoard();
    act(() => host.emit('supervisorSnapshot', snapshot(3, { overdue: 4 })));
    await waitFor(() => expect(screen.getByTestId('figure-overdue').textContent).toBe('4'));
    expect(useUiStore.getState().announcement?.text).toBe('Overdue rose to 4 callbacks.');
    // An older snapshot arriving late changes nothing.
    act(() => host.emit('supervisorSnapshot', snapshot(2, { overdue: 1 })));
    expect(screen.getByTestId('figure-overdue').textContent).toBe('4');

    const carmen = presenceRow({
      id: 'u-tier2-carmen',
      status: 'on-call',
      currentItem: { table: 'callbacks', id: 'cb-soon' },
      updatedAt: NOW,
    });
    const presence = new Map([[carmen.id, carmen]]);
    act(() => host.emit('supervisorSnapshot', snapshot(4, { overdue: 4, presence })));
    const row = await screen.findByRole('row', { name: /Carmen Tier2/ });
    expect(within(row).getByText(/On a call/)).toBeTruthy();
    // Whom she is calling, by name (joined by the core), never just an id.
    expect(within(row).getByText('Callback: Ana López')).toBeTruthy();
    expect(useUiStore.getState().announcement?.text).toBe('Carmen Tier2 is now On a call.');
  });

  it('shows the link state and unsubscribes when the screen closes', async () => {
    await openBoard();
    act(() =>
      host.emit('supervisorStatus', {
        state: 'offline',
        error: { code: 'x', message: 'Lost it.' },
        retryAt: NOW + 5000,
      }),
    );
    expect(screen.getByTestId('supervisor-link').getAttribute('data-state')).toBe('offline');
    expect(screen.getByTestId('supervisor-link').textContent).toContain('Reconnecting…');
    cleanup();
    expect(host.callsTo('supervisor.unsubscribe')).toHaveLength(1);
  });

  it('tells a non-lead the view is for leads and asks the core nothing', async () => {
    useSessionStore.setState({ session: SIGNED_IN });
    render(<SupervisorScreen />);
    expect(screen.getByText('Only team leads can open the supervisor view.')).toBeTruthy();
    expect(host.calls).toEqual([]);
  });
});
