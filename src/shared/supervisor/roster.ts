import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../domain/attempts';
import type { Policy } from '../domain/policy';
import type { PresenceStatus } from '../sync/rows/presence';
import type { Role } from '../sync/rows/user';
import { dayOf } from './days';
import type { SupervisedCallback } from './supervised-callback';

export interface RosterUser {
  id: string;
  team: string;
  name: string;
  role: Role;
  active: boolean;
}

export interface RosterPresence {
  id: string;
  status: PresenceStatus;
  currentItem: { table: 'inquiries' | 'callbacks' | 'expedite_requests'; id: string } | null;
  updatedAt: number;
}

export type OutcomeCounts = Record<AttemptOutcome, number>;

/** One agent on the lead's roster. */
export interface RosterEntry {
  userId: string;
  name: string;
  role: Role;
  /** Offline when the agent never set a presence or their last socket disconnected. */
  presence: PresenceStatus;
  /** Since when (server time); null when no presence was ever recorded. */
  presenceSince: number | null;
  currentItem: RosterPresence['currentItem'];
  /** Open callbacks assigned to the agent. */
  callbacksHeld: number;
  /** Attempts the agent recorded today (callback-hours-zone day). */
  attemptsToday: number;
  outcomesToday: OutcomeCounts;
}

export function emptyOutcomes(): OutcomeCounts {
  return Object.fromEntries(ATTEMPT_OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;
}

/** Who appears on a team's roster: its active users who work cases (admins do not). */
export function isRosterMember(user: RosterUser, team: string): boolean {
  return user.team === team && user.active && user.role !== 'admin';
}

export function compareRoster(a: RosterEntry, b: RosterEntry): number {
  return a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId);
}

/** The roster by full recomputation: the tests' reference answer for the server's incremental one. */
export function computeRoster(
  team: string,
  users: Iterable<RosterUser>,
  presence: ReadonlyMap<string, RosterPresence>,
  callbacks: Iterable<SupervisedCallback>,
  now: number,
  policy: Policy,
): RosterEntry[] {
  const today = dayOf(now, policy);
  const entries = new Map<string, RosterEntry>();
  for (const user of users) {
    if (!isRosterMember(user, team)) continue;
    const p = presence.get(user.id);
    entries.set(user.id, {
      userId: user.id,
      name: user.name,
      role: user.role,
      presence: p?.status ?? 'offline',
      presenceSince: p?.updatedAt ?? null,
      currentItem: p && p.status !== 'offline' ? p.currentItem : null,
      callbacksHeld: 0,
      attemptsToday: 0,
      outcomesToday: emptyOutcomes(),
    });
  }
  for (const cb of callbacks) {
    if (cb.team !== team) continue;
    if (cb.status === 'open' && cb.assigneeId) {
      const holder = entries.get(cb.assigneeId);
      if (holder) holder.callbacksHeld += 1;
    }
    for (const a of cb.attempts) {
      if (a.at < today.start || a.at >= today.end) continue;
      const agent = entries.get(a.agentId);
      if (!agent) continue;
      agent.attemptsToday += 1;
      agent.outcomesToday[a.outcome] += 1;
    }
  }
  return [...entries.values()].sort(compareRoster);
}
