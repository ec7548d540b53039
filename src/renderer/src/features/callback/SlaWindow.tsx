import { businessDateOf } from '../../../../shared/domain/calendar/business-calendar';
import { sameDate } from '../../../../shared/domain/time/zoned';
import type { CallbackDetail } from '../../../../shared/ipc';
import { useT, type Messages } from '../../i18n';
import { formatClock, formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';

/**
 * Where the SLA state comes from, in words: the last callable window before the due
 * time ("Last callable window: today until 6:30 PM"), or why none is left or enough.
 */
export function SlaWindow({ sla, now }: { sla: CallbackDetail['sla']; now: number }) {
  const t = useT();
  const policy = usePolicy();
  const text = slaWindowText(sla, now, policy.callbackHours.timeZone, t, (a, b) =>
    sameDate(businessDateOf(a, policy), businessDateOf(b, policy)),
  );
  return text ? (
    <p className="field-hint" data-testid="sla-window">
      {text}
    </p>
  ) : null;
}

export function slaWindowText(
  sla: CallbackDetail['sla'],
  now: number,
  zone: string,
  t: Messages,
  sameDay: (a: number, b: number) => boolean,
): string | null {
  if (sla.state === 'overdue') return null;
  if (sla.reason === 'no-callable-time') return t.sla.noCallableTime;
  const window = sla.lastWindow;
  if (!window) return null;
  const until = formatClock(window.end, zone);
  const where = sameDay(window.start, now)
    ? t.sla.lastWindowToday(until)
    : t.sla.lastWindowOn(formatInstant(window.start, zone), until);
  return sla.reason === 'attempts-do-not-fit' ? `${where}. ${t.sla.attemptsDoNotFit}` : where;
}
