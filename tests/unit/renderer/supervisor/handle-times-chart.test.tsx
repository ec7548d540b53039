// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HandleTimes } from '../../../../src/renderer/src/features/supervisor/HandleTimes';
import { minutesSeconds } from '../../../../src/renderer/src/features/supervisor/HandleTimesChart';
import { useUiStore } from '../../../../src/renderer/src/state/ui-store';
import type { HandleTimeReport } from '../../../../src/shared/supervisor/handle-times';

// Issue 14 item 5: the lead's handle-time view has a chart next to its table; the table
// stays the text alternative (same numbers), the chart is one named, summarised image.
const totals = (contacts: number, talkS: number, acwS: number) => ({
  contacts,
  talkMs: contacts * talkS * 1000,
  afterCallWorkMs: contacts * acwS * 1000,
  handleMs: contacts * (talkS + acwS) * 1000,
});
const report: HandleTimeReport = {
  days: 14,
  today: '2026-03-03',
  agents: [
    { agentId: 'u-alice', today: totals(1, 240, 60), period: totals(4, 300, 90) },
    { agentId: 'u-bob', today: totals(0, 0, 0), period: totals(0, 0, 0) },
  ],
  team: { agentId: null, today: totals(1, 240, 60), period: totals(4, 300, 90) },
};
const names = new Map([
  ['u-alice', 'Alice Tier1'],
  ['u-bob', 'Bob Tier1'],
]);

beforeEach(() => useUiStore.setState({ language: 'en' }));
afterEach(cleanup);

describe('the handle-time chart', () => {
  it('draws one bar per agent and the team, stacked talk + after-call work, beside the table', () => {
    render(<HandleTimes report={report} names={names} />);
    const image = screen.getByRole('img', { name: /Average handle time per contact, last 14 days/ });
    const tips = [...image.querySelectorAll('rect.chart-bar title')].map((n) => n.textContent);
    expect(tips).toEqual([
      'Alice Tier1 — Talk time: 5:00',
      'Alice Tier1 — After-call work: 1:30',
      'Whole team — Talk time: 5:00',
      'Whole team — After-call work: 1:30',
    ]);
    // Bob had no contact: an axis label, no bar.
    expect(image.textContent).toContain('Bob Tier1');
    expect(within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem')).toHaveLength(2);
    // The table is still there with the same averages (handle = talk + after-call work).
    const row = within(screen.getByTestId('handle-times')).getByRole('row', { name: /Alice Tier1/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '5:00', '1:00', '4', '6:30', '1:30']);
  });

  it('labels the axis in minutes:seconds', () => {
    expect(minutesSeconds(0)).toBe('0:00');
    expect(minutesSeconds(390)).toBe('6:30');
    expect(minutesSeconds(3605)).toBe('60:05');
  });
});
