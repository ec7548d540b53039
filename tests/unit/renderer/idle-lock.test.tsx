// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { useIdleLock } from '../../../src/renderer/src/features/lock/use-idle-lock';
import { FakeHost, ok } from './fake-host';
import { SIGNED_IN } from './fixtures';

const IDLE_MINUTES = 3;
let host: FakeHost;

function Probe({ active }: { active: boolean }) {
  useIdleLock(IDLE_MINUTES, active);
  return null;
}

beforeEach(() => {
  vi.useFakeTimers();
  host = new FakeHost()
    .handle('session.lock', () => ok({ ...SIGNED_IN, status: 'locked' }))
    .handle('session.activity', () => ok(null));
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
  vi.useRealTimers();
});

describe('idle lock', () => {
  it('locks after the idle minutes with no activity, and activity restarts the clock', async () => {
    render(<Probe active />);
    await act(async () => vi.advanceTimersByTimeAsync((IDLE_MINUTES - 1) * MINUTE_MS));
    fireEvent.keyDown(window, { key: 'a' });
    expect(host.callsTo('session.activity')).toHaveLength(1);
    await act(async () => vi.advanceTimersByTimeAsync((IDLE_MINUTES - 1) * MINUTE_MS));
    expect(host.callsTo('session.lock')).toHaveLength(0);
    await act(async () => vi.advanceTimersByTimeAsync(2 * MINUTE_MS));
    expect(host.callsTo('session.lock').length).toBeGreaterThanOrEqual(1);
  });

  it('reports input the throttle held back, so the core never counts idle time from an earlier input', async () => {
    render(<Probe active />);
    fireEvent.keyDown(window, { key: 'a' });
    await act(async () => vi.advanceTimersByTimeAsync(10_000));
    fireEvent.keyDown(window, { key: 'b' }); // inside the throttle: not reported at once
    expect(host.callsTo('session.activity')).toHaveLength(1);
    await act(async () => vi.advanceTimersByTimeAsync(30_000));
    expect(host.callsTo('session.activity')).toHaveLength(2);
    // No input since: nothing more to report (data arriving is not input).
    await act(async () => vi.advanceTimersByTimeAsync(IDLE_MINUTES * MINUTE_MS - 60_000));
    expect(host.callsTo('session.activity')).toHaveLength(2);
  });

  it('does nothing while not signed in', async () => {
    render(<Probe active={false} />);
    await act(async () => vi.advanceTimersByTimeAsync(10 * IDLE_MINUTES * MINUTE_MS));
    expect(host.calls).toHaveLength(0);
  });
});
