import { useEffect } from 'react';
import type { WorklistRow } from '../../../../shared/ipc';
import { useT } from '../../i18n';
import { formatClock } from '../../i18n/format';
import { useNow } from '../../state/clock-store';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';

/** Waits already told, by callback and end of wait (a second "yes" is told again). */
const told = new Set<string>();

/**
 * A desktop notification (and a screen-reader announcement) when one of my callbacks'
 * customers says "yes" to "available now?". Waiting rows come first in the worklist, so
 * the first rows are enough. The notification carries the time only: it shows on lock
 * screens, so never a name or number.
 */
export function useWaitingNotice(
  rowAt: (index: number) => WorklistRow | undefined,
  total: number | null,
): void {
  const t = useT();
  const now = useNow();
  const zone = usePolicy().callbackHours.timeZone;
  const announce = useUiStore((s) => s.announce);
  useEffect(() => {
    for (let i = 0; i < Math.min(total ?? 0, 5); i++) {
      const row = rowAt(i);
      const until = row?.customerWaitingUntil ?? null;
      if (!row?.mine || until === null || until <= now) continue;
      const key = `${row.id}:${until}`;
      if (told.has(key)) continue;
      told.add(key);
      const body = t.notices.waitingNotification(formatClock(until, zone));
      announce(body);
      if (typeof Notification === 'undefined') continue;
      const show = () => new Notification(t.notices.waitingTitle, { body, tag: key });
      if (Notification.permission === 'granted') show();
      else if (Notification.permission === 'default')
        void Notification.requestPermission().then((p) => (p === 'granted' ? show() : undefined));
    }
  });
}
