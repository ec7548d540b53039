import type { ChartSeries } from '../../../../../shared/supervisor';
import { niceMax, stackedMax, ticks } from './chart-scale';
import { ChartPatterns, patternId } from './ChartPatterns';
import { axisLabel, PLOT } from './plot';

/**
 * Stacked bars, one per category. The SVG is one image with a title and a
 * description (the summary); the numbers are in the data table next to it.
 */
export function BarChart(props: {
  chartId: string;
  title: string;
  summary: string;
  categoryKeys: readonly string[];
  categories: readonly string[];
  series: readonly ChartSeries[];
  seriesLabels: readonly string[];
}) {
  const { chartId, categories, series } = props;
  const top = niceMax(stackedMax(series));
  const y = (v: number) => PLOT.top + PLOT.height - (v / top) * PLOT.height;
  const band = PLOT.width / Math.max(1, categories.length);
  const barWidth = Math.max(4, band * 0.7);
  const titleId = `${chartId}-title`;
  const descId = `${chartId}-desc`;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${PLOT.viewWidth} ${PLOT.viewHeight}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      focusable="false"
    >
      <title id={titleId}>{props.title}</title>
      <desc id={descId}>{props.summary}</desc>
      <ChartPatterns chartId={chartId} />
      {ticks(top).map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={PLOT.left} x2={PLOT.left + PLOT.width} y1={y(tick)} y2={y(tick)} />
          <text className="chart-tick" x={PLOT.left - 6} y={y(tick) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      {categories.map((category, i) => {
        let base = 0;
        const x = PLOT.left + i * band + (band - barWidth) / 2;
        return (
          <g key={props.categoryKeys[i] ?? i}>
            {series.map((s, j) => {
              const value = s.values[i] ?? 0;
              if (value <= 0) return null;
              const rect = (
                <rect
                  key={s.key}
                  className="chart-bar"
                  x={x}
                  width={barWidth}
                  y={y(base + value)}
                  height={y(base) - y(base + value)}
                  fill={`url(#${patternId(chartId, j)})`}
                >
                  <title>{`${category} — ${props.seriesLabels[j] ?? s.label}: ${value}`}</title>
                </rect>
              );
              base += value;
              return rect;
            })}
            <text
              className="chart-tick"
              transform={`translate(${x + barWidth / 2}, ${PLOT.top + PLOT.height + 10}) rotate(-40)`}
              textAnchor="end"
            >
              {axisLabel(props.categoryKeys[i] ?? '', category)}
            </text>
          </g>
        );
      })}
      <line className="chart-axis" x1={PLOT.left} x2={PLOT.left + PLOT.width} y1={y(0)} y2={y(0)} />
    </svg>
  );
}
