import type { DrillDownView } from '../../../../shared/ipc';
import { SlaCountdown } from '../../components/SlaCountdown';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';

type DrillItem = DrillDownView['items'][number];

/** The drill-down's callbacks as a table, each row with its checkbox (and one for all). */
export function DrillTable(props: {
  items: readonly DrillItem[];
  selected: ReadonlySet<string>;
  allSelected: boolean;
  figureLabel: string;
  zone: string;
  onToggle(id: string): void;
  onToggleAll(): void;
}) {
  const t = useT();
  const m = t.supervisor.drill;
  const { items, selected } = props;
  return (
    <div className="sv-table-wrap">
      <table className="sv-table" data-testid="drill-table">
        <caption className="visually-hidden">{m.tableCaption(props.figureLabel)}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={m.selectAll}
                checked={props.allSelected}
                onChange={props.onToggleAll}
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
          {items.map((item) => (
            <DrillRow
              key={item.id}
              item={item}
              selected={selected.has(item.id)}
              zone={props.zone}
              onToggle={() => props.onToggle(item.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DrillRow(props: { item: DrillItem; selected: boolean; zone: string; onToggle(): void }) {
  const t = useT();
  const m = t.supervisor.drill;
  const { item } = props;
  const name = item.customerName ?? m.noName;
  return (
    <tr data-callback={item.id} className={props.selected ? 'sv-row--selected' : undefined}>
      <td>
        <input
          type="checkbox"
          aria-label={m.selectOne(name)}
          checked={props.selected}
          onChange={props.onToggle}
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
        {formatInstant(item.dueAt, props.zone)}
        {item.status === 'open' ? (
          <>
            <br />
            <SlaCountdown dueAt={item.dueAt} urgency={item.urgency} transitions={item.sla?.transitions} />
          </>
        ) : null}
      </td>
      <td>{m.attemptsOf(item.attemptsMade, item.allowedAttempts)}</td>
      <td data-testid="drill-assignee">
        {item.assigneeName ?? (item.assigneeId ? t.app.anotherAgent : m.queue)}
      </td>
    </tr>
  );
}
