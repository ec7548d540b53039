import { toCsv } from './csv';
import type { LeadReport } from './lead-report';

/**
 * A lead report as one CSV table (RFC 4180, formula injection neutralized): a line per
 * figure, category and measure, keyed by the same stable ids as the report object, so a
 * spreadsheet can pivot it and a test can read it back. Empty value: no data (e.g. an
 * on-time share on a day nothing came due).
 */
export function leadReportCsv(report: LeadReport): string {
  const lines: (string | number | null)[][] = [];
  for (const chart of report.charts) {
    chart.categories.forEach((category, i) => {
      for (const series of chart.series)
        lines.push([chart.id, category.key, series.key, series.values[i] ?? null]);
    });
  }
  return toCsv(['figure', 'category', 'measure', 'value'], lines);
}

/** The export's file name: the team (or all teams) and the range. */
export function leadReportFileName(report: Pick<LeadReport, 'team' | 'from' | 'to'>): string {
  return `agent-desk-report-${report.team ?? 'all-teams'}-${report.from}-to-${report.to}.csv`;
}
