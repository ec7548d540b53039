import { attemptPlan } from '../../../shared/domain/attempts';
import type { Policy } from '../../../shared/domain/policy';
import { SLA_STATES, slaStatus } from '../../../shared/domain/sla';
import type { WorklistPage, WorklistRow } from '../../../shared/ipc/views';
import type { worklistQuerySchema } from '../../../shared/ipc/views';
import type { z } from 'zod';
import type { LocalStore } from '../../store/local-store';
import { SLA_RANK_SQL, slaRankParams } from './sla-rank';

type Query = z.output<typeof worklistQuerySchema>;

/**
 * The worklist: filters and the SLA-risk order run in SQL over callback_index
 * (plain, indexed columns); only the rows of the requested window are decrypted.
 */
export function queryWorklist(
  store: LocalStore,
  query: Query,
  me: { userId: string },
  now: number,
  policy: Policy,
): WorklistPage {
  const where: string[] = [];
  const params: Record<string, unknown> = { ...slaRankParams(now, policy), me: me.userId };
  const inList = (column: string, values: readonly (string | number)[], prefix: string) => {
    const names = values.map((v, i) => {
      params[`${prefix}${i}`] = v;
      return `@${prefix}${i}`;
    });
    where.push(`${column} IN (${names.join(', ')})`);
  };
  if (query.scope === 'mine') where.push('assignee_id = @me');
  if (query.scope === 'queue') where.push('assignee_id IS NULL');
  if (query.status.length > 0) inList('status', query.status, 'st');
  if (query.urgency?.length) inList('urgency', query.urgency, 'ur');
  if (query.tier?.length) inList('tier', query.tier, 'ti');
  if (query.language?.length) inList('language', query.language, 'la');
  if (query.sla?.length)
    inList(
      `(${SLA_RANK_SQL})`,
      query.sla.map((s) => SLA_STATES.indexOf(s)),
      'sl',
    );
  if (query.dueBefore !== undefined) {
    params['dueBefore'] = query.dueBefore;
    where.push('due_at < @dueBefore');
  }
  if (query.secondAttemptPending !== undefined) {
    params['second'] = query.secondAttemptPending ? 1 : 0;
    where.push('second_attempt_pending = @second');
  }
  if (query.search) {
    const hits = store.search.search(query.search);
    if (hits) {
      store.db.exec(
        'CREATE TEMP TABLE IF NOT EXISTS search_hits (id TEXT PRIMARY KEY); DELETE FROM temp.search_hits;',
      );
      const insert = store.db.prepare('INSERT INTO temp.search_hits (id) VALUES (?)');
      store.db.transaction(() => {
        for (const id of hits) insert.run(id);
      })();
      where.push('id IN (SELECT id FROM temp.search_hits)');
    }
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    store.db.prepare(`SELECT count(*) AS n FROM callback_index ${filter}`).get(params) as { n: number }
  ).n;
  const ids = store.db
    .prepare(
      `SELECT id, pending FROM callback_index ${filter}
       ORDER BY ${SLA_RANK_SQL}, due_at, id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.limit, offset: query.offset }) as { id: string; pending: number }[];
  const users = new Map(store.rows.list('users').map((u) => [u.id, u.name]));
  const rows = ids.flatMap(({ id, pending }): WorklistRow[] => {
    const callback = store.rows.get('callbacks', id);
    if (!callback) return [];
    const customer = store.rows.get('customers', callback.customerId);
    const inquiry = store.rows.get('inquiries', callback.inquiryId);
    const plan = attemptPlan(callback, now, policy);
    return [
      {
        id,
        customerId: callback.customerId,
        customerName: customer?.name ?? null,
        receiptNumber: inquiry?.receiptNumber ?? null,
        language: customer?.preferredLanguage ?? null,
        urgency: callback.urgency,
        tier: callback.tier,
        status: callback.status,
        assigneeId: callback.assigneeId,
        assigneeName: callback.assigneeId ? (users.get(callback.assigneeId) ?? null) : null,
        mine: callback.assigneeId === me.userId,
        createdAt: callback.createdAt,
        dueAt: callback.dueAt,
        sla: slaStatus(callback, now, policy),
        attemptsMade: callback.attempts.length,
        nextAttempt:
          plan.kind === 'next'
            ? {
                attemptNumber: plan.attemptNumber,
                earliest: plan.window.earliest,
                latest: plan.window.latest,
                timing: plan.timing,
              }
            : null,
        scheduledSlot: callback.scheduledSlot,
        pendingSync: pending === 1,
      },
    ];
  });
  return { total, offset: query.offset, rows, now };
}
