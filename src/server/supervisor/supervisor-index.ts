import type { Policy } from '../../shared/domain/policy';
import type { Urgency } from '../../shared/domain/sla';
import type { Board } from '../../shared/supervisor/board';
import type { SupervisorCharts } from '../../shared/supervisor/charts';
import { dayKeyOf } from '../../shared/supervisor/days';
import type { FigureId } from '../../shared/supervisor/figures';
import {
  compareRoster,
  emptyOutcomes,
  isRosterMember,
  type RosterEntry,
  type RosterPresence,
  type RosterUser,
} from '../../shared/supervisor/roster';
import { ATTEMPT_OUTCOMES } from '../../shared/domain/attempts';
import { zonesKey } from '../../shared/domain/callable-time';
import {
  toSupervised,
  type SupervisedCallback,
  type SupervisedFields,
} from '../../shared/supervisor/supervised-callback';
import type { EscalationsWaiting } from '../../shared/supervisor/escalations';
import type { HandleTimeReport, SupervisedWrapUp } from '../../shared/supervisor/handle-times';
import { TeamAggregates } from './team-aggregates';

/**
 * Every team's aggregates plus the users and presence the roster needs. Fed one
 * row at a time (old → new) by the row follower; read by the supervisor channel.
 * Everything here is in memory and rebuilt from the database at start.
 */
export class SupervisorIndex {
  private readonly teams = new Map<string, TeamAggregates>();
  /** callback id → team it is indexed under (a row could in principle move team). */
  private readonly callbackTeam = new Map<string, string>();
  /**
   * Customer id → the zones their numbers ring in (no other customer data is kept), and
   * the callbacks of each customer: a changed number changes those callbacks' SLA state.
   */
  private readonly customerZones = new Map<string, readonly string[]>();
  private readonly callbacksOf = new Map<string, Map<string, SupervisedFields>>();
  private readonly users = new Map<string, RosterUser>();
  private readonly presence = new Map<string, RosterPresence & { team: string }>();
  /** wrap-up id → team it is indexed under. */
  private readonly wrapUpTeam = new Map<string, string>();

  constructor(private current: Policy) {}

  /** The policy the figures are judged with (the one in force, see usePolicy). */
  get policy(): Policy {
    return this.current;
  }

  /**
   * Judges every callback again with `policy` when it is not the one in use (an
   * administrator published a policy, or a scheduled one came into force). Returns
   * whether anything was re-judged.
   */
  usePolicy(policy: Policy): boolean {
    if (policy === this.current) return false;
    this.current = policy;
    const rows = [...this.teams.values()].flatMap((t) => [...t.records.values()]);
    this.teams.clear();
    for (const row of rows) this.team(row.team).replace(row.id, row);
    return true;
  }

  /** Teams with callbacks indexed. */
  teamNames(): string[] {
    return [...this.teams.keys()];
  }

  private team(team: string): TeamAggregates {
    let t = this.teams.get(team);
    if (!t) this.teams.set(team, (t = new TeamAggregates(team, this.policy)));
    return t;
  }

  /**
   * Applies a callback row write; null = deleted. Its SLA transitions are worked out
   * here with its customer's zones. Returns the teams whose figures may have changed.
   */
  applyCallback(id: string, row: SupervisedFields | null): string[] {
    const before = this.callbackTeam.get(id);
    const changed: string[] = [];
    const previous = before === undefined ? undefined : this.team(before).records.get(id);
    if (previous) this.callbacksOf.get(previous.customerId)?.delete(id);
    if (before !== undefined && before !== row?.team) {
      this.team(before).replace(id, null);
      this.callbackTeam.delete(id);
      changed.push(before);
    }
    if (row) {
      const zones = this.customerZones.get(row.customerId) ?? [];
      this.team(row.team).replace(id, toSupervised(row, zones, this.policy));
      this.callbackTeam.set(id, row.team);
      let mine = this.callbacksOf.get(row.customerId);
      if (!mine) this.callbacksOf.set(row.customerId, (mine = new Map()));
      mine.set(id, row);
      if (!changed.includes(row.team)) changed.push(row.team);
    }
    return changed;
  }

