import type { ChartData, ChartSeries } from '../../../../../shared/supervisor';

/** The chart's numbers as a table: categories are rows, series are columns; no value reads "no data". */
export function ChartTable(props: {
  chart: Pick<ChartData, 'categories' | 'series'>;
  caption: string;
  categoryLabel: string;
  categories: readonly string[];
  seriesLabels: readonly string[];
  noData: string;
  /** A value's text (the default: a count as is, a share with %). */
  format?: (value: number, unit: ChartSeries['unit']) => string;
}) {
  const { chart } = props;
  return (
    <table className="chart-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.categoryLabel}</th>
          {chart.series.map((s, j) => (
            <th scope="col" key={s.key}>
              {props.seriesLabels[j] ?? s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {chart.categories.map((c, i) => (
          <tr key={c.key}>
            <th scope="row">{props.categories[i] ?? c.label}</th>
            {chart.series.map((s) => {
              const v = s.values[i] ?? null;
              return (
                <td key={s.key}>
                  {v === null
                    ? props.noData
                    : props.format
                      ? props.format(v, s.unit)
                      : s.unit === 'percent'
                        ? `${v}%`
                        : String(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
