import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { buildLeadReport } from '../../../src/shared/reports/lead-report';
import { leadReportCsv } from '../../../src/shared/reports/report-csv';
import { reportQuerySchema } from '../../../src/shared/reports/report-query';
import { leadReportSchema } from '../../../src/shared/reports/report-schema';
import { attemptRecord, callbackRow } from '../../fixtures/rows';
import { recomputeReport, reportFigures, reportWorld } from '../../support/report-world';

const policy = DEFAULT_POLICY;
const zone = policy.callbackHours.timeZone;
const rows = (w: ReturnType<typeof reportWorld>) => ({
  callbacks: w.callbacks,
  expedites: w.expedites,
  appointments: w.appointments,
  wrapUps: w.wrapUps,
});

describe('lead report', () => {
  // March 2025 in New York: DST starts on the 9th (a 23-hour day), weeks cut by the range.
  const world = reportWorld('alpha', Date.UTC(2025, 1, 20), 50, 400);
  const now = Date.UTC(2025, 2, 28, 15, 30);
  const query = reportQuerySchema.parse({ from: '2025-03-01', to: '2025-03-31' });

  it('matches an independent recomputation of every figure from the rows', () => {
    const report = buildLeadReport(query, 'alpha', rows(world), now, policy);
    const expected = recomputeReport(world, query, now, zone);
    const actual = reportFigures(report);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    // The world is varied enough that each figure has something in it.
    for (const chart of report.charts) {
      expect(chart.series.some((s) => s.values.some((v) => v !== null && v > 0))).toBe(true);
    }
    expect(leadReportSchema.parse(report)).toEqual(report);
  });

  it('counts a callback on its due day in the center zone, on time at the due instant and late after it', () => {
    const dueAt = Date.UTC(2025, 2, 11, 3, 30); // 23:30 on the 10th in New York (EDT)
    const cb = (id: string, closedAt: number | null) =>
      callbackRow({ id, dueAt, status: closedAt === null ? 'open' : 'closed-resolved', closedAt });
    const report = buildLeadReport(
      reportQuerySchema.parse({ from: '2025-03-10', to: '2025-03-11' }),
      'alpha',
      {
        callbacks: [
          cb('a', dueAt),
          cb('b', dueAt + 1),
          cb('c', null),
          {
            ...cb('d', null),
            attempts: [attemptRecord({ at: dueAt - 60_000, outcome: 'reached-resolved' })],
          },
        ],
        expedites: [],
        appointments: [],
        wrapUps: [],
      },
      dueAt + 1,
      policy,
    );
    const f = reportFigures(report);
    expect(f.get('sla-by-day|2025-03-10|on-time')).toBe(1);
    expect(f.get('sla-by-day|2025-03-10|late')).toBe(1);
    expect(f.get('sla-by-day|2025-03-10|open-past-due')).toBe(2);
    expect(f.get('sla-by-day|2025-03-10|compliance')).toBe(25);
    expect(f.get('sla-by-day|2025-03-11|compliance')).toBeNull();
    expect(f.get('sla-by-week|2025-03-10|on-time')).toBe(1);
    expect(f.get('first-attempt-by-day|2025-03-10|first-attempt-rate')).toBe(100);
    expect(f.get('handle-time-by-day|2025-03-10|handle')).toBeNull();
  });

  it('exports the same figures as CSV, one line per figure, category and measure', () => {
    const report = buildLeadReport(query, 'alpha', rows(world), now, policy);
    const lines = leadReportCsv(report).split('\r\n');
    expect(lines[0]).toBe('figure,category,measure,value');
    const read = new Map(
      lines
        .slice(1)
        .filter(Boolean)
        .map((line) => {
          const [figure, category, measure, value] = line.split(',');
          return [`${figure}|${category}|${measure}`, value === '' ? null : Number(value)];
        }),
    );
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(reportFigures(report)));
  });

  it('refuses a range that ends before it starts, runs past the longest range, or names no real date', () => {
    expect(reportQuerySchema.safeParse({ from: '2025-03-02', to: '2025-03-01' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ from: '2024-01-01', to: '2025-03-01' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ from: '2025-02-30', to: '2025-03-01' }).success).toBe(false);
    expect(
      reportQuerySchema.safeParse({ from: '2025-03-01', to: '2025-03-01', team: 'Alpha!' }).success,
    ).toBe(false);
    expect(reportQuerySchema.safeParse({ from: '2025-03-01', to: '2025-03-01', extra: 1 }).success).toBe(
      false,
    );
  });
});
