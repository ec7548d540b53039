import { memo } from 'react';
import type { WorklistRow } from '../../../../shared/ipc';
import { SlaCountdown } from '../../components/SlaCountdown';
import { useT } from '../../i18n';
import { usePolicy } from '../../state/session-store';
import { formatInstant } from '../../i18n/format';
import { sameRowView } from './same-row-view';
import { WaitingBanner } from '../notices/WaitingBanner';

/**
 * One worklist row: who, the live countdown, then urgency, tier, status, attempts and owner.
 * Memoized on what it shows: scrolling and page arrivals re-render the list, not every row.
 */
export const WorklistRowView = memo(WorklistRowViewImpl, (a, b) => sameRowView(a.row, b.row));

function WorklistRowViewImpl({ row }: { row: WorklistRow | undefined }) {
  const t = useT();
  const policy = usePolicy();
  if (!row) return <span className="wl-loading">{t.worklist.loadingRow}</span>;
  const zone = policy.callbackHours.timeZone;
  const owner = row.mine
    ? t.worklist.claimedByMe
    : row.assigneeId
      ? t.worklist.claimedBy(row.assigneeName ?? t.app.anotherAgent)
      : t.worklist.unclaimed;
  return (
    <div className="wl-row">
      <div className="wl-line">
        <span className="wl-name">{row.customerName ?? t.worklist.noName}</span>
        <WaitingBanner until={row.customerWaitingUntil} compact />
        {row.receiptNumber ? <span className="wl-receipt">{row.receiptNumber}</span> : null}
        {row.handoff ? (
          // The latest handoff's why and who, before claiming (the detail shows it whole).
          <span className="wl-handoff" data-testid="row-handoff">
            {row.handoff.to === 2
              ? t.record.handoff.escalated(row.handoff.byName ?? '—', formatInstant(row.handoff.at, zone))
              : t.record.handoff.handedBack(row.handoff.byName ?? '—', formatInstant(row.handoff.at, zone))}
            : {row.handoff.reason}
          </span>
        ) : null}
        {row.status === 'open' ? (
          <SlaCountdown dueAt={row.dueAt} urgency={row.urgency} transitions={row.sla.transitions} />
        ) : (
          <strong>{t.callbackStatus[row.status]}</strong>
        )}
      </div>
      <div className="wl-line wl-meta">
        <span className={row.urgency === 'urgent' ? 'wl-tag wl-tag--urgent' : 'wl-tag'}>
          {t.urgency[row.urgency]}
        </span>
        <span className="wl-tag">{t.tier[row.tier]}</span>
        {row.language ? <span className="wl-tag">{t.languages[row.language]}</span> : null}
        <span>{t.callbackStatus[row.status]}</span>
        <span>{t.worklist.attempts(row.attemptsMade)}</span>
        {row.nextAttempt && row.attemptsMade > 0 ? <NextAttempt next={row.nextAttempt} zone={zone} /> : null}
        {row.scheduledSlot ? (
          <span>{t.worklist.scheduled(formatInstant(row.scheduledSlot.start, zone))}</span>
        ) : null}
        <span>{owner}</span>
        {row.pendingSync ? <span className="wl-pending">{t.worklist.pendingSync}</span> : null}
      </div>
    </div>
  );
}

/**
 * When the next attempt is due, said the way the agent must act on it: a window still
 * ahead, open now, or already closed (late attempts are allowed and flagged, so a missed
 * window must read as overdue, not as a date in the past).
 */
function NextAttempt({ next, zone }: { next: NonNullable<WorklistRow['nextAttempt']>; zone: string }) {
  const t = useT();
  if (next.timing === 'late')
    return (
      <span className="wl-late">
        {t.worklist.nextAttemptLate(next.attemptNumber, formatInstant(next.latest, zone))}
      </span>
    );
  if (next.timing === 'in-window')
    return <span>{t.worklist.nextAttemptNow(next.attemptNumber, formatInstant(next.latest, zone))}</span>;
  return <span>{t.worklist.nextAttempt(next.attemptNumber, formatInstant(next.earliest, zone))}</span>;
}
