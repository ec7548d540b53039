import { useState, type ReactNode } from 'react';
import { expediteCriterion } from '../../../../shared/domain/expedite/criteria';
import { displayReference } from '../../../../shared/domain/identifiers/reference-number';
import { formatUsPhone } from '../../../../shared/domain/phones';
import type { CustomerRecord } from '../../../../shared/ipc/customer-views';
import { textIn, useT } from '../../i18n';
import { formatDate, formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { StatusControl, useFollowsServiceRequests } from '../service-requests/StatusControl';
import { ContactNotes } from './ContactNotes';
import { HandoffList } from './HandoffList';
import { customerTimeline, TIMELINE_KINDS, type TimelineItem, type TimelineKind } from './timeline';
import { personName } from '../../i18n/person-name';

/** Every contact, newest first, filtered by kind; each opens its detail. */
export function TimelinePanel({ record }: { record: CustomerRecord }) {
  const t = useT();
  const [kind, setKind] = useState<TimelineKind | ''>('');
  const items = customerTimeline(record, kind || undefined);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.record.timeline.title}</h2>
      <div className="field">
        <label htmlFor="timeline-kind">{t.record.timeline.filter}</label>
        <select
          id="timeline-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as TimelineKind | '')}
        >
          <option value="">{t.record.timeline.all}</option>
          {TIMELINE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.record.kinds[k]}
            </option>
          ))}
        </select>
      </div>
      <TimelineList items={items} record={record} testId="timeline" empty={t.record.timeline.empty} />
    </section>
  );
}

/** The newest `limit` contacts (the caller's record beside an inquiry), each opening its detail. */
export function RecentContacts({ record, limit }: { record: CustomerRecord; limit: number }) {
  const t = useT();
  const items = customerTimeline(record).slice(0, limit);
  return (
    <section aria-labelledby="recent-contacts-title">
      <h3 id="recent-contacts-title">{t.record.caller.recent}</h3>
      <TimelineList
        items={items}
        record={record}
        testId="recent-contacts"
        empty={t.record.caller.noContacts}
      />
    </section>
  );
}

/** Contacts newest first, each opening its detail; `empty` when there are none. */
function TimelineList(props: {
  items: TimelineItem[];
  record: CustomerRecord;
  testId: string;
  empty: string;
}) {
  if (props.items.length === 0) return <p>{props.empty}</p>;
  return (
    <ol className="timeline" data-testid={props.testId}>
      {props.items.map((item) => (
        <TimelineEntry key={`${item.kind}/${item.row.id}`} item={item} record={props.record} />
      ))}
    </ol>
  );
}

function TimelineEntry({ item, record }: { item: TimelineItem; record: CustomerRecord }) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const reference = displayReference(item.row.reference);
  const who = whoOf(item);
  return (
    <li data-kind={item.kind} data-reference={item.row.reference ?? ''}>
      <details>
        <summary>
          <strong>{t.record.kinds[item.kind]}</strong>{' '}
          <span className="reference">{reference ?? t.record.timeline.noReference}</span> ·{' '}
          {statusOf(item, t)} · {formatInstant(item.at, zone)}
          {who ? ` · ${t.record.timeline.by(personName(record.names, who, t))}` : ''}
        </summary>
        <ItemDetail item={item} record={record} />
        <ContactNotes item={item} record={record} />
      </details>
    </li>
  );
}

type T = ReturnType<typeof useT>;

function statusOf(item: TimelineItem, t: T): string {
  switch (item.kind) {
    case 'inquiry':
      return item.row.outcome
        ? t.inquiry.outcome[item.row.outcome]
        : t.record.timeline.inquiryStatus[item.row.status];
    case 'callback':
      return `${t.callbackStatus[item.row.status]} · ${t.tier[item.row.tier]}`;
    case 'service-request':
      return t.record.timeline.srStatus[item.row.status];
    case 'expedite':
      return t.record.timeline.expediteStatus[item.row.status];
    case 'appointment':
      return t.record.timeline.appointmentStatus[item.row.status];
  }
}

function whoOf(item: TimelineItem): string | null {
  switch (item.kind) {
    case 'callback':
      return item.row.assigneeId ?? item.row.attempts.at(-1)?.agentId ?? null;
    case 'expedite':
      return item.row.recordedBy;
    default:
      return item.row.createdBy;
  }
}

