import type { BulkResult } from '../../../../shared/ipc';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';

export interface TeamAgent {
  id: string;
  name: string;
  role: 'tier1' | 'tier2' | 'lead' | 'admin';
}

/** What the last bulk action did, and each callback it could not change with the reason. */
export interface BulkOutcome {
  text: string;
  refused: BulkResult['refused'];
}

/** Reassign (to an agent or the team queue) or grant an extra attempt, for the selected callbacks. */
export function BulkActions(props: {
  selectedCount: number;
  agents: readonly TeamAgent[];
  assignee: string;
  busy: boolean;
  onAssignee(id: string): void;
  onReassign(): void;
  onGrant(): void;
}) {
  const t = useT();
  const m = t.supervisor.drill;
  const nothing = props.selectedCount === 0;
  return (
    <fieldset className="sv-drill-actions">
      <legend>{m.selected(props.selectedCount)}</legend>
      <div className="actions">
        <label htmlFor="sv-assignee">{m.reassignTo}</label>
        <select id="sv-assignee" value={props.assignee} onChange={(e) => props.onAssignee(e.target.value)}>
          <option value="">{m.toQueue}</option>
          {props.agents.map((u) => (
            <option key={u.id} value={u.id}>
              {`${u.name} (${t.roles[u.role]})`}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          disabled={nothing || props.busy}
          aria-describedby={nothing ? 'sv-none-selected' : undefined}
          onClick={props.onReassign}
        >
          {m.reassign}
        </button>
        <button
          type="button"
          disabled={nothing || props.busy}
          aria-describedby={nothing ? 'sv-none-selected' : 'sv-grant-hint'}
          onClick={props.onGrant}
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
  );
}

/** The outcome of the last bulk action, read out politely (role=status). */
export function BulkOutcomeStatus(props: {
  outcome: BulkOutcome | null;
  nameOf(callbackId: string): string;
}) {
  const t = useT();
  const m = t.supervisor.drill;
  const { outcome } = props;
  return (
    <div role="status" className="sv-outcome">
      {outcome ? (
        <>
          <p>{outcome.text}</p>
          {outcome.refused.length > 0 ? (
            <ul>
              {outcome.refused.map((r) => (
                <li key={r.callbackId}>{m.refusedItem(props.nameOf(r.callbackId), errorText(r, t))}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
