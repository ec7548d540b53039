/**
 * One fill per series that differs in pattern as well as colour (stripes, dots,
 * lines…), so series can be told apart without colour vision and in print.
 * Pattern ids are page-wide, so a legend swatch can reuse its chart's patterns.
 */
export const PATTERN_COUNT = 6;

export function patternId(chartId: string, index: number): string {
  return `${chartId}-pattern-${index % PATTERN_COUNT}`;
}

export function ChartPatterns({ chartId }: { chartId: string }) {
  const marks = [
    null,
    <path key="m" className="chart-mark" d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" />,
    <circle key="m" className="chart-mark chart-mark--dot" cx="4" cy="4" r="1.6" />,
    <path key="m" className="chart-mark" d="M0,4 h8" />,
    <path key="m" className="chart-mark" d="M0,0 l8,8 M8,0 l-8,8" />,
    <path key="m" className="chart-mark" d="M4,0 v8" />,
  ];
  return (
    <defs>
      {marks.map((mark, i) => (
        <pattern key={i} id={patternId(chartId, i)} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" className={`chart-fill-${i}`} />
          {mark}
        </pattern>
      ))}
    </defs>
  );
}

/** A legend: swatch (pattern + colour) AND the series name in text. */
export function ChartLegend(props: {
  chartId: string;
  labels: readonly string[];
  label: string;
  line?: boolean;
}) {
  return (
    <ul className="chart-legend" aria-label={props.label}>
      {props.labels.map((label, i) => (
        <li key={label}>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            {props.line ? (
              <>
                <line x1="0" y1="8" x2="16" y2="8" className={`chart-line chart-stroke-${i}`} />
                <rect x="5" y="5" width="6" height="6" className={`chart-fill-${i}`} />
              </>
            ) : (
              <rect
                width="16"
                height="16"
                fill={`url(#${patternId(props.chartId, i)})`}
                className="chart-swatch"
              />
            )}
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
