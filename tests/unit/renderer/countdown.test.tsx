// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS, MINUTE_MS, DAY_MS } from '../../../src/shared/domain/policy';
import { countdownText, formatSpan } from '../../../src/renderer/src/components/countdown-format';
import { SlaCountdown } from '../../../src/renderer/src/components/SlaCountdown';
import { messages } from '../../../src/renderer/src/i18n';
import { useClockStore } from '../../../src/renderer/src/state/clock-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';

afterEach(cleanup);
beforeEach(() => useUiStore.setState({ language: 'en' }));

const en = messages('en');
const es = messages('es');
// Tuesday 2026-03-03 15:00 UTC = 10:00 in the policy's callback-hours zone.
const NOW = Date.UTC(2026, 2, 3, 15, 0);

describe('countdown text', () => {
  it('shows the two largest units', () => {
    expect(formatSpan(2 * DAY_MS + 3 * HOUR_MS + 59 * MINUTE_MS, en.sla.units)).toBe('2 d 3 h');
    expect(formatSpan(3 * HOUR_MS + 5 * MINUTE_MS, en.sla.units)).toBe('3 h 05 min');
    expect(formatSpan(12 * MINUTE_MS + 30_000, en.sla.units)).toBe('12 min');
    expect(formatSpan(40_000, en.sla.units)).toBe('40 s');
    expect(formatSpan(-(90 * MINUTE_MS), en.sla.units)).toBe('1 h 30 min');
  });

  it('names the state before the time, in both languages', () => {
    expect(countdownText('overdue', -(90 * MINUTE_MS), en)).toBe('Overdue, overdue by 1 h 30 min');
    expect(countdownText('at-risk', 5 * HOUR_MS, en)).toBe('At risk, due in 5 h 00 min');
    expect(countdownText('on-track', 10 * DAY_MS, es)).toBe('A tiempo, vence en 10 d 0 h');
  });
});

describe('SlaCountdown', () => {
  it('ticks with the clock and changes state text and colour class together', () => {
    useClockStore.setState({ offsetMs: 0, now: NOW });
    // Due tomorrow 06:00 in the zone; urgent callbacks are at risk under 12 h (policy).
    const dueAt = NOW + 20 * HOUR_MS;
    render(<SlaCountdown dueAt={dueAt} urgency="urgent" />);
    const el = () => screen.getByText(/due in|overdue by/);
    expect(el().textContent).toContain('On track, due in 20 h 00 min');
    expect(el().className).toContain('sla--on-track');

    // 9 h later (19:00): 11 h left, due another calendar day → at risk.
    act(() => useClockStore.setState({ now: NOW + 9 * HOUR_MS }));
    expect(el().textContent).toContain('At risk, due in 11 h 00 min');
    expect(el().className).toContain('sla--at-risk');

    // Same business day as the due time.
    act(() => useClockStore.setState({ now: dueAt - 2 * HOUR_MS }));
    expect(el().textContent).toContain('Due today, due in 2 h 00 min');

    act(() => useClockStore.setState({ now: dueAt + 61 * MINUTE_MS }));
    expect(el().textContent).toContain('Overdue, overdue by 1 h 01 min');
    expect(el().className).toContain('sla--overdue');
    expect(DEFAULT_POLICY.sla.urgentAtRiskHours).toBeGreaterThan(10);
  });

  it('follows the screen language', () => {
    useClockStore.setState({ offsetMs: 0, now: NOW });
    useUiStore.setState({ language: 'es' });
    render(<SlaCountdown dueAt={NOW - 5 * MINUTE_MS} urgency="non-urgent" />);
    expect(screen.getByText(/vencida hace/).textContent).toContain('Vencida, vencida hace 5 min');
  });
});
