import type { ChartSeries } from '../../../../../shared/supervisor';
import { niceMax, stackedMax } from './chart-scale';
import { ChartFrame, plotY } from './ChartFrame';
import { ChartPatterns, patternId } from './ChartPatterns';
import { axisLabel, PLOT } from './plot';

/**
 * Stacked bars, one per category, in the shared ChartFrame.
 */
export function BarChart(props: {
  chartId: string;
  title: string;
  summary: string;
  categoryKeys: readonly string[];
  categories: readonly string[];
  series: readonly ChartSeries[];
  seriesLabels: readonly string[];
  /** How a value reads on the axis and in a bar's tooltip (e.g. m:ss for seconds); the number itself when absent. */
  valueLabel?: (value: number) => string;
}) {
  const { chartId, categories, series } = props;
  const top = niceMax(stackedMax(series));
  const y = (v: number) => plotY(v, top);
  const band = PLOT.width / Math.max(1, categories.length);
  const barWidth = Math.max(4, band * 0.7);
  return (
    <ChartFrame
      chartId={chartId}
      title={props.title}
      summary={props.summary}
      top={top}
      tickLabel={props.valueLabel}
    >
      <ChartPatterns chartId={chartId} />
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
                  <title>{`${category} — ${props.seriesLabels[j] ?? s.label}: ${props.valueLabel ? props.valueLabel(value) : value}`}</title>
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
    </ChartFrame>
  );
}
