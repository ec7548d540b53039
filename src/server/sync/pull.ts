import { err, ok, type Result } from '../../shared/domain/result';
import type { PullRequest, PullResponse, SessionUser } from '../../shared/sync/protocol';
import { LIMITS } from '../../shared/sync/protocol';
import { GLOBAL_TEAM, PII_TABLES } from '../../shared/sync/rows';
import { appendAudit } from '../audit';
import type { Db } from '../storage/database';
import { currentVersion, pullPage, type PullScope } from '../storage/row-store';

export interface PullContext {
  user: SessionUser;
  clientId: string;
  sourceIp: string | null;
  clock: () => number;
}

/**
 * One page of changes in the user's scope: their team and global rows. Admins
 * manage users and scripts, not customers (least privilege): they get global rows
 * and every team's users, no customer data. Delivering
 * customer-bearing rows is a "view": audited once per pull with ids, not text.
 */
export async function servePull(db: Db, ctx: PullContext, req: PullRequest): Promise<Result<PullResponse>> {
  const limit = req.limit ?? LIMITS.defaultPullLimit;
  return db.transaction().execute(async (trx) => {
    const latest = await currentVersion(trx);
    if (req.cursor > latest) {
      return err(
        'sync.cursor_ahead',
        `This desktop has seen version ${req.cursor} but the server is at ${latest}; the server data was reset — start a fresh sync from cursor 0.`,
      );
    }
    const scope = pullScope(ctx.user);
    const page = await pullPage(trx, scope, req.cursor, limit);
    const client = await trx
      .selectFrom('clients')
      .select('last_seq')
      .where('client_id', '=', ctx.clientId)
      .executeTakeFirst();
    const viewed: Record<string, string[]> = {};
    for (const row of page.rows) {
      if (PII_TABLES.includes(row.table)) (viewed[row.table] ??= []).push(row.id);
    }
    if (Object.keys(viewed).length > 0) {
      await appendAudit(trx, {
        at: ctx.clock(),
        actorId: ctx.user.id,
        action: 'sync.pull.viewed',
        sourceIp: ctx.sourceIp,
        clientId: ctx.clientId,
        outcome: 'delivered',
        detail: { cursor: req.cursor, ids: viewed },
      });
    }
    return ok({
      rows: page.rows,
      cursor: page.cursor,
      lastMutationSeq: client?.last_seq ?? 0,
      more: page.more,
    });
  });
}

/** What a user may pull (see servePull). */
export function pullScope(user: SessionUser): PullScope {
  return user.role === 'admin' ? { team: GLOBAL_TEAM, everyTeam: ['users'] } : { team: user.team };
}
