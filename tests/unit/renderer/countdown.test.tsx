// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS, MINUTE_MS, DAY_MS } from '../../../src/shared/domain/policy';
import { countdownText, formatSpan } from '../../../src/renderer/src/components/countdown-format';
import { SlaCountdown } from '../../../src/renderer/src/components/SlaCountdown';
import { messages } from '../../../src/renderer/src/i18n';
import { useClockStore } from '../../../src/renderer/src/state/clock-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { ny } from '../domain/helpers';

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
    // Callback hours 07:00–18:30 New York, Monday–Friday; urgent callbacks are at risk under 12 callable hours.
    const dueAt = ny('2026-12-07 06:33'); // Monday, before opening
    useClockStore.setState({ offsetMs: 0, now: ny('2026-12-03 10:00') }); // Thursday: 8.5 h + Friday's 11.5 h left
    render(<SlaCountdown dueAt={dueAt} urgency="urgent" />);
    const el = () => screen.getByText(/due in|overdue by/);
    expect(el().textContent).toContain('On track, due in 3 d 20 h');
    expect(el().className).toContain('sla--on-track');

    act(() => useClockStore.setState({ now: ny('2026-12-03 18:10') })); // Friday's hours + 20 min left
    expect(el().textContent).toContain('At risk, due in 3 d 12 h');
    expect(el().className).toContain('sla--at-risk');

    act(() => useClockStore.setState({ now: ny('2026-12-07 06:00') }));
    expect(el().textContent).toContain('Due today, due in 33 min');

    act(() => useClockStore.setState({ now: dueAt + 61 * MINUTE_MS }));
    expect(el().textContent).toContain('Overdue, overdue by 1 h 01 min');
    expect(el().className).toContain('sla--overdue');
    expect(DEFAULT_POLICY.sla.urgentAtRiskHours).toBe(12);
  });

  it('issue 13: created Friday 06:33, due Monday 06:33 — only today until 18:30 is left, so not "On track"', () => {
    // The old wall-clock rule said "On track, due in 2 d 23 h" here.
    useClockStore.setState({ offsetMs: 0, now: ny('2026-12-04 06:33') });
    render(<SlaCountdown dueAt={ny('2026-12-07 06:33')} urgency="urgent" />);
    const el = screen.getByText(/due in/);
    expect(el.textContent).toContain('Due today, due in 3 d 0 h');
    expect(el.className).toContain('sla--due-today');
  });

  it("counts the customer's local hours when the whole input is given", () => {
    // Due Tuesday 09:00 New York; a Pacific customer (08:00 there = 11:00 New York) leaves only Monday
    // 11:00–18:30 before it, so Monday 10:00 is already due today; callback hours alone would leave Tuesday 07:00–09:00.
    const item = { dueAt: ny('2026-12-08 09:00'), urgency: 'urgent' as const };
    useClockStore.setState({ offsetMs: 0, now: ny('2026-12-07 10:00') });
    render(
      <>
        <SlaCountdown {...item} />
        <SlaCountdown {...item} input={{ ...item, zones: ['America/Los_Angeles'] }} />
      </>,
    );
    const [hoursOnly, withZone] = screen.getAllByText(/due in/);
    expect(hoursOnly?.className).toContain('sla--at-risk');
    expect(withZone?.className).toContain('sla--due-today');
  });

  it('follows the screen language', () => {
    useClockStore.setState({ offsetMs: 0, now: NOW });
    useUiStore.setState({ language: 'es' });
    render(<SlaCountdown dueAt={NOW - 5 * MINUTE_MS} urgency="non-urgent" />);
    expect(screen.getByText(/vencida hace/).textContent).toContain('Vencida, vencida hace 5 min');
  });
});
