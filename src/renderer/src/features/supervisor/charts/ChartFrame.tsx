import type { ReactNode } from 'react';
import { ticks } from './chart-scale';
import { PLOT } from './plot';

/** The plot's y coordinate of a value on a 0–`top` axis. */
export function plotY(value: number, top: number): number {
  return PLOT.top + PLOT.height - (value / top) * PLOT.height;
}

/**
 * What every chart shares: one SVG image named by its title and described by the
 * summary (the numbers are in the data table next to it), the value grid with its
 * tick labels, and the zero axis drawn over the marks.
 */
export function ChartFrame(props: {
  chartId: string;
  title: string;
  summary: string;
  /** Top of the value axis. */
  top: number;
  tickLabel?: (tick: number) => string | number;
  children: ReactNode;
}) {
  const { chartId, top } = props;
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
      {ticks(top).map((tick) => (
        <g key={tick}>
          <line
            className="chart-grid"
            x1={PLOT.left}
            x2={PLOT.left + PLOT.width}
            y1={plotY(tick, top)}
            y2={plotY(tick, top)}
          />
          <text className="chart-tick" x={PLOT.left - 6} y={plotY(tick, top) + 4} textAnchor="end">
            {props.tickLabel ? props.tickLabel(tick) : tick}
          </text>
        </g>
      ))}
      {props.children}
      <line
        className="chart-axis"
        x1={PLOT.left}
        x2={PLOT.left + PLOT.width}
        y1={plotY(0, top)}
        y2={plotY(0, top)}
      />
    </svg>
  );
}
