import type { ChartData } from '../../../../../shared/supervisor';
import { useT } from '../../../i18n';
import { BarChart } from './BarChart';
import { ChartLegend } from './ChartPatterns';
import { chartText } from './chart-text';
import { ChartTable } from './ChartTable';
import { LineChart } from './LineChart';

/**
 * One chart with everything that makes it readable without seeing it: a heading,
 * a one-sentence summary, a legend in words, and its data table (one click or
 * Enter away, in a disclosure so the screen stays scannable).
 */
export function ChartPanel({ chart, kind }: { chart: ChartData; kind: 'bar' | 'line' }) {
  const t = useT();
  const m = t.supervisor.charts;
  const text = chartText(chart, m, t.outcomes);
  // The compliance line shows the rate; the counts behind it are in the table.
  const plotted = kind === 'line' ? chart.series.filter((s) => s.unit === 'percent') : chart.series;
  const plottedLabels = plotted.map((s) => text.series[chart.series.indexOf(s)] ?? s.label);
  const headingId = `${chart.id}-heading`;
  const props = {
    chartId: chart.id,
    title: text.title,
    summary: text.summary,
    categoryKeys: chart.categories.map((c) => c.key),
    categories: text.categories,
    series: plotted,
    seriesLabels: plottedLabels,
  };
  return (
    <section className="chart-panel panel" aria-labelledby={headingId} data-testid={`chart-${chart.id}`}>
      <h3 id={headingId}>{text.title}</h3>
      <p className="chart-summary">{text.summary}</p>
      <ChartLegend chartId={chart.id} labels={plottedLabels} label={m.legend} line={kind === 'line'} />
      {kind === 'line' ? <LineChart {...props} /> : <BarChart {...props} />}
      <details className="chart-details">
        <summary>{m.showTable(text.title)}</summary>
        <ChartTable
          chart={chart}
          caption={`${text.title}. ${text.summary}`}
          categoryLabel={text.categoryLabel}
          categories={text.categories}
          seriesLabels={text.series}
          noData={m.noData}
        />
      </details>
    </section>
  );
}
