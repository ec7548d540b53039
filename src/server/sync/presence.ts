import type { PolicyAt } from '../policy/policy-book';
import type { Result } from '../../shared/domain/result';
import type { PresenceRequest, SessionUser } from '../../shared/sync/protocol';
import { setPresence } from '../../shared/sync/mutators/presence-set';
import { getRow } from '../../shared/sync/mutator';
import { applyMutation, prepareMutation } from '../../shared/sync/run-mutation';
import type { Db } from '../storage/database';
import { readRows, writeRows } from '../storage/row-store';

type ItemRef = PresenceRequest['currentItem'];

function sameItem(a: ItemRef, b: ItemRef): boolean {
  return a === b || (a !== null && b !== null && a.table === b.table && a.id === b.id);
}

/**
 * Presence is last-writer-wins and not worth an outbox entry, so it skips the
 * mutation log — but it still runs the shared presence mutator, so the rule
 * (only your own row) is the same one the desktop applies. A presence that says what
 * the row already says writes nothing and pokes nobody (version undefined): a desktop
 * reconnecting in a loop must not make its whole team pull.
 */
export async function applyPresence(
  db: Db,
  ctx: { user: SessionUser; clientId: string; policyAt: PolicyAt; clock: () => number },
  req: PresenceRequest,
): Promise<Result<{ version: number | undefined; team: string }>> {
  return db.transaction().execute(async (trx) => {
    const prepared = prepareMutation(setPresence.name, { userId: ctx.user.id, ...req });
    if (!prepared.ok) return prepared;
    const rows = await readRows(trx, prepared.value.reads);
    const current = getRow(rows, 'presence', ctx.user.id);
    const item = req.status === 'offline' ? null : req.currentItem;
    if (
      current &&
      current.team === ctx.user.team &&
      current.status === req.status &&
      sameItem(current.currentItem, item)
    )
      return { ok: true, value: { version: undefined, team: ctx.user.team } };
    const now = ctx.clock();
    const applied = applyMutation(prepared.value, rows, {
      userId: ctx.user.id,
      role: ctx.user.role,
      team: ctx.user.team,
      now,
      policy: ctx.policyAt(now),
      clientId: ctx.clientId,
    });
    if (!applied.ok) return applied;
    const version = await writeRows(trx, applied.value);
    return { ok: true, value: { version, team: ctx.user.team } };
  });
}
