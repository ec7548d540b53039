import type { SupervisorSnapshotView } from '../../../../shared/ipc';
import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';

/** "2 h 05 min" from milliseconds (whole minutes). */
function age(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

/** The escalations waiting for a Tier 2 officer, oldest first, and how long each has waited (issue 14 item 6). */
export function EscalationsWaiting(props: {
  escalations: SupervisorSnapshotView['escalations'];
  names: ReadonlyMap<string, string>;
  now: number;
}) {
  const t = useT();
  const m = t.supervisor.escalations;
  const navigate = useUiStore((s) => s.navigate);
  const { escalations } = props;
  return (
    <section className="panel" aria-labelledby="sv-escalations-title">
      <h2 id="sv-escalations-title">{m.title}</h2>
      <p data-testid="escalations-count">{escalations.count === 0 ? m.none : m.count(escalations.count)}</p>
      {escalations.items.length > 0 ? (
        <div className="sv-table-wrap">
          <table className="sv-table" data-testid="escalations">
            <caption>{m.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.age}</th>
                <th scope="col">{m.urgency}</th>
                <th scope="col">{m.by}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {escalations.items.map((e) => (
                <tr key={e.callbackId}>
                  <th scope="row">{age(props.now - e.escalatedAt)}</th>
                  <td>{t.urgency[e.urgency]}</td>
                  <td>{props.names.get(e.escalatedBy) ?? e.escalatedBy}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => navigate({ name: 'callback', callbackId: e.callbackId })}
                    >
                      {m.open}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
