import type { PresenceStatus } from '../../../../shared/sync/rows/presence';
import type { SupervisorSnapshot } from '../../../../shared/supervisor';
import type { SupervisorMessages } from './i18n/supervisor-en';

/** What is worth saying out loud between two snapshots (everything else is just on screen). */
export type SignificantChange =
  | { kind: 'overdue-up' | 'overdue-down' | 'due-soon-up' | 'unable-up'; count: number }
  | { kind: 'presence'; name: string; presence: PresenceStatus };

export function significantChanges(
  before: SupervisorSnapshot | null,
  after: SupervisorSnapshot,
): SignificantChange[] {
  if (!before || before.team !== after.team) return [];
  const changes: SignificantChange[] = [];
  const figure = (s: SupervisorSnapshot, id: keyof SupervisorSnapshot['board']['figures']) =>
    s.board.figures[id].total;
  const overdue = figure(after, 'overdue');
  if (overdue > figure(before, 'overdue')) changes.push({ kind: 'overdue-up', count: overdue });
  if (overdue < figure(before, 'overdue')) changes.push({ kind: 'overdue-down', count: overdue });
  const dueSoon = figure(after, 'due-soon');
  if (dueSoon > figure(before, 'due-soon')) changes.push({ kind: 'due-soon-up', count: dueSoon });
  const unable = figure(after, 'unable-to-reach-today');
  if (unable > figure(before, 'unable-to-reach-today')) changes.push({ kind: 'unable-up', count: unable });
  const previous = new Map(before.roster.map((r) => [r.userId, r.presence]));
  for (const agent of after.roster) {
    const was = previous.get(agent.userId);
    if (was !== undefined && was !== agent.presence) {
      changes.push({ kind: 'presence', name: agent.name, presence: agent.presence });
    }
  }
  return changes;
}

/** At most this many changes are read out; the rest are summed up ("3 more changes"). */
export const MAX_SPOKEN_CHANGES = 3;

export function describeChanges(changes: readonly SignificantChange[], m: SupervisorMessages): string {
  const spoken = changes.slice(0, MAX_SPOKEN_CHANGES).map((c) => {
    switch (c.kind) {
      case 'overdue-up':
        return m.announce.overdueUp(c.count);
      case 'overdue-down':
        return m.announce.overdueDown(c.count);
      case 'due-soon-up':
        return m.announce.dueSoonUp(c.count);
      case 'unable-up':
        return m.announce.unableUp(c.count);
      case 'presence':
        return m.announce.presence(c.name, m.presence[c.presence]);
    }
  });
  const rest = changes.length - spoken.length;
  if (rest > 0) spoken.push(m.announce.more(rest));
  return spoken.join(' ');
}
