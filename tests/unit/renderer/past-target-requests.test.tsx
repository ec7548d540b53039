// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { PastTargetRequests } from '../../../src/renderer/src/features/service-requests/PastTargetRequests';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { FakeHost, ok } from './fake-host';
import { SIGNED_IN, USER } from './fixtures';

// Issue 14 item 7: leads and Tier 2 follow service requests past their target date
// from the worklist and record what the office did (forward only).
let host: FakeHost;
beforeEach(() => {
  useUiStore.setState({ language: 'en' });
  useSessionStore.setState({ session: SIGNED_IN });
  host = new FakeHost()
    .handle('serviceRequests.pastTarget', () =>
      ok({
        total: 1,
        requests: [
          {
            id: 'sr-1',
            customerId: 'cu-1',
            customerName: 'María García',
            category: 'other',
            status: 'sent-to-office' as const,
            targetDate: '2026-02-20',
            reference: 'S-0001-0007-K',
          },
        ],
      }),
    )
    .handle('serviceRequest.setStatus', () => ok({ mutationId: 'm-1' }));
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

describe('PastTargetRequests', () => {
  it('lists the late requests and records the next status of one', async () => {
    const user = userEvent.setup();
    render(<PastTargetRequests />);
    const row = await screen.findByTestId('sr-past-row');
    expect(row.textContent).toContain('S-0001-0007-K');
    expect(row.textContent).toContain('María García');
    expect(row.textContent).toContain('Sent to office');
    // The target date as dates read everywhere else on the screen, not 2026-02-20.
    expect(row.textContent).toContain('Fri, Feb 20, 2026');
    expect(row.textContent).not.toContain('2026-02-20');
    const next = screen.getByLabelText('New status of S-0001-0007-K');
    // Forward only: a request sent to the office can be answered or closed, not reopened.
    expect([...next.querySelectorAll('option')].map((o) => o.value)).toEqual(['', 'answered', 'closed']);
    await user.selectOptions(next, 'answered');
    await user.click(screen.getByRole('button', { name: 'Record status' }));
    expect(host.callsTo('serviceRequest.setStatus')).toEqual([
      { serviceRequestId: 'sr-1', status: 'answered' },
    ]);
  });

  it('is not shown to a Tier 1 agent', () => {
    useSessionStore.setState({ session: { ...SIGNED_IN, user: { ...USER, role: 'tier1' } } });
    render(<PastTargetRequests />);
    expect(screen.queryByTestId('sr-past-target')).toBeNull();
    expect(host.callsTo('serviceRequests.pastTarget')).toEqual([]);
  });
});
