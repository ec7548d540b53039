import type { ChartSeries } from '../../../../../shared/supervisor';
import { niceMax } from './chart-scale';
import { ChartFrame, plotY } from './ChartFrame';
import { axisLabel, PLOT } from './plot';

/**
 * Lines with a marker at every value; a null (no data that day) breaks the line
 * rather than pretending it was zero. Percent series run on a 0–100 axis.
 */
export function LineChart(props: {
  chartId: string;
  title: string;
  summary: string;
  categoryKeys: readonly string[];
  categories: readonly string[];
  series: readonly ChartSeries[];
  seriesLabels: readonly string[];
}) {
  const { chartId, categories, series } = props;
  const percent = series.every((s) => s.unit === 'percent');
  const top = percent ? 100 : niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const y = (v: number) => plotY(v, top);
  const band = PLOT.width / Math.max(1, categories.length);
  const x = (i: number) => PLOT.left + i * band + band / 2;
  return (
    <ChartFrame
      chartId={chartId}
      title={props.title}
      summary={props.summary}
      top={top}
      tickLabel={(tick) => (percent ? `${tick}%` : tick)}
    >
      {series.map((s, j) => (
        <g key={s.key}>
          {segments(s.values).map((segment) => (
            <polyline
              key={segment[0]}
              className={`chart-line chart-stroke-${j}`}
              points={segment.map((i) => `${x(i)},${y(s.values[i] ?? 0)}`).join(' ')}
            />
          ))}
          {s.values.map((v, i) =>
            v === null ? null : (
              <rect
                key={i}
                className={`chart-point chart-fill-${j}`}
                x={x(i) - 4}
                y={y(v) - 4}
                width="8"
                height="8"
              >
                <title>{`${categories[i]} — ${props.seriesLabels[j] ?? s.label}: ${v}${percent ? '%' : ''}`}</title>
              </rect>
            ),
          )}
        </g>
      ))}
      {categories.map((category, i) => (
        <text
          key={props.categoryKeys[i] ?? i}
          className="chart-tick"
          transform={`translate(${x(i)}, ${PLOT.top + PLOT.height + 10}) rotate(-40)`}
          textAnchor="end"
        >
          {axisLabel(props.categoryKeys[i] ?? '', category)}
        </text>
      ))}
    </ChartFrame>
  );
}

/** Runs of consecutive non-null indexes (each drawn as one polyline). */
export function segments(values: readonly (number | null)[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length > 0) runs.push(run);
  return runs;
}
