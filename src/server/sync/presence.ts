import type { Policy } from '../../shared/domain/policy';
import type { Result } from '../../shared/domain/result';
import type { PresenceRequest, SessionUser } from '../../shared/sync/protocol';
import { setPresence } from '../../shared/sync/mutators/presence-set';
import { applyMutation, prepareMutation } from '../../shared/sync/run-mutation';
import type { Db } from '../storage/database';
import { readRows, writeRows } from '../storage/row-store';

/**
 * Presence is last-writer-wins and not worth an outbox entry, so it skips the
 * mutation log — but it still runs the shared presence mutator, so the rule
 * (only your own row) is the same one the desktop applies.
 */
export async function applyPresence(
  db: Db,
  ctx: { user: SessionUser; clientId: string; policy: Policy; clock: () => number },
  req: PresenceRequest,
): Promise<Result<{ version: number | undefined; team: string }>> {
  return db.transaction().execute(async (trx) => {
    const prepared = prepareMutation(setPresence.name, { userId: ctx.user.id, ...req });
    if (!prepared.ok) return prepared;
    const rows = await readRows(trx, prepared.value.reads);
    const now = ctx.clock();
    const applied = applyMutation(prepared.value, rows, {
      userId: ctx.user.id,
      role: ctx.user.role,
      team: ctx.user.team,
      now,
      policy: ctx.policy,
      clientId: ctx.clientId,
    });
    if (!applied.ok) return applied;
    const version = await writeRows(trx, applied.value);
    return { ok: true, value: { version, team: ctx.user.team } };
  });
}
