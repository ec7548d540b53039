import type { Transaction } from 'kysely';
import { appendAudit } from '../audit';
import type { Db } from '../storage/database';
import type { Database } from '../storage/schema';

/** One audit event per notice state change: codes and ids only (never the address or text). */
export function auditNotice(
  trx: Db | Transaction<Database>,
  at: number,
  noticeId: string,
  action: string,
  detail: Record<string, unknown> = {},
  actorId: string | null = null,
): Promise<void> {
  return appendAudit(trx, {
    at,
    actorId,
    action: `notice.${action}`,
    entityType: 'notice',
    entityId: noticeId,
    outcome: 'ok',
    detail,
  });
}
