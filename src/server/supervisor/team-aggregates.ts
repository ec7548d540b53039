import type { Policy } from '../../shared/domain/policy';
import type { Urgency } from '../../shared/domain/sla';
import type { CallbackStatus } from '../../shared/sync/rows/callback';
import {
  countInto,
  emptyFigureCount,
  emptyFigures,
  sortForDrillDown,
  type Board,
  type FigureCount,
} from '../../shared/supervisor/board';
import {
  attemptOutcomesChart,
  backlogByDueDayChart,
  complianceContribution,
  slaComplianceChart,
  type DayCompliance,
  type SupervisorCharts,
} from '../../shared/supervisor/charts';
import { dayKeyOf } from '../../shared/supervisor/days';
import {
  FIGURES,
  STATE_FIGURES,
  figureContext,
  matchesFigure,
  type FigureContext,
  type FigureId,
} from '../../shared/supervisor/figures';
import { emptyOutcomes, type OutcomeCounts } from '../../shared/supervisor/roster';
import type { SupervisedCallback } from '../../shared/supervisor/supervised-callback';
import {
  escalationsWaiting,
  waitingEscalation,
  type EscalationsWaiting,
  type WaitingEscalation,
} from '../../shared/supervisor/escalations';
import {
  addContact,
  emptyTotals,
  handleTimeReport,
  type HandleTimeReport,
  type HandleTotals,
  type SupervisedWrapUp,
} from '../../shared/supervisor/handle-times';
import { SortedDueIndex } from './sorted-due-index';

type ClosedStatus = Exclude<CallbackStatus, 'open'>;

/**
 * One team's callbacks, kept so that every board figure, the roster's per-agent
 * counts and the charts are read without scanning callbacks. A row change is a
 * delta: the old row's contributions are taken out and the new row's put in
 * (`replace`), so the cost of a change is the size of ONE callback, whatever the
 * backlog. Figures are decided by the shared predicates (shared/supervisor/figures);
 * a property test holds this equal to a full recomputation.
 */
export class TeamAggregates {
  readonly records = new Map<string, SupervisedCallback>();
  private readonly stateMembers = new Map<FigureId, Set<string>>(STATE_FIGURES.map((f) => [f, new Set()]));
  private readonly stateCounts = new Map<FigureId, FigureCount>(
    STATE_FIGURES.map((f) => [f, emptyFigureCount()]),
  );
  private readonly due: Record<Urgency, SortedDueIndex> = {
    urgent: new SortedDueIndex(),
    'non-urgent': new SortedDueIndex(),
  };
  /**
   * Open callbacks by the instant their SLA state turns at risk and due today (their
   * transitions): "at risk now" is atRiskFrom <= now < dueTodayFrom, "due today now"
   * is dueTodayFrom <= now < dueAt — differences of prefix counts, since the three
   * instants never run backwards for one callback.
   */
  private readonly slaFrom: Record<'at-risk' | 'due-today', Record<Urgency, SortedDueIndex>> = {
    'at-risk': { urgent: new SortedDueIndex(), 'non-urgent': new SortedDueIndex() },
    'due-today': { urgent: new SortedDueIndex(), 'non-urgent': new SortedDueIndex() },
  };
  /** day → closed status → ids, and their counts by urgency. */
  private readonly closedByDay = new Map<
    string,
    Map<ClosedStatus, { ids: Set<string>; count: FigureCount }>
  >();
  private readonly compliance = new Map<string, DayCompliance>();
  private readonly outcomesByDay = new Map<string, OutcomeCounts>();
  /** day → agent → outcomes. */
  private readonly agentOutcomes = new Map<string, Map<string, OutcomeCounts>>();
  private readonly held = new Map<string, number>();
  /** Escalations waiting for Tier 2, by callback id. */
  private readonly waiting = new Map<string, WaitingEscalation>();
  readonly wrapUps = new Map<string, SupervisedWrapUp>();
  /** day (of the call's end) → agent → handle-time totals. */
  private readonly handleByDay = new Map<string, Map<string, HandleTotals>>();

  constructor(
    readonly team: string,
    private readonly policy: Policy,
  ) {}

  /** Applies one row change: `next` null = the callback left this team (deleted or moved). */
  replace(id: string, next: SupervisedCallback | null): void {
    const previous = this.records.get(id);
    if (previous) this.contribute(previous, -1);
    if (next) {
      this.records.set(id, next);
      this.contribute(next, 1);
    } else {
      this.records.delete(id);
    }
  }

