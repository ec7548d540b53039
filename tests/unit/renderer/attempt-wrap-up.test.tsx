// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { AttemptPanel } from '../../../src/renderer/src/features/callback/AttemptPanel';
import { usePresenceStore } from '../../../src/renderer/src/features/shell/presence';
import { useClockStore } from '../../../src/renderer/src/state/clock-store';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { FakeHost, ok } from './fake-host';
import { callbackDetail, NOW, SIGNED_IN } from './fixtures';

// Issue 14 item 5: a callback attempt ends like a call — wrap-up code (the policy's
// callback list), after-call work in the team's mode, presence "After-call work".
let host: FakeHost;
beforeEach(() => {
  useUiStore.setState({ language: 'en' });
  useSessionStore.setState({ session: SIGNED_IN });
  useClockStore.setState({ offsetMs: 0, now: NOW });
  host = new FakeHost()
    .handle('callback.recordAttempt', () => ok({ mutationId: 'm-1', attemptId: 'a-1' }))
    .handle('presence.set', () => ok(null))
    .handle('wrapUp.record', () => ok({ mutationId: 'm-3', wrapUpId: 'w-1' }));
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

async function recordNoAnswer(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Start attempt' }));
  act(() => useClockStore.setState({ now: NOW + 90_000 }));
  await user.click(screen.getByLabelText('No answer — message left'));
  await user.click(screen.getByRole('button', { name: 'Record outcome' }));
}

describe('presence follows the work (issue 13 item 4)', () => {
  it('an attempt left by leaving the callback screen is no longer "On a call"', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<AttemptPanel detail={callbackDetail('cb-1')} />);
    await user.click(screen.getByRole('button', { name: 'Start attempt' }));
    expect(usePresenceStore.getState().status).toBe('on-call');
    unmount(); // Escape, `w` or the Worklist tab: the screen closes with the attempt open
    expect(usePresenceStore.getState().status).toBe('available');
  });
});

describe('AttemptPanel wrap-up', () => {
  it('asks for a callback wrap-up code after the attempt and holds the next attempt during after-call work', async () => {
    const user = userEvent.setup();
    render(<AttemptPanel detail={callbackDetail('cb-1')} />);
    await recordNoAnswer(user);

    await screen.findByRole('heading', { name: 'Wrap-up' });
    expect(screen.getByTestId('acw-timer').textContent).toContain('After-call work');
    expect(usePresenceStore.getState().status).toBe('after-call');
    // The default policy time-boxes after-call work: no next attempt until it is done. (The
    // wrap-up panel tells the attempt panel in an effect after its first render: wait for it.)
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Start attempt' }) as HTMLButtonElement).disabled).toBe(
        true,
      ),
    );
    const codes = [...screen.getByLabelText('Wrap-up code').querySelectorAll('option')].map((o) => o.value);
    expect(codes).toContain('voicemail-left');
    expect(codes).not.toContain('escalated-to-tier2'); // a Tier 1 code; this agent is Tier 2

    await user.selectOptions(screen.getByLabelText('Wrap-up code'), 'voicemail-left');
    act(() => useClockStore.setState({ now: NOW + 120_000 }));
    await user.click(screen.getByRole('button', { name: 'Record wrap-up' }));
    await screen.findByTestId('wrap-up-done');
    const [sent] = host.callsTo('wrapUp.record') as Array<Record<string, unknown>>;
    expect(sent).toMatchObject({
      about: { table: 'callbacks', id: 'cb-1' },
      disposition: 'voicemail-left',
      callStartedAt: NOW,
      callEndedAt: NOW + 90_000,
      afterCallWork: { startedAt: NOW + 90_000, endedAt: NOW + 120_000 },
    });
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Start attempt' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    expect(usePresenceStore.getState().status).toBe('available');
  });

  it('keeps the wrap-up on screen when the attempt closed the callback', async () => {
    const user = userEvent.setup();
    const detail = callbackDetail('cb-2');
    const { rerender } = render(<AttemptPanel detail={detail} />);
    await recordNoAnswer(user);
    rerender(
      <AttemptPanel
        detail={{ ...detail, callback: { ...detail.callback, status: 'closed-unable-to-reach' } }}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'Wrap-up' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start attempt' })).toBeNull();
  });
});
