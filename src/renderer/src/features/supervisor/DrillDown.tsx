import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { BulkResult, DrillDownView } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import type { DrillTarget } from './supervisor-store';
import { errorText } from '../../i18n/error-text';
import { BulkActions, BulkOutcomeStatus, type BulkOutcome, type TeamAgent } from './BulkActions';
import { DrillTable } from './DrillTable';

export const DRILL_PAGE_SIZE = 50;

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
  const page = useDrillPage(props.target, props.revision);
  const bulk = useBulkActions(page);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { figure, urgency } = props.target;
  const { view, items, selected, setSelected } = page;

  // A new figure: start the list with its heading (not on an urgency change: focus stays on the select).
  useEffect(() => headingRef.current?.focus(), [figure]);

  const toggle = (id: string) =>
    setSelected((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  const nameOf = (id: string) => items.find((i) => i.id === id)?.customerName ?? m.noName;

  return (
    <section className="panel sv-drill" aria-labelledby="sv-drill-title" data-testid="drill-down">
      <DrillHeader
        headingRef={headingRef}
        figureLabel={props.figureLabel}
        urgency={urgency}
        count={view ? m.count(items.length, view.total) : t.app.loading}
        onClose={props.onClose}
        onUrgency={props.onUrgency}
      />
      {page.error ? (
        <p role="alert" className="error-box">
          {page.error}
        </p>
      ) : null}

      <BulkActions
        selectedCount={selected.size}
        agents={bulk.agents}
        assignee={bulk.assignee}
        busy={bulk.busy}
        onAssignee={bulk.setAssignee}
        onReassign={() => void bulk.reassign()}
        onGrant={() => void bulk.grant()}
      />
      <BulkOutcomeStatus outcome={bulk.outcome} nameOf={nameOf} />

      {items.length > 0 ? (
        <DrillTable
          items={items}
          selected={selected}
          allSelected={allSelected}
          figureLabel={props.figureLabel}
          zone={zone}
          onToggle={toggle}
          onToggleAll={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.id)))}
        />
      ) : null}
      {view && view.total > DRILL_PAGE_SIZE ? (
        <DrillPager offset={page.offset} total={view.total} onOffset={page.setOffset} />
      ) : null}
    </section>
  );
}

function DrillHeader(props: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  figureLabel: string;
  urgency: DrillTarget['urgency'];
  count: string;
  onClose(): void;
  onUrgency(urgency: DrillTarget['urgency']): void;
}) {
  const t = useT();
  const m = t.supervisor.drill;
  return (
    <>
      <div className="sv-drill-head">
        <h2 id="sv-drill-title" ref={props.headingRef} tabIndex={-1}>
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
          value={props.urgency ?? ''}
          onChange={(e) =>
            props.onUrgency(e.target.value === '' ? null : (e.target.value as 'urgent' | 'non-urgent'))
          }
        >
          <option value="">{m.anyUrgency}</option>
          <option value="urgent">{t.urgency.urgent}</option>
          <option value="non-urgent">{t.urgency['non-urgent']}</option>
        </select>
        <span data-testid="drill-count">{props.count}</span>
      </div>
    </>
  );
}

function DrillPager(props: { offset: number; total: number; onOffset(offset: number): void }) {
  const m = useT().supervisor.drill;
  return (
    <div className="actions">
      <button
        type="button"
        disabled={props.offset === 0}
        onClick={() => props.onOffset(Math.max(0, props.offset - DRILL_PAGE_SIZE))}
      >
        {m.previous}
      </button>
      <button
        type="button"
        disabled={props.offset + DRILL_PAGE_SIZE >= props.total}
        onClick={() => props.onOffset(props.offset + DRILL_PAGE_SIZE)}
      >
        {m.next}
      </button>
    </div>
  );
}

type DrillPage = ReturnType<typeof useDrillPage>;

/**
 * One page of the figure's callbacks, read again when the figure, urgency, page or
 * `revision` changes. A new figure or urgency starts at the first page with nothing
 * selected; a re-read keeps selected only the callbacks still shown.
 */
function useDrillPage(target: DrillTarget, revision: string) {
  const t = useT();
  const { figure, urgency } = target;
  const [view, setView] = useState<DrillDownView | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    setOffset(0);
    setSelected(new Set());
  }, [figure, urgency]);

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
  }, [load, revision]);

  return { view, items: view?.items ?? [], offset, setOffset, error, selected, setSelected, load, target };
}

/**
 * The bulk actions on the selected callbacks: one queued mutation each (the desktop
 * core's supervisor.reassign / supervisor.grantExtraAttempts), then the outcome is
 * announced, the selection cleared and the page read again.
 */
function useBulkActions(page: DrillPage) {
  const t = useT();
  const m = t.supervisor.drill;
  const [agents, setAgents] = useState<TeamAgent[]>([]);
  const [assignee, setAssignee] = useState('');
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const { figure, urgency } = page.target;

  useEffect(() => setOutcome(null), [figure, urgency]);
  useEffect(() => {
    void invoke('team.users', {}).then((result) => {
      if (result.ok) setAgents(result.value.filter((u) => u.active && u.role !== 'admin'));
    });
  }, []);

  const finish = (result: BulkResult, done: string) => {
    const text = result.refused.length > 0 ? `${done} ${m.refused(result.refused.length)}` : done;
    setOutcome({ text, refused: result.refused });
    useUiStore.getState().announce(text);
    page.setSelected(new Set());
    void page.load();
  };

  const reassign = async () => {
    setBusy(true);
    const callbackIds = [...page.selected];
    const assigneeId = assignee === '' ? null : assignee;
    const result = await invoke('supervisor.reassign', { callbackIds, assigneeId });
    setBusy(false);
    if (!result.ok) return setOutcome({ text: errorText(result.error, t), refused: [] });
    const to =
      assigneeId === null ? m.queue : (agents.find((u) => u.id === assigneeId)?.name ?? t.app.anotherAgent);
    finish(result.value, m.reassigned(result.value.mutationIds.length, to));
  };

  const grant = async () => {
    setBusy(true);
    const result = await invoke('supervisor.grantExtraAttempts', { callbackIds: [...page.selected] });
    setBusy(false);
    if (!result.ok) return setOutcome({ text: errorText(result.error, t), refused: [] });
    finish(result.value, m.granted(result.value.mutationIds.length));
  };

  return { agents, assignee, setAssignee, outcome, busy, reassign, grant };
}