  private contribute(cb: SupervisedCallback, sign: 1 | -1): void {
    for (const f of STATE_FIGURES) {
      const rule = FIGURES[f].rule;
      if (rule.kind !== 'state' || !rule.test(cb, this.policy)) continue;
      const members = this.stateMembers.get(f) as Set<string>;
      if (sign > 0) members.add(cb.id);
      else members.delete(cb.id);
      countInto(this.stateCounts.get(f) as FigureCount, cb.urgency, sign);
    }
    const escalation = waitingEscalation(cb);
    if (escalation) {
      if (sign > 0) this.waiting.set(cb.id, escalation);
      else this.waiting.delete(cb.id);
    }
    if (cb.status === 'open') {
      if (sign > 0) this.due[cb.urgency].insert(cb.dueAt, cb.id);
      else this.due[cb.urgency].remove(cb.dueAt, cb.id);
      if (cb.sla) {
        const { atRiskFrom, dueTodayFrom } = cb.sla;
        for (const [state, from] of [
          ['at-risk', atRiskFrom],
          ['due-today', dueTodayFrom],
        ] as const) {
          if (sign > 0) this.slaFrom[state][cb.urgency].insert(from, cb.id);
          else this.slaFrom[state][cb.urgency].remove(from, cb.id);
        }
      }
      if (cb.assigneeId) this.bump(this.held, cb.assigneeId, sign);
    } else if (cb.closedAt !== null) {
      const key = dayKeyOf(cb.closedAt, this.policy);
      let byStatus = this.closedByDay.get(key);
      if (!byStatus) this.closedByDay.set(key, (byStatus = new Map()));
      let entry = byStatus.get(cb.status);
      if (!entry) byStatus.set(cb.status, (entry = { ids: new Set(), count: emptyFigureCount() }));
      if (sign > 0) entry.ids.add(cb.id);
      else entry.ids.delete(cb.id);
      countInto(entry.count, cb.urgency, sign);
    }
    const compliance = complianceContribution(cb);
    if (compliance) {
      const key = dayKeyOf(compliance.dueAt, this.policy);
      const day = this.compliance.get(key) ?? { onTime: 0, late: 0 };
      if (compliance.onTime) day.onTime += sign;
      else day.late += sign;
      this.compliance.set(key, day);
    }
    for (const attempt of cb.attempts) {
      const key = dayKeyOf(attempt.at, this.policy);
      let day = this.outcomesByDay.get(key);
      if (!day) this.outcomesByDay.set(key, (day = emptyOutcomes()));
      day[attempt.outcome] += sign;
      let agents = this.agentOutcomes.get(key);
      if (!agents) this.agentOutcomes.set(key, (agents = new Map()));
      let mine = agents.get(attempt.agentId);
      if (!mine) agents.set(attempt.agentId, (mine = emptyOutcomes()));
      mine[attempt.outcome] += sign;
    }
  }

  /** Applies one wrap-up row change (null = it left this team). */
  replaceWrapUp(id: string, next: SupervisedWrapUp | null): void {
    const previous = this.wrapUps.get(id);
    if (previous) this.contributeWrapUp(previous, -1);
    if (next) {
      this.wrapUps.set(id, next);
      this.contributeWrapUp(next, 1);
    } else {
      this.wrapUps.delete(id);
    }
  }

  private contributeWrapUp(w: SupervisedWrapUp, sign: 1 | -1): void {
    const key = dayKeyOf(w.callEndedAt, this.policy);
    let day = this.handleByDay.get(key);
    if (!day) this.handleByDay.set(key, (day = new Map()));
    let totals = day.get(w.agentId);
    if (!totals) day.set(w.agentId, (totals = emptyTotals()));
    addContact(totals, w, sign);
    if (totals.contacts === 0) day.delete(w.agentId);
    if (day.size === 0) this.handleByDay.delete(key);
  }

  escalations(): EscalationsWaiting {
    return escalationsWaiting(this.waiting.values());
  }

  handleTimes(agents: readonly string[], now: number): HandleTimeReport {
    return handleTimeReport((k) => this.handleByDay.get(k), agents, now, this.policy);
  }

  private bump(map: Map<string, number>, key: string, by: number): void {
    const n = (map.get(key) ?? 0) + by;
    if (n === 0) map.delete(key);
    else map.set(key, n);
  }

  board(now: number): Board {
    const ctx = figureContext(now, this.policy);
    const figures = emptyFigures();
    for (const f of Object.keys(figures) as FigureId[]) figures[f] = this.count(f, ctx);
    return {
      team: this.team,
      at: now,
      today: ctx.today.key,
      dueSoonHours: this.policy.sla.dueSoonHours,
      figures,
    };
  }

