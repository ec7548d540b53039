// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import type { WorklistRow } from '../../../src/shared/ipc';
import { useWaitingNotice } from '../../../src/renderer/src/features/notices/use-waiting-notice';
import { WaitingBanner } from '../../../src/renderer/src/features/notices/WaitingBanner';
import { useClockStore } from '../../../src/renderer/src/state/clock-store';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { NOW, SIGNED_IN, worklistRow } from './fixtures';

// 10:42 in the callback-hours zone (Eastern), 12 minutes from NOW.
const UNTIL = NOW + 42 * MINUTE_MS;

beforeEach(() => {
  useUiStore.setState({ language: 'en', announcement: null });
  useSessionStore.setState({ session: SIGNED_IN });
  useClockStore.setState({ now: NOW, offsetMs: 0 });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('WaitingBanner', () => {
  it('says until when the customer waits, as a status, in the callback-hours zone', () => {
    render(<WaitingBanner until={UNTIL} />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toBe('Customer is waiting for your call until 10:42 AM');
  });

  it('reads in Spanish for a Spanish-speaking agent', () => {
    useUiStore.setState({ language: 'es' });
    render(<WaitingBanner until={UNTIL} />);
    expect(screen.getByTestId('waiting-banner').textContent).toMatch(
      /^El cliente espera su llamada hasta las 10:42\s?a\.\s?m\.$/,
    );
  });

  it('is a short label on a worklist row, not a second live region', () => {
    render(<WaitingBanner until={UNTIL} compact />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByTestId('row-waiting').textContent).toMatch(/until 10:42 AM/);
  });

  it('shows nothing with no wait, and goes away when the wait is over', () => {
    const { container, rerender } = render(<WaitingBanner until={null} />);
    expect(container.textContent).toBe('');
    rerender(<WaitingBanner until={UNTIL} />);
    expect(screen.getByRole('status')).toBeTruthy();
    act(() => useClockStore.setState({ now: UNTIL }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});

/** Records `new Notification(title, options)` and a permission the test chooses. */
function stubNotifications(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const shown: Array<{ title: string; body?: string; tag?: string }> = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = vi.fn(() => Promise.resolve(answer));
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body, tag: options?.tag });
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return { shown, requestPermission: FakeNotification.requestPermission };
}

function Probe({ rows }: { rows: WorklistRow[] }) {
  useWaitingNotice((i) => rows[i], rows.length);
  return null;
}

/** A row of mine whose customer waits until `until` (the id keeps tests apart: a wait is told once per app run). */
function waiting(id: string, until: number, mine = true): WorklistRow {
  return { ...worklistRow(1), id, mine, customerWaitingUntil: until };
}

describe('useWaitingNotice', () => {
  it('shows one desktop notification and announces it when my customer says yes, carrying the time only', () => {
    const { shown } = stubNotifications('granted');
    const rows = [waiting('cb-w1', UNTIL), worklistRow(2)];
    const { rerender } = render(<Probe rows={rows} />);
    expect(shown).toEqual([
      {
        title: 'Customer waiting',
        body: 'A customer is waiting for your call until 10:42 AM.',
        tag: `cb-w1:${UNTIL}`,
      },
    ]);
    expect(useUiStore.getState().announcement?.text).toBe(
      'A customer is waiting for your call until 10:42 AM.',
    );
    expect(JSON.stringify(shown)).not.toMatch(/Customer 1|EAC22/);
    // A re-render (a tick, a new page) does not tell it again.
    rerender(<Probe rows={[...rows]} />);
    act(() => useClockStore.setState({ now: NOW + MINUTE_MS }));
    expect(shown).toHaveLength(1);
  });

  it('tells a second "yes" on the same callback again', () => {
    const { shown } = stubNotifications('granted');
    const { rerender } = render(<Probe rows={[waiting('cb-w2', UNTIL)]} />);
    rerender(<Probe rows={[waiting('cb-w2', UNTIL + 30 * MINUTE_MS)]} />);
    expect(shown.map((n) => n.tag)).toEqual([`cb-w2:${UNTIL}`, `cb-w2:${UNTIL + 30 * MINUTE_MS}`]);
  });

  it("ignores other agents' callbacks and waits that are over", () => {
    const { shown } = stubNotifications('granted');
    render(<Probe rows={[waiting('cb-w3', UNTIL, false), waiting('cb-w4', NOW - MINUTE_MS)]} />);
    expect(shown).toEqual([]);
    expect(useUiStore.getState().announcement).toBeNull();
  });

  it('asks for permission once when not yet decided, and only announces when refused', async () => {
    const granted = stubNotifications('default', 'granted');
    render(<Probe rows={[waiting('cb-w5', UNTIL)]} />);
    await act(async () => {});
    expect(granted.requestPermission).toHaveBeenCalledTimes(1);
    expect(granted.shown.map((n) => n.tag)).toEqual([`cb-w5:${UNTIL}`]);
    cleanup();

    const denied = stubNotifications('denied');
    render(<Probe rows={[waiting('cb-w6', UNTIL)]} />);
    expect(denied.requestPermission).not.toHaveBeenCalled();
    expect(denied.shown).toEqual([]);
    expect(useUiStore.getState().announcement?.text).toMatch(/until 10:42 AM/);
  });
});
