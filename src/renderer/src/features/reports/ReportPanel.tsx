import type { ReportChart } from '../../../../shared/reports/lead-report';
import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';
import { BarChart } from '../supervisor/charts/BarChart';
import { ChartLegend } from '../supervisor/charts/ChartPatterns';
import { ChartTable } from '../supervisor/charts/ChartTable';
import { reportChartText } from './report-text';

/**
 * What each figure's bars stack: counts that add up (on time + late + open past due…),
 * and for handle time the two averages that make the third (talk + after-call work).
 * Shares and the averages' sum are in the table only.
 */
const PLOTTED: Partial<Record<ReportChart['id'], readonly string[]>> = {
  'handle-time-by-day': ['talk', 'after-call-work'],
};

/** One figure of a report: heading, summary sentence, legend, bar chart, and its data table (always shown: printable). */
export function ReportPanel({ chart }: { chart: ReportChart }) {
  const t = useT();
  const m = t.reports;
  const lang = useUiStore((s) => s.language);
  const text = reportChartText(chart, m, t.outcomes, lang);
  const keys = PLOTTED[chart.id];
  const plotted = chart.series.filter((s) => (keys ? keys.includes(s.key) : s.unit === 'count'));
  const plottedLabels = plotted.map((s) => text.series[chart.series.indexOf(s)] ?? s.key);
  const headingId = `report-${chart.id}-heading`;
  const chartId = `report-${chart.id}`;
  return (
    <section
      className="chart-panel panel report-panel"
      aria-labelledby={headingId}
      data-testid={`report-${chart.id}`}
    >
      <h2 id={headingId}>{text.title}</h2>
      <p className="chart-summary">{text.summary}</p>
      <ChartLegend chartId={chartId} labels={plottedLabels} label={t.supervisor.charts.legend} />
      <BarChart
        chartId={chartId}
        title={text.title}
        summary={text.summary}
        categoryKeys={chart.categories.map((c) => c.key)}
        categories={text.categories}
        series={plotted}
        seriesLabels={plottedLabels}
      />
      <div className="report-table" tabIndex={0} role="region" aria-label={text.title}>
        <ChartTable
          chart={chart}
          caption={`${text.title}. ${text.summary}`}
          categoryLabel={text.categoryLabel}
          categories={text.categories}
          seriesLabels={text.series}
          noData={m.noData}
          format={(v, unit) =>
            unit === 'percent' ? `${v}%` : unit === 'seconds' ? m.duration(v) : String(v)
          }
        />
      </div>
    </section>
  );
}