  private count(figure: FigureId, ctx: FigureContext): FigureCount {
    const rule = FIGURES[figure].rule;
    switch (rule.kind) {
      case 'state':
        return { ...(this.stateCounts.get(figure) as FigureCount) };
      case 'due-range': {
        const { after, atOrBefore } = rule.range(ctx);
        const urgent = this.due.urgent.count(after, atOrBefore);
        const nonUrgent = this.due['non-urgent'].count(after, atOrBefore);
        return { total: urgent + nonUrgent, urgent, nonUrgent };
      }
      case 'sla-state': {
        const urgent = this.inSlaState(rule.state, 'urgent', ctx.now);
        const nonUrgent = this.inSlaState(rule.state, 'non-urgent', ctx.now);
        return { total: urgent + nonUrgent, urgent, nonUrgent };
      }
      case 'closed-today': {
        const entry = this.closedByDay.get(ctx.today.key)?.get(rule.status);
        return entry ? { ...entry.count } : emptyFigureCount();
      }
    }
  }

  /** Open callbacks of one urgency in an SLA state at `now`: entered it, not yet the next one. */
  private inSlaState(state: 'at-risk' | 'due-today', urgency: Urgency, now: number): number {
    const entered = this.slaFrom[state][urgency].count(Number.MIN_SAFE_INTEGER, now);
    const next = state === 'at-risk' ? this.slaFrom['due-today'][urgency] : this.due[urgency];
    return entered - next.count(Number.MIN_SAFE_INTEGER, now);
  }

  /** The ids behind a figure (unsorted), read from the structure that keeps it. */
  private idsFor(figure: FigureId, ctx: FigureContext, urgency?: Urgency): string[] {
    const rule = FIGURES[figure].rule;
    switch (rule.kind) {
      case 'state':
        return [...(this.stateMembers.get(figure) as Set<string>)];
      case 'due-range': {
        const { after, atOrBefore } = rule.range(ctx);
        const urgencies: Urgency[] = urgency ? [urgency] : ['urgent', 'non-urgent'];
        return urgencies.flatMap((u) => this.due[u].idsIn(after, atOrBefore));
      }
      case 'sla-state': {
        const urgencies: Urgency[] = urgency ? [urgency] : ['urgent', 'non-urgent'];
        // Entered the state by now; the predicate drops the ones already in a worse state.
        return urgencies.flatMap((u) => this.slaFrom[rule.state][u].idsIn(Number.MIN_SAFE_INTEGER, ctx.now));
      }
      case 'closed-today':
        return [...(this.closedByDay.get(ctx.today.key)?.get(rule.status)?.ids ?? [])];
    }
  }

  /** The callbacks behind a figure, in drill-down order (open by SLA risk). */
  callbacksFor(figure: FigureId, now: number, urgency?: Urgency): SupervisedCallback[] {
    const ctx = figureContext(now, this.policy);
    const found: SupervisedCallback[] = [];
    for (const id of this.idsFor(figure, ctx, urgency)) {
      const cb = this.records.get(id);
      // The figure's own predicate decides (an SLA-state range holds worse states too).
      if (cb && (!urgency || cb.urgency === urgency) && matchesFigure(cb, figure, ctx)) found.push(cb);
    }
    return sortForDrillDown(found, now);
  }

  openCallbacks(): SupervisedCallback[] {
    const open = this.stateMembers.get('open') as Set<string>;
    return [...open].map((id) => this.records.get(id) as SupervisedCallback);
  }

  heldBy(agentId: string): number {
    return this.held.get(agentId) ?? 0;
  }

  outcomesOn(dayKey: string, agentId: string): OutcomeCounts | undefined {
    return this.agentOutcomes.get(dayKey)?.get(agentId);
  }

  charts(now: number): SupervisorCharts {
    return {
      slaCompliance: slaComplianceChart(
        (k) => this.compliance.get(k),
        (after, atOrBefore) =>
          this.due.urgent.count(after, atOrBefore) + this.due['non-urgent'].count(after, atOrBefore),
        now,
        this.policy,
      ),
      backlogByDueDay: backlogByDueDayChart(
        (urgency, after, atOrBefore) => this.due[urgency].count(after, atOrBefore),
        now,
        this.policy,
      ),
      attemptOutcomes: attemptOutcomesChart((k) => this.outcomesByDay.get(k), now, this.policy),
    };
  }
}
