import type BetterSqlite3 from 'better-sqlite3';
import { attemptPlan } from '../../shared/domain/attempts';
import type { Policy } from '../../shared/domain/policy';
import type { CallbackRow } from '../../shared/sync/rows/callback';
import type { RowCache } from './row-cache';

export interface CallbackIndexEntry {
  id: string;
  customerId: string;
  inquiryId: string;
}

/**
 * Keeps `callback_index` (the worklist's plain, indexed columns) in step with
 * the effective callback rows. Called inside the transaction that changed them.
 */
export class CallbackIndex {
  private readonly stmts;
  /** Told about every re-indexed callback (the in-memory search index listens). */
  onChange: (id: string, entry: CallbackIndexEntry | undefined) => void = () => {};

  constructor(
    db: BetterSqlite3.Database,
    private readonly rows: RowCache,
    private readonly policy: () => Policy,
  ) {
    this.stmts = {
      upsert: db.prepare(
        `INSERT INTO callback_index (id, team, status, urgency, tier, assignee_id, due_at, created_at, attempts,
           second_attempt_pending, language, customer_id, inquiry_id, pending)
         VALUES (@id, @team, @status, @urgency, @tier, @assignee_id, @due_at, @created_at, @attempts,
           @second_attempt_pending, @language, @customer_id, @inquiry_id, @pending)
         ON CONFLICT (id) DO UPDATE SET team = excluded.team, status = excluded.status, urgency = excluded.urgency,
           tier = excluded.tier, assignee_id = excluded.assignee_id, due_at = excluded.due_at,
           created_at = excluded.created_at, attempts = excluded.attempts,
           second_attempt_pending = excluded.second_attempt_pending, language = excluded.language,
           customer_id = excluded.customer_id, inquiry_id = excluded.inquiry_id, pending = excluded.pending`,
      ),
      remove: db.prepare<[string]>('DELETE FROM callback_index WHERE id = ?'),
      byCustomer: db.prepare<[string], { id: string }>('SELECT id FROM callback_index WHERE customer_id = ?'),
      byInquiry: db.prepare<[string], { id: string }>('SELECT id FROM callback_index WHERE inquiry_id = ?'),
      all: db.prepare<[], { id: string; customer_id: string; inquiry_id: string }>(
        'SELECT id, customer_id, inquiry_id FROM callback_index',
      ),
    };
  }

  /** Callbacks whose index entry depends on these customers/inquiries (language, search). */
  dependents(table: string, id: string): string[] {
    if (table === 'customers') return this.stmts.byCustomer.all(id).map((r) => r.id);
    if (table === 'inquiries') return this.stmts.byInquiry.all(id).map((r) => r.id);
    return [];
  }

  entries(): CallbackIndexEntry[] {
    return this.stmts.all
      .all()
      .map((r) => ({ id: r.id, customerId: r.customer_id, inquiryId: r.inquiry_id }));
  }

  reindex(ids: Iterable<string>): void {
    for (const id of new Set(ids)) {
      const callback = this.rows.get('callbacks', id);
      if (!callback) {
        this.stmts.remove.run(id);
        this.onChange(id, undefined);
        continue;
      }
      const customer = this.rows.get('customers', callback.customerId);
      this.stmts.upsert.run({
        id,
        team: callback.team,
        status: callback.status,
        urgency: callback.urgency,
        tier: callback.tier,
        assignee_id: callback.assigneeId,
        due_at: callback.dueAt,
        created_at: callback.createdAt,
        attempts: callback.attempts.length,
        second_attempt_pending: secondAttemptPending(callback, this.policy()) ? 1 : 0,
        language: customer?.preferredLanguage ?? null,
        customer_id: callback.customerId,
        inquiry_id: callback.inquiryId,
        pending: this.rows.isPending('callbacks', id) ? 1 : 0,
      });
      this.onChange(id, { id, customerId: callback.customerId, inquiryId: callback.inquiryId });
    }
  }
}

/** Open, a first attempt failed, and another one is still allowed: the "attempt 2 pending" list. */
export function secondAttemptPending(callback: CallbackRow, policy: Policy): boolean {
  if (callback.status !== 'open' || callback.attempts.length === 0) return false;
  const plan = attemptPlan(callback, Number.NEGATIVE_INFINITY, policy);
  return plan.kind === 'next' && plan.attemptNumber >= 2;
}
