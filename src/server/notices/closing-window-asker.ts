import { MINUTE_MS } from '../../shared/domain/policy';
import type { SupervisedCallback } from '../../shared/supervisor/supervised-callback';
import { askAvailability } from '../../shared/sync/mutators/callback-ask-availability';
import type { AnyRow, CallbackRow } from '../../shared/sync/rows';
import { appendAudit } from '../audit';
import type { Logger } from '../logger';
import type { PolicyAt } from '../policy/policy-book';
import type { Db } from '../storage/database';
import { readRows, writeRows } from '../storage/row-store';
import type { PlanNotices } from './notice-planner';

export interface ClosingWindowAskerDeps {
  db: Db;
  policyAt: PolicyAt;
  clock: () => number;
  log: Logger;
  /** Every open callback with its SLA transitions (the supervisor index's; empty until it is built). */
  openCallbacks: () => Iterable<SupervisedCallback>;
  /** Whether SMS can go out at all (no provider: nothing is asked). */
  canText: boolean;
  plan: PlanNotices;
  poke: (teams: Iterable<string>, version: number | undefined) => void;
}

/** Who the audit names for what the server asks on its own. */
export const AUTO_ASKER = 'system:auto-availability';

/**
 * The worklist's policy for callbacks whose last callable window is closing
 * (policy notices.autoAvailability, docs/domain.md "Customer notices"): the server
 * asks "available now?" by itself, so a customer who can talk now reaches an agent
 * before the window shuts. It asks while the last window is open, ends within
 * `withinMinutes` and still leaves the reply window; once per window (any check —
 * the agent's or this — sent since the window opened counts), and through the same
 * rule as the agent's button (the askAvailability mutator: open, SMS consent, at most
 * `availabilityMaxChecks`, none pending). Each callback is read and written in one
 * transaction that locks its row on PostgreSQL, so two nodes ask once.
 */
export class ClosingWindowAsker {
  constructor(private readonly deps: ClosingWindowAskerDeps) {}

  /** One pass; returns the callbacks it asked about. */
  async pass(): Promise<number> {
    const { clock, policyAt, log } = this.deps;
    const now = clock();
    const policy = policyAt(now);
    const auto = policy.notices.autoAvailability;
    if (!auto.enabled || !this.deps.canText) return 0;
    const replyMs = policy.notices.availabilityReplyMinutes * MINUTE_MS;
    const due: SupervisedCallback[] = [];
    for (const cb of this.deps.openCallbacks()) {
      const window = cb.sla?.lastWindow;
      if (!window || window.start > now) continue;
      const left = window.end - now;
      if (left <= auto.withinMinutes * MINUTE_MS && left >= replyMs) due.push(cb);
    }
    let asked = 0;
    for (const cb of due.sort((a, b) => (a.sla?.lastWindow?.end ?? 0) - (b.sla?.lastWindow?.end ?? 0))) {
      try {
        if (await this.ask(cb.id, cb.sla?.lastWindow ?? { start: now, end: now }, now)) asked += 1;
      } catch (error) {
        log.error({ err: error, callbackId: cb.id }, 'asking "available now?" for a closing window failed');
      }
    }
    return asked;
  }

  private async ask(
    callbackId: string,
    window: { start: number; end: number },
    now: number,
  ): Promise<boolean> {
    const { db, policyAt } = this.deps;
    const written = await db.transaction().execute(async (trx) => {
      const rows = await readRows(trx, [{ table: 'callbacks', id: callbackId }]);
      const callback = rows.get(`callbacks/${callbackId}`) as CallbackRow | undefined;
      if (!callback || callback.status !== 'open') return undefined;
      if (callback.notices.some((n) => n.kind === 'available-now' && n.sendAt >= window.start))
        return undefined;
      const customers = await readRows(trx, [{ table: 'customers', id: callback.customerId }]);
      const all = new Map<string, AnyRow>([...rows, ...customers]);
      const applied = askAvailability.apply(
        all,
        { callbackId },
        {
          userId: AUTO_ASKER,
          role: 'lead',
          team: callback.team,
          now,
          policy: policyAt(now),
          clientId: 'server',
        },
      );
      // No consent, a check pending or the checks used up: the rule says no, and so does this.
      if (!applied.ok) return undefined;
      const version = await writeRows(trx, applied.value, now);
      await appendAudit(trx, {
        at: now,
        actorId: null,
        action: 'callback.availability-auto-asked',
        entityType: 'callback',
        entityId: callbackId,
        outcome: 'ok',
        detail: { windowEnd: window.end, by: AUTO_ASKER },
      });
      return { team: callback.team, version };
    });
    if (!written) return false;
    const planned = await this.deps.plan([callbackId]);
    this.deps.poke([written.team, ...planned.teams], planned.lastVersion ?? written.version);
    return true;
  }
}
