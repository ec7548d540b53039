import { useCallback, useEffect, useRef, useState } from 'react';
import type { BulkResult, DrillDownView } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { SlaCountdown } from '../../components/SlaCountdown';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import type { DrillTarget } from './supervisor-store';
import { errorText } from '../../i18n/error-text';

export const DRILL_PAGE_SIZE = 50;

interface TeamUser {
  id: string;
  name: string;
  role: 'tier1' | 'tier2' | 'lead' | 'admin';
  active: boolean;
}

/**
 * The callbacks behind one board figure, most at risk first. The lead selects one
 * or many (checkboxes, keyboard-operable) and reassigns them — to an agent or back
 * to the team queue — or grants an extra attempt. Each is one queued mutation; the
 * server authorizes and audits each, and refusals are listed with their reason.
 */
export function DrillDown(props: {
  target: DrillTarget;
  figureLabel: string;
  /** Changes when the figure's count changes: the list is re-read then. */
  revision: string;
  onClose(): void;
  onUrgency(urgency: DrillTarget['urgency']): void;
}) {
  const t = useT();
  const m = t.supervisor.drill;
  const zone = usePolicy().callbackHours.timeZone;
  const [view, setView] = useState<DrillDownView | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [users, setUsers] = useState<TeamUser[]>([]);
  const [assignee, setAssignee] = useState('');
  const [outcome, setOutcome] = useState<{ text: string; refused: BulkResult['refused'] } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { figure, urgency } = props.target;

  // A new figure: start the list with its heading (not on an urgency change: focus stays on the select).
  useEffect(() => headingRef.current?.focus(), [figure]);
  useEffect(() => {
    setOffset(0);
    setSelected(new Set());
    setOutcome(null);
  }, [figure, urgency]);

  useEffect(() => {
    void invoke('team.users', {}).then((result) => {
      if (result.ok) setUsers(result.value.filter((u) => u.active && u.role !== 'admin'));
    });
  }, []);

  const load = useCallback(async () => {
    const result = await invoke('supervisor.drillDown', {
      figure,
      ...(urgency ? { urgency } : {}),
      offset,
      limit: DRILL_PAGE_SIZE,
    });
    if (!result.ok) {
      setError(errorText(result.error, t));
      return;
    }
    setError(null);
    setView(result.value);
    const shown = new Set(result.value.items.map((i) => i.id));
    setSelected((before) => new Set([...before].filter((id) => shown.has(id))));
  }, [figure, urgency, offset]);

  useEffect(() => {
    void load();
  }, [load, props.revision]);

  const items = view?.items ?? [];
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  const toggle = (id: string) =>
    setSelected((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const nameOf = (id: string) => items.find((i) => i.id === id)?.customerName ?? m.noName;

  const finish = (result: BulkResult, done: string) => {
    const text = result.refused.length > 0 ? `${done} ${m.refused(result.refused.length)}` : done;
    setOutcome({ text, refused: result.refused });
    useUiStore.getState().announce(text);
    setSelected(new Set());
    void load();
  };

  const reassign = async () => {
    setBusy(true);
    const callbackIds = [...selected];
    const assigneeId = assignee === '' ? null : assignee;
    const result = await invoke('supervisor.reassign', { callbackIds, assigneeId });
    setBusy(false);
    if (!result.ok) return setOutcome({ text: errorText(result.error, t), refused: [] });
    const to = assigneeId === null ? m.queue : (users.find((u) => u.id === assigneeId)?.name ?? assigneeId);
    finish(result.value, m.reassigned(result.value.mutationIds.length, to));
  };

  const grant = async () => {
    setBusy(true);
    const result = await invoke('supervisor.grantExtraAttempts', { callbackIds: [...selected] });
    setBusy(false);
    if (!result.ok) return setOutcome({ text: errorText(result.error, t), refused: [] });
    finish(result.value, m.granted(result.value.mutationIds.length));
  };

  const nothing = selected.size === 0;
  return (
    <section className="panel sv-drill" aria-labelledby="sv-drill-title" data-testid="drill-down">
      <div className="sv-drill-head">
        <h2 id="sv-drill-title" ref={headingRef} tabIndex={-1}>
          {m.title(props.figureLabel)}
        </h2>
        <button type="button" onClick={props.onClose}>
          {m.close}
        </button>
      </div>
      <div className="actions">
        <label htmlFor="sv-drill-urgency">{m.urgency}</label>
        <select
          id="sv-drill-urgency"
          value={urgency ?? ''}
          onChange={(e) =>
            props.onUrgency(e.target.value === '' ? null : (e.target.value as 'urgent' | 'non-urgent'))
          }
        >
          <option value="">{m.anyUrgency}</option>
          <option value="urgent">{t.urgency.urgent}</option>
          <option value="non-urgent">{t.urgency['non-urgent']}</option>
        </select>
        <span data-testid="drill-count">{view ? m.count(items.length, view.total) : t.app.loading}</span>
      </div>
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}

      <fieldset className="sv-drill-actions">
        <legend>{m.selected(selected.size)}</legend>
        <div className="actions">
          <label htmlFor="sv-assignee">{m.reassignTo}</label>
          <select id="sv-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{m.toQueue}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {`${u.name} (${t.roles[u.role]})`}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="primary"
            disabled={nothing || busy}
            aria-describedby={nothing ? 'sv-none-selected' : undefined}
            onClick={() => void reassign()}
          >
            {m.reassign}
          </button>
          <button
            type="button"
            disabled={nothing || busy}
            aria-describedby={nothing ? 'sv-none-selected' : 'sv-grant-hint'}
            onClick={() => void grant()}
          >
            {m.grant}
          </button>
        </div>
        <p id="sv-grant-hint" className="field-hint">
          {m.grantHint}
        </p>
        {nothing ? (
          <p id="sv-none-selected" className="field-hint">
            {m.noneSelected}
          </p>
        ) : null}
      </fieldset>

      <div role="status" className="sv-outcome">
        {outcome ? (
          <>
            <p>{outcome.text}</p>
            {outcome.refused.length > 0 ? (
              <ul>
                {outcome.refused.map((r) => (
                  <li key={r.callbackId}>{m.refusedItem(nameOf(r.callbackId), errorText(r, t))}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>

      {items.length > 0 ? (
        <div className="sv-table-wrap">
          <table className="sv-table" data-testid="drill-table">
            <caption className="visually-hidden">{m.tableCaption(props.figureLabel)}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={m.selectAll}
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.id)))}
                  />
                </th>
                <th scope="col">{m.customer}</th>
                <th scope="col">{m.receipt}</th>
                <th scope="col">{m.urgencyCol}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.due}</th>
                <th scope="col">{m.attempts}</th>
                <th scope="col">{m.assignee}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const name = item.customerName ?? m.noName;
                return (
                  <tr
                    key={item.id}
                    data-callback={item.id}
                    className={selected.has(item.id) ? 'sv-row--selected' : undefined}
                  >
                    <td>
                      <input
                        type="checkbox"
                        aria-label={m.selectOne(name)}
                        checked={selected.has(item.id)}
                        onChange={() => toggle(item.id)}
                      />
                    </td>
                    <th scope="row">
                      {name}
                      {item.pendingSync ? <span className="sv-pending"> ({m.pendingSync})</span> : null}
                    </th>
                    <td>{item.receiptNumber ?? '—'}</td>
                    <td>{t.urgency[item.urgency]}</td>
                    <td>{t.callbackStatus[item.status]}</td>
                    <td>
                      {formatInstant(item.dueAt, zone)}
                      {item.status === 'open' ? (
                        <>
                          <br />
                          <SlaCountdown dueAt={item.dueAt} urgency={item.urgency} />
                        </>
                      ) : null}
                    </td>
                    <td>{m.attemptsOf(item.attemptsMade, item.allowedAttempts)}</td>
                    <td data-testid="drill-assignee">
                      {item.assigneeName ?? (item.assigneeId ? item.assigneeId : m.queue)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {view && view.total > DRILL_PAGE_SIZE ? (
        <div className="actions">
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - DRILL_PAGE_SIZE))}
          >
            {m.previous}
          </button>
          <button
            type="button"
            disabled={offset + DRILL_PAGE_SIZE >= view.total}
            onClick={() => setOffset(offset + DRILL_PAGE_SIZE)}
          >
            {m.next}
          </button>
        </div>
      ) : null}
    </section>
  );
}
