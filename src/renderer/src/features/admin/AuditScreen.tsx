import { useId, useState } from 'react';
import type { AuditEventView, AuditQuery } from '../../../../shared/admin/audit';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { download } from './download';
import { CallOutcome, useAdminCall } from './use-admin-call';
import './Admin.css';
import { AdminTable } from './AdminTable';

const FILTERS = ['actor', 'action', 'entityType', 'entityId', 'customer'] as const;
type TextFilter = (typeof FILTERS)[number];

/** A date input's value (yyyy-mm-dd, the desktop's zone) as epoch ms at that day's start; `end` the next day's. */
function dayStart(value: string, end = false): number | undefined {
  if (!value) return undefined;
  const [y, mo, d] = value.split('-').map(Number);
  if (!y || !mo || !d) return undefined;
  return new Date(y, mo - 1, d + (end ? 1 : 0)).getTime();
}

/** Administrators: search the audit trail by user, record, customer, action and time; page back; export CSV. */
export function AuditScreen() {
  const m = useT().admin.audit;
  const { run, busy, error, notice } = useAdminCall();
  const [query, setQuery] = useState<AuditQuery | null>(null);
  const [events, setEvents] = useState<AuditEventView[]>([]);
  const [next, setNext] = useState<number | null>(null);

  const search = async (q: AuditQuery, more = false) => {
    const page = await run('admin.audit.search', more && next !== null ? { ...q, before: next } : q);
    if (!page) return;
    setQuery(q);
    setEvents(more ? [...events, ...page.events] : page.events);
    setNext(page.next);
  };
  const exportCsv = async () => {
    if (!query) return;
    const file = await run('admin.audit.export', query, (v) =>
      v.truncated ? m.truncated : m.exported(Math.max(0, v.text.split('\r\n').length - 2)),
    );
    if (file) download(file.text, `agent-desk-audit-${new Date().toISOString().slice(0, 10)}.csv`);
  };

  return (
    <div className="admin">
      <h1>{m.title}</h1>
      <p className="field-hint">{m.viewingAudited}</p>
      <AuditFilters onSearch={(q) => void search(q)} busy={busy} />
      <CallOutcome error={error} notice={notice} />
      {query ? (
        <>
          <div className="actions">
            <p role="status" className="admin-count">
              {events.length === 0 ? m.none : m.count(events.length)}
            </p>
            <button type="button" disabled={busy} onClick={() => void exportCsv()}>
              {m.exportCsv}
            </button>
          </div>
          <AuditTable events={events} />
          {next !== null ? (
            <button type="button" disabled={busy} onClick={() => void search(query, true)}>
              {m.older}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function AuditFilters({ onSearch, busy }: { onSearch(q: AuditQuery): void; busy: boolean }) {
  const m = useT().admin.audit;
  const id = useId();
  const [text, setText] = useState<Record<TextFilter, string>>({
    actor: '',
    action: '',
    entityType: '',
    entityId: '',
    customer: '',
  });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const hints: Partial<Record<TextFilter, string>> = { action: m.actionHint, customer: m.customerHint };
  const submit = () => {
    const q: Record<string, string | number> = {};
    for (const key of FILTERS) if (text[key].trim()) q[key] = text[key].trim();
    const start = dayStart(from);
    const end = dayStart(to, true);
    if (start !== undefined) q.from = start;
    if (end !== undefined) q.to = end;
    onSearch(q as AuditQuery);
  };
  return (
    <form
      className="admin-filters"
      aria-label={m.filters}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {FILTERS.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`${id}-${key}`}>{m[key]}</label>
          <input
            id={`${id}-${key}`}
            value={text[key]}
            maxLength={80}
            aria-describedby={hints[key] ? `${id}-${key}-hint` : undefined}
            onChange={(e) => setText({ ...text, [key]: e.target.value })}
          />
          {hints[key] ? (
            <span id={`${id}-${key}-hint`} className="field-hint">
              {hints[key]}
            </span>
          ) : null}
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-from`}>{m.from}</label>
        <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{m.to}</label>
        <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {m.search}
      </button>
    </form>
  );
}

function AuditTable({ events }: { events: AuditEventView[] }) {
  const m = useT().admin.audit;
  const zone = usePolicy().callbackHours.timeZone;
  if (events.length === 0) return null;
  return (
    <div className="admin-scroll" tabIndex={0} role="region" aria-label={m.title}>
      <AdminTable
        className="admin-audit"
        columns={[
          m.columns.at,
          m.columns.actor,
          m.columns.action,
          m.columns.record,
          m.columns.outcome,
          m.columns.source,
          m.columns.detail,
        ]}
      >
        {events.map((e) => (
          <tr key={e.id} data-testid="audit-row">
            <th scope="row">{formatInstant(e.at, zone)}</th>
            <td>{e.actorName ?? e.actorId ?? '—'}</td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>{e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '—'}</td>
            <td>{e.outcome}</td>
            <td>{[e.sourceIp, e.clientId].filter(Boolean).join(' · ') || '—'}</td>
            <td>
              <code className="admin-detail">{e.detail ?? ''}</code>
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
