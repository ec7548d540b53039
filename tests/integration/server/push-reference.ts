/**
 * The push as it was before batching (one transaction and ~8 queries per mutation),
 * kept as the oracle the batched applyPush is checked against. Changed since only where
 * the rules changed: the policy in force at each mutation (PolicyAt), and refusals
 * logged by code only (issue 17: a sentence may quote what the agent typed).
 */
import type { PolicyAt } from '../../../src/server/policy/policy-book';
import type { DomainError } from '../../../src/shared/domain/result';
import type { MutatorContext } from '../../../src/shared/sync/mutator';
import type { MutationEnvelope, MutationResult } from '../../../src/shared/sync/protocol';
import type { SessionUser } from '../../../src/shared/sync/protocol';
import { applyMutation, followUpReads, prepareMutation } from '../../../src/shared/sync/run-mutation';
import { appendAudit } from '../../../src/server/audit';
import type { Db } from '../../../src/server/storage/database';
import { readRows, writeRows } from '../../../src/server/storage/row-store';

interface PushContext {
  user: SessionUser;
  clientId: string;
  sourceIp: string | null;
  policyAt: PolicyAt;
  clock: () => number;
}

interface AppliedPush {
  results: MutationResult[];
  /** Teams whose rows changed (to poke). */
  changedTeams: Set<string>;
  lastVersion: number | undefined;
  /** The callbacks written, each once. */
  callbackIds: string[];
}

/**
 * Reference: applies a push, one transaction per mutation, in seq order. Idempotent by
 * (clientId, seq): a seq already in the log answers `duplicate` (with what
 * happened the first time) and changes nothing. A rejected mutation is logged
 * too, so the client's seq advances past it.
 */
export async function applyPushOneByOne(
  db: Db,
  ctx: PushContext,
  mutations: readonly MutationEnvelope[],
): Promise<AppliedPush> {
  const results: MutationResult[] = [];
  const changedTeams = new Set<string>();
  let lastVersion: number | undefined;
  const callbackIds: string[] = [];
  for (const m of mutations) {
    const result = await db.transaction().execute(async (trx) => {
      const logged = await trx
        .selectFrom('mutation_log')
        .selectAll()
        .where('client_id', '=', ctx.clientId)
        .where('seq', '=', m.seq)
        .executeTakeFirst();
      if (logged) {
        const dup: MutationResult = { id: m.id, seq: m.seq, status: 'duplicate', firstStatus: logged.status };
        if (logged.error_code)
          dup.error = {
            code: logged.error_code,
            message: `This change was refused when it was first sent (${logged.error_code}); it was not applied.`,
          };
        return { result: dup, teams: [] as string[] };
      }
      const client = await trx
        .selectFrom('clients')
        .select('last_seq')
        .where('client_id', '=', ctx.clientId)
        .executeTakeFirstOrThrow();
      if (m.seq <= client.last_seq) {
        const error = {
          code: 'mutation.stale_seq',
          message: `Sequence ${m.seq} is not after the last one this desktop sent (${client.last_seq}).`,
        };
        return {
          result: { id: m.id, seq: m.seq, status: 'rejected', error } as MutationResult,
          teams: [] as string[],
        };
      }
      const now = ctx.clock();
      const mctx: MutatorContext = {
        userId: ctx.user.id,
        role: ctx.user.role,
        team: ctx.user.team,
        now,
        policy: ctx.policyAt(now),
        clientId: ctx.clientId,
      };
      let error: DomainError | undefined;
      let version: number | undefined;
      let teams: string[] = [];
      const prepared = prepareMutation(m.name, m.args);
      const subject = prepared.ok ? prepared.value.reads[0] : undefined;
      if (!prepared.ok) {
        error = prepared.error;
      } else {
        const rows = await readRows(trx, prepared.value.reads);
        const more = followUpReads(prepared.value, rows);
        if (more.length > 0) for (const [key, row] of await readRows(trx, more)) rows.set(key, row);
        const applied = applyMutation(prepared.value, rows, mctx, { followUpsRead: true });
        if (!applied.ok) {
          error = applied.error;
        } else {
          version = await writeRows(trx, applied.value);
          teams = applied.value.map((w) => w.row.team);
          for (const w of applied.value) if (w.table === 'callbacks') callbackIds.push(w.row.id);
        }
      }
      await trx
        .insertInto('mutation_log')
        .values({
          client_id: ctx.clientId,
          seq: m.seq,
          mutation_id: m.id,
          name: m.name,
          status: error ? 'rejected' : 'applied',
          error_code: error?.code ?? null,
          error_message: null,
          version: version ?? null,
          at: now,
        })
        .execute();
      await trx
        .updateTable('clients')
        .set({ last_seq: m.seq })
        .where('client_id', '=', ctx.clientId)
        .execute();
      await appendAudit(trx, {
        at: now,
        actorId: ctx.user.id,
        action: prepared.ok ? m.name : 'mutation.invalid',
        entityType: subject?.table ?? null,
        entityId: subject?.id ?? null,
        sourceIp: ctx.sourceIp,
        clientId: ctx.clientId,
        outcome: error ? 'rejected' : 'applied',
        detail: error ? { code: error.code } : null,
      });
      const result: MutationResult = error
        ? { id: m.id, seq: m.seq, status: 'rejected', error }
        : { id: m.id, seq: m.seq, status: 'applied', ...(version !== undefined ? { version } : {}) };
      return { result, teams };
    });
    results.push(result.result);
    for (const t of result.teams) changedTeams.add(t);
    if (result.result.version !== undefined) lastVersion = result.result.version;
  }
  // The callbacks written, each once (the notice outbox plans them after the commit).
  return { results, changedTeams, lastVersion, callbackIds: [...new Set(callbackIds)] };
}
