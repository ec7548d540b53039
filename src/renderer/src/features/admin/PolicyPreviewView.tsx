import type { PolicyPreview } from '../../../../shared/admin/policy-preview';
import { SLA_STATES } from '../../../../shared/domain/sla';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';

const shown = (v: string | number | boolean | null) => (v === null ? '—' : String(v));

/** What a draft changes: the values, a new callback's due time, today's open callbacks' SLA states. */
export function PolicyPreviewView({ preview }: { preview: PolicyPreview }) {
  const t = useT();
  const m = t.admin.policy.result;
  const sla = t.admin.policy.sla;
  const zone = usePolicy().callbackHours.timeZone;
  return (
    <section className="admin-preview" aria-labelledby="admin-policy-preview" data-testid="policy-preview">
      <h3 id="admin-policy-preview" tabIndex={-1}>
        {m.title}
      </h3>
      <p>{m.at(formatInstant(preview.at, zone))}</p>
      <table className="admin-table">
        <caption>{m.changes}</caption>
        <thead>
          <tr>
            <th scope="col">{m.path}</th>
            <th scope="col">{m.from}</th>
            <th scope="col">{m.to}</th>
          </tr>
        </thead>
        <tbody>
          {preview.changes.map((c) => (
            <tr key={c.path}>
              <th scope="row">
                <code>{c.path}</code>
              </th>
              <td>{shown(c.from)}</td>
              <td>{shown(c.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="admin-table">
        <caption>{m.newCallbacks}</caption>
        <thead>
          <tr>
            <th scope="col">{m.urgency}</th>
            <th scope="col">{m.dueInForce}</th>
            <th scope="col">{m.dueProposed}</th>
          </tr>
        </thead>
        <tbody>
          {preview.newCallbacks.map((c) => (
            <tr key={c.urgency} data-testid={`preview-due-${c.urgency}`}>
              <th scope="row">{t.urgency[c.urgency]}</th>
              <td>{formatInstant(c.dueInForce, zone)}</td>
              <td>{formatInstant(c.dueProposed, zone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="admin-table">
        <caption>{m.open(preview.open.total)}</caption>
        <thead>
          <tr>
            <th scope="col">{m.state}</th>
            <th scope="col">{m.dueInForce}</th>
            <th scope="col">{m.dueProposed}</th>
          </tr>
        </thead>
        <tbody>
          {SLA_STATES.map((s) => (
            <tr key={s}>
              <th scope="row">{sla[s]}</th>
              <td>{preview.open.statesInForce[s]}</td>
              <td>{preview.open.statesProposed[s]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul>
        <li>{m.stateChanged(preview.open.stateChanged)}</li>
        <li>{m.attemptsChanged(preview.open.attemptsChanged)}</li>
        <li>{m.keepDue}</li>
      </ul>
    </section>
  );
}
