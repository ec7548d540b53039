import { allowedAttempts, isReached } from '../domain/attempts';
import { HOUR_MS, type Policy } from '../domain/policy';
import { slaStateAt } from '../domain/sla';
import type { CallbackStatus } from '../sync/rows/callback';
import { dayOf, type DaySpan } from './days';
import type { SupervisedCallback } from './supervised-callback';

/**
 * The supervisor board's figures. Each one is a predicate over ONE callback (plus
 * the clock and the policy), so a count and its drill-down can never disagree:
 * the drill-down lists exactly the callbacks the predicate accepts.
 *
 * The rules come in four kinds because the server keeps each kind differently
 * (src/server/supervisor): `state` figures do not depend on the clock (a set per
 * figure), `due-range` figures are a range of due times of open callbacks (a
 * sorted index answers them without a scan), `sla-state` figures are the SLA rule's
 * state at now (docs/domain.md: callable time) — read from each callback's SLA
 * transitions, which sorted indexes count — and `closed-today` figures are keyed by
 * the day the callback closed.
 */
export const FIGURE_IDS = [
  'open',
  'queued',
  'claimed',
  'due-soon',
  'at-risk',
  'due-today',
  'overdue',
  'second-attempt-pending',
  'resolved-today',
  'unable-to-reach-today',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface FigureContext {
  now: number;
  policy: Policy;
  /** The callback-hours-zone day of `now`. */
  today: DaySpan;
}

export function figureContext(now: number, policy: Policy): FigureContext {
  return { now, policy, today: dayOf(now, policy) };
}

/** Open callbacks with `after < dueAt <= atOrBefore`. */
export interface DueRange {
  after: number;
  atOrBefore: number;
}

export type FigureRule =
  | { kind: 'state'; test: (cb: SupervisedCallback, policy: Policy) => boolean }
  | { kind: 'due-range'; range: (ctx: FigureContext) => DueRange }
  | { kind: 'sla-state'; state: 'at-risk' | 'due-today' }
  | { kind: 'closed-today'; status: Exclude<CallbackStatus, 'open'> };

export interface FigureDefinition {
  label: string;
  /** One sentence for a tooltip / the accessible description. */
  description: string;
  rule: FigureRule;
}

const isOpen = (cb: SupervisedCallback) => cb.status === 'open';

/**
 * A retry is pending: at least one attempt failed and another is allowed — exactly
 * when attemptPlan says `next` with attemptNumber >= 2 (a unit test holds them equal).
 * It uses attemptPlan's own decision functions rather than attemptPlan itself, which
 * also fits the next window into callback hours (about a millisecond per call —
 * too slow to run over 50,000 callbacks at start).
 */
export function isRetryPending(cb: SupervisedCallback, policy: Policy): boolean {
  const made = cb.attempts.length;
  if (!isOpen(cb) || made === 0) return false;
  return !cb.attempts.some((a) => isReached(a.outcome)) && made < allowedAttempts(cb, policy);
}

export const FIGURES: Readonly<Record<FigureId, FigureDefinition>> = {
  open: {
    label: 'Open',
    description: 'Callbacks not yet closed.',
    rule: { kind: 'state', test: isOpen },
  },
  queued: {
    label: 'In the team queue',
    description: 'Open callbacks nobody has claimed.',
    rule: { kind: 'state', test: (cb) => isOpen(cb) && cb.assigneeId === null },
  },
  claimed: {
    label: 'Claimed',
    description: 'Open callbacks an agent holds.',
    rule: { kind: 'state', test: (cb) => isOpen(cb) && cb.assigneeId !== null },
  },
  'due-soon': {
    label: 'Due soon',
    description: 'Open callbacks due within the policy’s due-soon window (sla.dueSoonHours) from now.',
    rule: {
      kind: 'due-range',
      range: (ctx) => ({ after: ctx.now, atOrBefore: ctx.now + ctx.policy.sla.dueSoonHours * HOUR_MS }),
    },
  },
  'at-risk': {
    label: 'At risk',
    description:
      'Open callbacks with less callable time left than the policy’s at-risk hours, or whose remaining attempts no longer fit before the due time.',
    rule: { kind: 'sla-state', state: 'at-risk' },
  },
  'due-today': {
    label: 'Due today',
    description:
      'Open callbacks whose last callable window before the due time is today (or none is left), not yet overdue.',
    rule: { kind: 'sla-state', state: 'due-today' },
  },
  overdue: {
    label: 'Overdue',
    description: 'Open callbacks whose due time has passed.',
    rule: {
      kind: 'due-range',
      range: (ctx) => ({ after: Number.MIN_SAFE_INTEGER, atOrBefore: ctx.now }),
    },
  },
  'second-attempt-pending': {
    label: 'Second attempt pending',
    description:
      'Open callbacks with a failed attempt and another attempt allowed (a granted extra one too).',
    rule: { kind: 'state', test: isRetryPending },
  },
  'resolved-today': {
    label: 'Resolved today',
    description: 'Callbacks closed today because the customer was reached.',
    rule: { kind: 'closed-today', status: 'closed-resolved' },
  },
  'unable-to-reach-today': {
    label: 'Unable to reach today',
    description: 'Callbacks closed today after every allowed attempt failed.',
    rule: { kind: 'closed-today', status: 'closed-unable-to-reach' },
  },
};

export const STATE_FIGURES = FIGURE_IDS.filter((f) => FIGURES[f].rule.kind === 'state');

/** The predicate behind figure `figure`: does this callback count in it at `ctx.now`? */
export function matchesFigure(cb: SupervisedCallback, figure: FigureId, ctx: FigureContext): boolean {
  const rule = FIGURES[figure].rule;
  switch (rule.kind) {
    case 'state':
      return rule.test(cb, ctx.policy);
    case 'due-range': {
      const { after, atOrBefore } = rule.range(ctx);
      return isOpen(cb) && cb.dueAt > after && cb.dueAt <= atOrBefore;
    }
    case 'sla-state':
      return isOpen(cb) && cb.sla !== null && slaStateAt(cb.sla, ctx.now) === rule.state;
    case 'closed-today':
      return (
        cb.status === rule.status &&
        cb.closedAt !== null &&
        cb.closedAt >= ctx.today.start &&
        cb.closedAt < ctx.today.end
      );
  }
}
