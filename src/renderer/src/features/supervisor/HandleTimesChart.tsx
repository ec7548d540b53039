import type { SupervisorSnapshotView } from '../../../../shared/ipc';
import { averageSeconds } from '../../../../shared/supervisor/handle-times';
import type { ChartSeries } from '../../../../shared/supervisor/charts';
import { useT } from '../../i18n';
import { BarChart } from './charts/BarChart';
import { ChartLegend } from './charts/ChartPatterns';
import { personName } from '../../i18n/person-name';

type Report = SupervisorSnapshotView['handleTimes'];

const CHART_ID = 'handle-times-chart';

/** m:ss of a number of seconds (the axis and the bar tooltips). */
export function minutesSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
}

/**
 * The handle-time table drawn (issue 14 item 5): per agent and for the team, one bar
 * of the period's average handle time per contact, stacked as talk time + after-call
 * work. The table beside it is the text alternative (same numbers), so the image is
 * named and summarised and nothing is only in the picture.
 */
export function HandleTimesChart(props: { report: Report; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const m = t.supervisor.handleTimes;
  const { report } = props;
  const lines = [...report.agents, report.team];
  const categories = lines.map((line) =>
    line.agentId === null ? m.team : personName(props.names, line.agentId, t),
  );
  const seconds = (ms: number, contacts: number) => averageSeconds(ms, contacts) ?? 0;
  const series: ChartSeries[] = [
    {
      key: 'talk',
      label: m.talk,
      unit: 'seconds',
      values: lines.map((l) => seconds(l.period.talkMs, l.period.contacts)),
    },
    {
      key: 'acw',
      label: m.acw,
      unit: 'seconds',
      values: lines.map((l) => seconds(l.period.afterCallWorkMs, l.period.contacts)),
    },
  ];
  const title = m.chartTitle(report.days);
  const summary = m.chartSummary(report.days);
  return (
    <figure className="sv-handle-chart" aria-labelledby={`${CHART_ID}-heading`}>
      <figcaption id={`${CHART_ID}-heading`}>{title}</figcaption>
      <ChartLegend chartId={CHART_ID} labels={[m.talk, m.acw]} label={t.supervisor.charts.legend} />
      <BarChart
        chartId={CHART_ID}
        title={title}
        summary={summary}
        categoryKeys={lines.map((l) => l.agentId ?? 'team')}
        categories={categories}
        series={series}
        seriesLabels={[m.talk, m.acw]}
        valueLabel={minutesSeconds}
      />
    </figure>
  );
}
