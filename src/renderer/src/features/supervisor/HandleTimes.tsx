import type { SupervisorSnapshotView } from '../../../../shared/ipc';
import { averageSeconds } from '../../../../shared/supervisor/handle-times';
import { useT } from '../../i18n';
import { HandleTimesChart } from './HandleTimesChart';
import { personName } from '../../i18n/person-name';

type Report = SupervisorSnapshotView['handleTimes'];
type Totals = Report['team']['today'];

/** m:ss of an average, or a dash when there was no contact. */
function average(ms: number, contacts: number, none: string): string {
  const seconds = averageSeconds(ms, contacts);
  if (seconds === null) return none;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Handle time and after-call work per agent and for the team (issue 14 item 5): today
 * and the last days, averages per contact, from the wrap-ups the server aggregates.
 */
export function HandleTimes(props: { report: Report; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const m = t.supervisor.handleTimes;
  const { report } = props;
  const cells = (totals: Totals) => [
    totals.contacts,
    average(totals.handleMs, totals.contacts, m.none),
    average(totals.afterCallWorkMs, totals.contacts, m.none),
  ];
  const lines = [...report.agents, report.team];
  return (
    <section className="panel" aria-labelledby="sv-handle-title">
      <h2 id="sv-handle-title">{m.title}</h2>
      <HandleTimesChart report={report} names={props.names} />
      <div className="sv-table-wrap">
        <table className="sv-table" data-testid="handle-times">
          <caption>{m.caption(report.days)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.agent}</th>
              <th scope="col">{m.contactsToday}</th>
              <th scope="col">{m.handleToday}</th>
              <th scope="col">{m.acwToday}</th>
              <th scope="col">{m.contactsPeriod(report.days)}</th>
              <th scope="col">{m.handlePeriod(report.days)}</th>
              <th scope="col">{m.acwPeriod(report.days)}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.agentId ?? 'team'}>
                <th scope="row">
                  {line.agentId === null ? m.team : personName(props.names, line.agentId, t)}
                </th>
                {[...cells(line.today), ...cells(line.period)].map((value, i) => (
                  <td key={i}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