  /** Applies a wrap-up row write; null = deleted. Returns the teams whose handle times changed. */
  applyWrapUp(id: string, row: SupervisedWrapUp | null): string[] {
    const before = this.wrapUpTeam.get(id);
    const changed: string[] = [];
    if (before !== undefined && before !== row?.team) {
      this.team(before).replaceWrapUp(id, null);
      this.wrapUpTeam.delete(id);
      changed.push(before);
    }
    if (row) {
      this.team(row.team).replaceWrapUp(id, row);
      this.wrapUpTeam.set(id, row.team);
      if (!changed.includes(row.team)) changed.push(row.team);
    }
    return changed;
  }

  /** A customer's zones changed (a number added, removed, or its zone stated); null = deleted. */
  applyCustomer(id: string, zones: readonly string[] | null): string[] {
    const before = this.customerZones.get(id) ?? [];
    if (zones && zones.length > 0) this.customerZones.set(id, zones);
    else this.customerZones.delete(id);
    if (zonesKey(before) === zonesKey(zones ?? [])) return [];
    const changed = new Set<string>();
    // A copy: applyCallback takes each callback out of the customer's map and puts it back.
    for (const [callbackId, row] of [...(this.callbacksOf.get(id) ?? [])]) {
      for (const team of this.applyCallback(callbackId, row)) changed.add(team);
    }
    return [...changed];
  }

  applyUser(id: string, user: RosterUser | null): string[] {
    const before = this.users.get(id);
    if (user) this.users.set(id, user);
    else this.users.delete(id);
    return [...new Set([before?.team, user?.team].filter((t): t is string => t !== undefined))];
  }

  applyPresence(id: string, presence: (RosterPresence & { team: string }) | null): string[] {
    const before = this.presence.get(id);
    if (presence) this.presence.set(id, presence);
    else this.presence.delete(id);
    return [...new Set([before?.team, presence?.team].filter((t): t is string => t !== undefined))];
  }

  board(team: string, now: number): Board {
    return this.team(team).board(now);
  }

  callbacksFor(team: string, figure: FigureId, now: number, urgency?: Urgency): SupervisedCallback[] {
    return this.team(team).callbacksFor(figure, now, urgency);
  }

  openCallbacks(team: string): SupervisedCallback[] {
    return this.team(team).openCallbacks();
  }

  charts(team: string, now: number): SupervisorCharts {
    return this.team(team).charts(now);
  }

  /** Escalations waiting for Tier 2, oldest first. */
  escalations(team: string): EscalationsWaiting {
    return this.team(team).escalations();
  }

  /** Handle time and after-call work per roster agent (and anyone else who wrapped up) and for the team. */
  handleTimes(team: string, now: number): HandleTimeReport {
    const agents = [...this.users.values()]
      .filter((u) => isRosterMember(u, team))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((u) => u.id);
    return this.team(team).handleTimes(agents, now);
  }

  /** The team's agents: presence, current item, callbacks held, attempts and outcomes today. */
  roster(team: string, now: number): RosterEntry[] {
    const aggregates = this.team(team);
    const today = dayKeyOf(now, this.policy);
    const entries: RosterEntry[] = [];
    for (const user of this.users.values()) {
      if (!isRosterMember(user, team)) continue;
      const p = this.presence.get(user.id);
      const outcomes = { ...(aggregates.outcomesOn(today, user.id) ?? emptyOutcomes()) };
      entries.push({
        userId: user.id,
        name: user.name,
        role: user.role,
        presence: p?.status ?? 'offline',
        presenceSince: p?.updatedAt ?? null,
        currentItem: p && p.status !== 'offline' ? p.currentItem : null,
        callbacksHeld: aggregates.heldBy(user.id),
        attemptsToday: ATTEMPT_OUTCOMES.reduce((s, o) => s + outcomes[o], 0),
        outcomesToday: outcomes,
      });
    }
    return entries.sort(compareRoster);
  }

  /** Roster members not offline: the forecast's default staffing. */
  agentsOnShift(team: string, now: number): number {
    return this.roster(team, now).filter((e) => e.presence !== 'offline').length;
  }

  /** Presence rows of users (for the full-recomputation tests). */
  presenceMap(): ReadonlyMap<string, RosterPresence> {
    return this.presence;
  }
}
