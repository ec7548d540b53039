// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChartData } from '../../../../src/shared/supervisor';
import { ChartPanel } from '../../../../src/renderer/src/features/supervisor/charts/ChartPanel';
import {
  niceMax,
  stackedMax,
  ticks,
} from '../../../../src/renderer/src/features/supervisor/charts/chart-scale';
import { segments } from '../../../../src/renderer/src/features/supervisor/charts/LineChart';
import { useUiStore } from '../../../../src/renderer/src/state/ui-store';
import { snapshot } from './supervisor-fixtures';

const BACKLOG: ChartData = {
  id: 'backlog-by-due-day',
  title: 'Open callbacks by due day',
  summary: 'server summary',
  categoryLabel: 'Due',
  categories: [
    { key: 'overdue', label: 'Overdue' },
    { key: '2026-03-03', label: '2026-03-03 (today)' },
    { key: '2026-03-04', label: '2026-03-04' },
    { key: 'later', label: 'Later' },
  ],
  series: [
    { key: 'urgent', label: 'Urgent', unit: 'count', values: [3, 1, 0, 0] },
    { key: 'non-urgent', label: 'Non-urgent', unit: 'count', values: [1, 0, 2, 5] },
  ],
};

const COMPLIANCE: ChartData = {
  id: 'sla-compliance',
  title: 'SLA compliance, last 3 days',
  summary: 'server summary',
  categoryLabel: 'Day due',
  categories: [
    { key: '2026-03-01', label: '2026-03-01' },
    { key: '2026-03-02', label: '2026-03-02' },
    { key: '2026-03-03', label: '2026-03-03' },
  ],
  series: [
    { key: 'compliance', label: 'On time (%)', unit: 'percent', values: [25, null, 100] },
    { key: 'on-time', label: 'Closed on time', unit: 'count', values: [1, 0, 1] },
    { key: 'late', label: 'Closed late', unit: 'count', values: [1, 0, 0] },
    { key: 'open-past-due', label: 'Open past due', unit: 'count', values: [2, 0, 0] },
  ],
};

beforeEach(() => useUiStore.setState({ language: 'en' }));

/** The sentence under the chart's heading must be the one the image is described by. */
function summaryOf(image: HTMLElement): string | null {
  const desc = image.querySelector('desc')?.textContent ?? null;
  expect(image.closest('section')?.querySelector('.chart-summary')?.textContent).toBe(desc);
  return desc;
}
afterEach(cleanup);

describe('chart + data table', () => {
  it('draws one image named by its title and summary, and a table with every number', async () => {
    const user = userEvent.setup();
    render(<ChartPanel chart={BACKLOG} kind="bar" />);
    const image = screen.getByRole('img', { name: /Open callbacks by due day/ });
    expect(image.getAttribute('aria-labelledby')).toContain('backlog-by-due-day-desc');
    // The summary is recomputed from the numbers (not the server's English sentence).
    expect(summaryOf(image)).toBe('12 open callbacks, 4 of them overdue.');
    // One bar segment per non-zero value, each with a pattern fill (not colour alone).
    const bars = image.querySelectorAll('rect.chart-bar');
    expect(bars).toHaveLength(5);
    for (const bar of bars)
      expect(bar.getAttribute('fill')).toMatch(/^url\(#backlog-by-due-day-pattern-\d\)$/);
    expect(new Set([...bars].map((b) => b.getAttribute('fill'))).size).toBe(2);
    // A legend in words.
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Urgent', 'Non-urgent']);

    // The table sits behind a disclosure, operable from the keyboard.
    const summary = screen.getByText('Data table: Open callbacks by due day');
    summary.focus();
    await user.keyboard('{Enter}');
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Due' })).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Overdue', '3', '1'],
      ['2026-03-03 (today)', '1', '0'],
      ['2026-03-04', '0', '2'],
      ['Later', '0', '5'],
    ]);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader', { name: 'Overdue' })).toBeTruthy();
  });

  it('breaks the compliance line on a day with no data and says "no data" in the table', () => {
    render(<ChartPanel chart={COMPLIANCE} kind="line" />);
    const image = screen.getByRole('img', { name: /SLA compliance, last 3 days/ });
    expect(image.querySelectorAll('polyline')).toHaveLength(2);
    expect(image.querySelectorAll('rect.chart-point')).toHaveLength(2);
    // Open callbacks past their due time count against compliance: never "100%" beside a pile of overdue work.
    expect(summaryOf(image)).toBe(
      'Of 5 callbacks due in the last 3 days, 2 were closed on time, 1 closed late and 2 are still open past their due time: 40% on time.',
    );
    const cells = within(screen.getByRole('table'))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual(['25%', '1', '1', '2']);
    expect(cells.slice(4, 8)).toEqual(['no data', '0', '0', '0']);
  });

  it('speaks Spanish from the catalog, numbers unchanged', () => {
    useUiStore.setState({ language: 'es' });
    render(<ChartPanel chart={BACKLOG} kind="bar" />);
    const image = screen.getByRole('img', { name: /Llamadas abiertas por día de vencimiento/ });
    expect(summaryOf(image)).toBe('12 llamadas abiertas, 4 de ellas vencidas.');
    expect(screen.getByRole('rowheader', { name: 'Vencidas' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: '2026-03-03 (hoy)' })).toBeTruthy();
  });

  it('renders the real charts of a snapshot, each with a table that matches its series', () => {
    const charts = snapshot(1).charts;
    for (const chart of [charts.slaCompliance, charts.backlogByDueDay, charts.attemptOutcomes]) {
      cleanup();
      render(<ChartPanel chart={chart} kind={chart.id === 'sla-compliance' ? 'line' : 'bar'} />);
      const table = screen.getByRole('table', { hidden: true });
      expect(within(table).getAllByRole('row', { hidden: true })).toHaveLength(chart.categories.length + 1);
      expect(within(table).getAllByRole('columnheader', { hidden: true })).toHaveLength(
        chart.series.length + 1,
      );
    }
  });
});

describe('chart arithmetic', () => {
  it('puts the top of the axis at or above the data, within a factor of 2.5', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e9, noNaN: true }), (max) => {
        const top = niceMax(max);
        expect(top).toBeGreaterThanOrEqual(max);
        expect(top).toBeLessThanOrEqual(max * 2.5 + 1e-9);
      }),
    );
    expect(niceMax(0)).toBe(1);
    expect(ticks(100)).toEqual([0, 25, 50, 75, 100]);
    // Whole numbers on a count axis whatever its top.
    for (const max of [1, 2, 3, 7, 9, 13, 26, 70, 333]) {
      expect(ticks(niceMax(max)).every((tick) => Number.isInteger(tick))).toBe(true);
    }
    expect(stackedMax(BACKLOG.series)).toBe(5);
  });

  it('splits a series into runs of values, every non-null index exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(), { nil: null }), { maxLength: 30 }), (values) => {
        const runs = segments(values);
        expect(runs.flat()).toEqual(values.flatMap((v, i) => (v === null ? [] : [i])));
        for (const run of runs)
          for (let k = 1; k < run.length; k++) expect(run[k]).toBe((run[k - 1] ?? 0) + 1);
      }),
    );
  });
});