/** What the entry opens to: the details of its kind (a callback also opens its own screen). */
function ItemDetail({ item, record }: { item: TimelineItem; record: CustomerRecord }) {
  const t = useT();
  const ui = useUiStore((s) => s.language);
  const policy = usePolicy();
  const navigate = useUiStore((s) => s.navigate);
  const followsRequests = useFollowsServiceRequests();
  const fact = (label: string, value: ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  switch (item.kind) {
    case 'inquiry': {
      const { row } = item;
      const steps = row.script ? Object.keys(row.script.answers).length : 0;
      return (
        <dl className="facts">
          {fact(t.record.timeline.topic, textIn(ui, { en: row.topic, es: row.topicEs }))}
          {fact(t.record.timeline.outcome, row.outcome ? t.inquiry.outcome[row.outcome] : '—')}
          {row.script
            ? fact(
                `${t.record.handoff.answers} (${t.record.timeline.scriptPath(steps)})`,
                <ScriptAnswers answers={row.script.answers} />,
              )
            : null}
        </dl>
      );
    }
    case 'callback':
      return (
        <CallbackDetailLines
          row={item.row}
          record={record}
          onOpen={() => navigate({ name: 'callback', callbackId: item.row.id })}
        />
      );
    case 'service-request': {
      const { row } = item;
      const category = policy.serviceRequests.categories.find((c) => c.id === row.category);
      return (
        <dl className="facts">
          {fact(t.record.timeline.category, category?.label[ui] ?? row.category)}
          {fact(t.record.timeline.description, row.description)}
          {fact(t.record.timeline.routing, row.office ?? row.routing)}
          {fact(
            t.record.timeline.status,
            `${t.record.timeline.srStatus[row.status]} · ${t.record.timeline.target(formatDate(row.targetDate))}`,
          )}
          {followsRequests ? (
            <dd>
              <StatusControl
                id={row.id}
                status={row.status}
                reference={displayReference(row.reference) ?? t.record.timeline.noReference}
              />
            </dd>
          ) : null}
        </dl>
      );
    }
    case 'expedite': {
      const { row } = item;
      return (
        <dl className="facts">
          {fact(
            t.record.timeline.criteria,
            row.criteria.map((c) => expediteCriterion(c).label[ui]).join(', '),
          )}
          {fact(t.record.timeline.explanation, row.explanation)}
        </dl>
      );
    }
    case 'appointment': {
      const { row } = item;
      return (
        <dl className="facts">
          {fact(
            t.record.timeline.status,
            row.urgent ? t.record.timeline.urgent : t.record.timeline.notUrgent,
          )}
          {fact(t.record.timeline.explanation, row.explanation || '—')}
        </dl>
      );
    }
  }
}

/** The answers the script recorded (key: value), as the next agent reads them. */
export function ScriptAnswers({ answers }: { answers: Record<string, unknown> }) {
  const entries = Object.entries(answers);
  if (entries.length === 0) return <>—</>;
  return (
    <ul className="plain-list">
      {entries.map(([key, value]) => (
        <li key={key}>
          {key}: {typeof value === 'string' ? value : JSON.stringify(value)}
        </li>
      ))}
    </ul>
  );
}

function CallbackDetailLines(props: {
  row: Extract<TimelineItem, { kind: 'callback' }>['row'];
  record: CustomerRecord;
  onOpen(): void;
}) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const { row, record } = props;
  return (
    <>
      <p>{t.record.timeline.attempts(row.attempts.length)}</p>
      <ul className="plain-list">
        {row.attempts.map((a) => {
          const [e164 = a.numberDialed, ext] = a.numberDialed.split(';ext=');
          return (
            <li key={a.id}>
              {t.record.timeline.attempt(
                t.outcomes[a.outcome],
                formatUsPhone(e164, ext),
                formatInstant(a.at, zone),
              )}
              {a.messageLeft ? ` (${t.record.timeline.voicemail})` : ''} ·{' '}
              {personName(record.names, a.agentId, t)}
            </li>
          );
        })}
      </ul>
      <HandoffList handoffs={row.handoffs ?? []} names={record.names} notes={record.notes} />
      <button type="button" onClick={props.onOpen}>
        {t.record.timeline.open}
      </button>
    </>
  );
}
