import { allowedAttempts, attemptPlan } from '../domain/attempts';
import type { Policy } from '../domain/policy';
import type { Interval } from '../domain/callable-time';
import { slaRiskOrder, slaStateAt, type SlaState, type SlaTransitions, type Urgency } from '../domain/sla';
import type { CallbackStatus } from '../sync/rows/callback';
import { FIGURE_IDS, figureContext, matchesFigure, type FigureId } from './figures';
import type { SupervisedCallback } from './supervised-callback';

export interface FigureCount {
  total: number;
  urgent: number;
  nonUrgent: number;
}

export type BoardFigures = Record<FigureId, FigureCount>;

/** The live counts of one team at `at`. */
export interface Board {
  team: string;
  at: number;
  /** YYYY-MM-DD in the callback-hours zone: the "today" of the today figures. */
  today: string;
  /** The due-soon window the figures used (policy.sla.dueSoonHours). */
  dueSoonHours: number;
  figures: BoardFigures;
}

export function emptyFigureCount(): FigureCount {
  return { total: 0, urgent: 0, nonUrgent: 0 };
}

export function emptyFigures(): BoardFigures {
  return Object.fromEntries(FIGURE_IDS.map((f) => [f, emptyFigureCount()])) as BoardFigures;
}

export function countInto(count: FigureCount, urgency: Urgency, delta: number): void {
  count.total += delta;
  if (urgency === 'urgent') count.urgent += delta;
  else count.nonUrgent += delta;
}

/** The board by full recomputation: the tests' reference answer for the server's incremental SupervisorIndex. */
export function computeBoard(
  team: string,
  callbacks: Iterable<SupervisedCallback>,
  now: number,
  policy: Policy,
): Board {
  const ctx = figureContext(now, policy);
  const figures = emptyFigures();
  for (const cb of callbacks) {
    if (cb.team !== team) continue;
    for (const f of FIGURE_IDS) if (matchesFigure(cb, f, ctx)) countInto(figures[f], cb.urgency, 1);
  }
  return { team, at: now, today: ctx.today.key, dueSoonHours: policy.sla.dueSoonHours, figures };
}

/** One line of a drill-down: ids and times only (the desktop already holds the customer rows). */
export interface CallbackSummary {
  id: string;
  inquiryId: string;
  customerId: string;
  tier: 1 | 2;
  urgency: Urgency;
  status: CallbackStatus;
  assigneeId: string | null;
  createdAt: number;
  dueAt: number;
  closedAt: number | null;
  attemptsMade: number;
  allowedAttempts: number;
  /**
   * The SLA rule's state at the board's `at` (callable time, docs/domain.md), the
   * wall-clock time left and the last callable window before the due time. Null once closed.
   */
  sla: {
    state: SlaState;
    remainingMs: number;
    lastWindow: Interval | null;
    transitions: SlaTransitions;
  } | null;
  /** The next attempt's window while one is allowed. */
  nextAttempt: { number: number; earliest: number; latest: number; timing: string } | null;
}

export function summarizeCallback(cb: SupervisedCallback, now: number, policy: Policy): CallbackSummary {
  const open = cb.status === 'open';
  const plan = open ? attemptPlan(cb, now, policy) : null;
  return {
    id: cb.id,
    inquiryId: cb.inquiryId,
    customerId: cb.customerId,
    tier: cb.tier,
    urgency: cb.urgency,
    status: cb.status,
    assigneeId: cb.assigneeId,
    createdAt: cb.createdAt,
    dueAt: cb.dueAt,
    closedAt: cb.closedAt,
    attemptsMade: cb.attempts.length,
    allowedAttempts: allowedAttempts(cb, policy),
    sla:
      open && cb.sla
        ? {
            state: slaStateAt(cb.sla, now),
            remainingMs: cb.dueAt - now,
            lastWindow: cb.sla.lastWindow,
            transitions: cb.sla,
          }
        : null,
    nextAttempt:
      plan?.kind === 'next'
        ? {
            number: plan.attemptNumber,
            earliest: plan.window.earliest,
            latest: plan.window.latest,
            timing: plan.timing,
          }
        : null,
  };
}

/**
 * Drill-down order: open ones by SLA risk (as the worklist sorts), then closed ones
 * latest first. The SLA state is computed once per callback (decorate, sort, strip).
 */
export function sortForDrillDown(
  callbacks: readonly SupervisedCallback[],
  now: number,
): SupervisedCallback[] {
  const keyed = callbacks.map((cb) => ({
    cb,
    open: cb.status === 'open',
    state: cb.sla ? slaStateAt(cb.sla, now) : 'on-track',
  }));
  keyed.sort((a, b) => {
    if (a.open !== b.open) return a.open ? -1 : 1;
    if (!a.open) return (b.cb.closedAt ?? 0) - (a.cb.closedAt ?? 0) || compareIds(a.cb.id, b.cb.id);
    return (
      slaRiskOrder({ state: a.state, dueAt: a.cb.dueAt }, { state: b.state, dueAt: b.cb.dueAt }) ||
      compareIds(a.cb.id, b.cb.id)
    );
  });
  return keyed.map((k) => k.cb);
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The callbacks behind a figure by full scan: the tests' reference answer for the server's drill-down. */
export function callbacksForFigure(
  team: string,
  callbacks: Iterable<SupervisedCallback>,
  figure: FigureId,
  now: number,
  policy: Policy,
  urgency?: Urgency,
): SupervisedCallback[] {
  const ctx = figureContext(now, policy);
  const found: SupervisedCallback[] = [];
  for (const cb of callbacks) {
    if (cb.team !== team || (urgency && cb.urgency !== urgency)) continue;
    if (matchesFigure(cb, figure, ctx)) found.push(cb);
  }
  return sortForDrillDown(found, now);
}
