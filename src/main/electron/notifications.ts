import type { EventPayload } from '../../shared/ipc/events';
import { overlayBitmap, overlayDescription, type Bitmap } from './overlay-badge';

/**
 * OS notification text for callbacks that became due or at risk. Notifications
 * show on lock screens and in notification centres, so they carry counts only —
 * never a customer's name or number.
 */
export function dueSoonNotification(
  event: EventPayload<'dueSoon'>,
): { title: string; body: string } | undefined {
  if (event.items.length === 0) return undefined;
  const overdue = event.items.filter((i) => i.state === 'overdue').length;
  const dueToday = event.items.filter((i) => i.state === 'due-today').length;
  const atRisk = event.items.filter((i) => i.state === 'at-risk').length;
  const parts = [
    overdue ? `${overdue} overdue` : '',
    dueToday ? `${dueToday} due today` : '',
    atRisk ? `${atRisk} at risk` : '',
  ].filter(Boolean);
  const n = event.items.length;
  return {
    title: n === 1 ? 'A callback needs attention' : `${n} callbacks need attention`,
    body: `On your list: ${parts.join(', ')}.`,
  };
}

/** The dock/taskbar badge: the number of my callbacks overdue or due today ('' hides it). */
export function badgeText(dueCount: number): string {
  if (dueCount <= 0) return '';
  return dueCount > 99 ? '99+' : String(dueCount);
}

/**
 * How each OS shows the count: macOS the Dock badge (text, so "99+"), Windows an
 * overlay icon on the taskbar button (app.setBadgeCount does nothing there), Linux
 * the launcher count where the desktop supports one (Unity, KDE, some docks).
 */
export type DueBadge =
  | { kind: 'dock'; text: string }
  | { kind: 'overlay'; bitmap: Bitmap | null; description: string }
  | { kind: 'count'; count: number };

export function dueBadge(platform: NodeJS.Platform, dueCount: number): DueBadge {
  const count = Math.max(0, dueCount);
  if (platform === 'darwin') return { kind: 'dock', text: badgeText(count) };
  if (platform === 'win32')
    return {
      kind: 'overlay',
      bitmap: overlayBitmap(count),
      description: count > 0 ? overlayDescription(count) : '',
    };
  return { kind: 'count', count };
}
