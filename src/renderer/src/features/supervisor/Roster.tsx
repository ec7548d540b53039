import { ATTEMPT_OUTCOMES } from '../../../../shared/domain/attempts';
import type { SupervisorSnapshotView } from '../../../../shared/ipc';
import { useT } from '../../i18n';
import { formatClock } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';

/** A shape per presence, so it reads without colour too (the word is always there as well). */
const PRESENCE_ICON = {
  available: '●',
  'on-call': '☎',
  'after-call': '✎',
  break: '◐',
  offline: '○',
  'away-locked': '⏸',
} as const;

/** The team's agents: presence, what they are on, what they hold, what they did today. */
export function Roster({ roster }: { roster: SupervisorSnapshotView['roster'] }) {
  const t = useT();
  const m = t.supervisor.roster;
  const zone = usePolicy().callbackHours.timeZone;
  return (
    <section className="panel" aria-labelledby="sv-roster-title">
      <h2 id="sv-roster-title">{m.title}</h2>
      {roster.length === 0 ? (
        <p>{m.noAgents}</p>
      ) : (
        <div className="sv-table-wrap">
          <table className="sv-table" data-testid="roster">
            <caption className="visually-hidden">{m.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.agent}</th>
                <th scope="col">{m.role}</th>
                <th scope="col">{m.presence}</th>
                <th scope="col">{m.currentItem}</th>
                <th scope="col">{m.held}</th>
                <th scope="col">{m.attempts}</th>
                <th scope="col">{m.outcomes}</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((agent) => {
                const outcomes = ATTEMPT_OUTCOMES.filter((o) => agent.outcomesToday[o] > 0);
                return (
                  <tr key={agent.userId} data-user={agent.userId}>
                    <th scope="row">{agent.name}</th>
                    <td>{t.roles[agent.role]}</td>
                    <td
                      data-presence={agent.presence}
                      className={`sv-presence sv-presence--${agent.presence}`}
                    >
                      <span aria-hidden="true">{PRESENCE_ICON[agent.presence]}</span>{' '}
                      {t.supervisor.presence[agent.presence]}
                      {agent.presenceSince !== null && agent.presence !== 'offline' ? (
                        <span className="sv-since">
                          {' '}
                          ({m.since} {formatClock(agent.presenceSince, zone)})
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {agent.currentItem
                        ? `${m.item[agent.currentItem.table]}: ${agent.currentItemName ?? agent.currentItem.id}`
                        : m.none}
                    </td>
                    <td>{agent.callbacksHeld}</td>
                    <td>{agent.attemptsToday}</td>
                    <td>
                      {outcomes.length === 0 ? (
                        m.none
                      ) : (
                        <ul className="sv-outcomes">
                          {outcomes.map((o) => (
                            <li key={o}>
                              {t.outcomes[o]}: {agent.outcomesToday[o]}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
