import type { CustomerRecord } from '../../../../shared/ipc/customer-views';
import type { Handoff } from '../../../../shared/sync/rows';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { personName } from '../../i18n/person-name';

/**
 * A callback's handoffs between the tiers (issue 14 item 6): who escalated or handed
 * it back and when, the script's reason, the sentence, and the Tier 1 note.
 */
export function HandoffList(props: {
  handoffs: readonly Handoff[];
  names: Readonly<Record<string, string>>;
  notes: CustomerRecord['notes'];
  /** Its own heading (off where the panel around it has one). */
  titled?: boolean;
}) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  if (props.handoffs.length === 0) return null;
  return (
    <div className="handoffs">
      {props.titled === false ? null : <h3>{t.record.timeline.handoffs}</h3>}
      <ol className="plain-list" data-testid="handoffs">
        {props.handoffs.map((h) => {
          const who = personName(props.names, h.by, t);
          const when = formatInstant(h.at, zone);
          const note = h.noteId ? props.notes.find((n) => n.id === h.noteId) : undefined;
          return (
            <li key={`${h.at}-${h.by}`} data-testid="handoff">
              <strong>
                {h.to === 2 ? t.record.handoff.escalated(who, when) : t.record.handoff.handedBack(who, when)}
              </strong>
              <dl className="facts">
                {h.code ? (
                  <>
                    <dt>{t.record.handoff.code}</dt>
                    <dd>{t.inquiry.tier2Reasons[h.code]}</dd>
                  </>
                ) : null}
                <dt>{t.record.handoff.reason}</dt>
                <dd data-testid="handoff-reason">{h.reason}</dd>
                {note ? (
                  <>
                    <dt>{t.record.handoff.note}</dt>
                    <dd data-testid="handoff-note">{note.text}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
