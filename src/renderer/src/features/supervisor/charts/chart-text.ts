import type { ChartData } from '../../../../../shared/supervisor';
import type { SupervisorMessages } from '../i18n/supervisor-en';

export interface ChartText {
  title: string;
  summary: string;
  categoryLabel: string;
  categories: string[];
  series: string[];
}

const sum = (values: readonly (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
const seriesValues = (chart: ChartData, key: string) => chart.series.find((s) => s.key === key)?.values ?? [];

/**
 * The chart's words in the screen language. The server's ChartData carries English
 * titles and labels; the numbers are the same in every language, so the summary
 * is recomputed here from the series (and the server's label is the fallback).
 */
export function chartText(
  chart: ChartData,
  m: SupervisorMessages['charts'],
  outcomeLabels: Record<string, string>,
): ChartText {
  const days = chart.categories.length;
  const categories = chart.categories.map((c) => {
    if (c.key === 'overdue') return m.overdue;
    if (c.key === 'later') return m.later;
    if (c.label !== c.key && c.label.startsWith(c.key)) return m.today(c.key);
    return c.label;
  });
  const series = chart.series.map((s) => m.series[s.key] ?? outcomeLabels[s.key] ?? s.label);
  let summary: string;
  switch (chart.id) {
    case 'sla-compliance':
      summary = m.complianceSummary(
        sum(seriesValues(chart, 'on-time')),
        sum(seriesValues(chart, 'late')),
        sum(seriesValues(chart, 'open-past-due')),
        days,
      );
      break;
    case 'backlog-by-due-day': {
      const overdue = chart.series.reduce((s, series) => s + (series.values[0] ?? 0), 0);
      summary = m.backlogSummary(sum(chart.series.flatMap((s) => s.values)), overdue);
      break;
    }
    case 'attempt-outcomes': {
      const total = sum(chart.series.flatMap((s) => s.values));
      const reached =
        sum(seriesValues(chart, 'reached-resolved')) + sum(seriesValues(chart, 'reached-follow-up'));
      summary = m.outcomesSummary(total, reached, days);
      break;
    }
  }
  return {
    title: m.titles[chart.id](days),
    summary,
    categoryLabel: m.categoryLabels[chart.id],
    categories,
    series,
  };
}
