import type { Policy } from '../domain/policy';
import { contactDurations } from '../domain/wrap-up/handle-time';
import type { WrapUpRow } from '../sync/rows/wrap-up';
import { dayKeyOf, daysEndingAt } from './days';
import { TREND_DAYS } from './charts';

/**
 * Handle time and after-call-work time per agent and per team (issue 14): contacts
 * wrapped up, their summed durations, and the averages a lead reads. "Today" and the
 * last TREND_DAYS days are days in the callback-hours zone, by the call's end.
 */
export interface HandleTotals {
  contacts: number;
  talkMs: number;
  afterCallWorkMs: number;
  handleMs: number;
}

export function emptyTotals(): HandleTotals {
  return { contacts: 0, talkMs: 0, afterCallWorkMs: 0, handleMs: 0 };
}

/** The part of a wrap-up row the figures read (no customer, no note). */
export type SupervisedWrapUp = Pick<
  WrapUpRow,
  'id' | 'team' | 'agentId' | 'callStartedAt' | 'callEndedAt' | 'afterCallWork'
>;

export function toSupervisedWrapUp(row: SupervisedWrapUp): SupervisedWrapUp {
  const { id, team, agentId, callStartedAt, callEndedAt, afterCallWork } = row;
  return { id, team, agentId, callStartedAt, callEndedAt, afterCallWork };
}

/** Adds (sign 1) or removes (sign -1) one contact. */
export function addContact(totals: HandleTotals, wrapUp: SupervisedWrapUp, sign: 1 | -1): void {
  const d = contactDurations(wrapUp);
  totals.contacts += sign;
  totals.talkMs += sign * d.talkMs;
  totals.afterCallWorkMs += sign * d.afterCallWorkMs;
  totals.handleMs += sign * d.handleMs;
}

export function sumTotals(parts: Iterable<HandleTotals>): HandleTotals {
  const sum = emptyTotals();
  for (const p of parts) {
    sum.contacts += p.contacts;
    sum.talkMs += p.talkMs;
    sum.afterCallWorkMs += p.afterCallWorkMs;
    sum.handleMs += p.handleMs;
  }
  return sum;
}

export interface HandleTimeLine {
  /** null: the whole team. */
  agentId: string | null;
  today: HandleTotals;
  period: HandleTotals;
}

export interface HandleTimeReport {
  /** The days of `period` (today included). */
  days: number;
  today: string;
  /** One line per agent who wrapped up a contact in the period, then the team. */
  agents: HandleTimeLine[];
  team: HandleTimeLine;
}

/**
 * The report from per-day, per-agent totals. `lookup(day, agent)` answers the
 * server's incremental aggregates; `agents` are who to list (roster order).
 */
export function handleTimeReport(
  lookup: (dayKey: string) => ReadonlyMap<string, HandleTotals> | undefined,
  agents: readonly string[],
  now: number,
  policy: Policy,
  days = TREND_DAYS,
): HandleTimeReport {
  const spans = daysEndingAt(now, days, policy);
  const todayKey = dayKeyOf(now, policy);
  const perDay = spans.map((d) => lookup(d.key));
  const line = (agentId: string | null): HandleTimeLine => {
    const pick = (m: ReadonlyMap<string, HandleTotals> | undefined) =>
      !m ? [] : agentId === null ? [...m.values()] : m.has(agentId) ? [m.get(agentId) as HandleTotals] : [];
    return {
      agentId,
      today: sumTotals(pick(perDay.at(-1))),
      period: sumTotals(perDay.flatMap(pick)),
    };
  };
  const listed = new Set(agents);
  for (const m of perDay) for (const id of m?.keys() ?? []) listed.add(id);
  const lines = [...listed]
    .map(line)
    .filter((l) => l.period.contacts > 0 || agents.includes(l.agentId ?? ''));
  return { days, today: todayKey, agents: lines, team: line(null) };
}

/** Average per contact, in whole seconds; null when there were none. */
export function averageSeconds(totalMs: number, contacts: number): number | null {
  return contacts === 0 ? null : Math.round(totalMs / contacts / 1000);
}
