import { useT } from '../../i18n';
import { formatClock } from '../../i18n/format';
import { useNow } from '../../state/clock-store';
import { usePolicy } from '../../state/session-store';

/** "Customer is waiting for your call until 10:42", while the wait lasts (nothing after it). */
export function WaitingBanner({ until, compact = false }: { until: number | null; compact?: boolean }) {
  const t = useT();
  const now = useNow();
  const zone = usePolicy().callbackHours.timeZone;
  if (until === null || until <= now) return null;
  const text = t.notices.waiting(formatClock(until, zone));
  return compact ? (
    <span className="wl-waiting" data-testid="row-waiting">
      {text}
    </span>
  ) : (
    <p className="waiting-banner" role="status" data-testid="waiting-banner">
      {text}
    </p>
  );
}
