import type { DomainError, Result } from '../../shared/domain/result';
import type { Mutator, MutatorContext, RowWrite } from '../../shared/sync/mutator';
import type { MutationEnvelope, MutationResult } from '../../shared/sync/protocol';
import type { SessionUser } from '../../shared/sync/protocol';
import type { AnyRow, RowKey } from '../../shared/sync/rows';
import {
  applyMutation,
  followUpReads,
  prepareMutation,
  type PreparedMutation,
} from '../../shared/sync/run-mutation';
import type { PolicyAt } from '../policy/policy-book';
import type { StampedRow } from '../storage/batch-writes';
import type { ServerStore } from '../storage/server-store';
import { PushBatch, type Outcome } from './push-batch';

export interface PushContext {
  user: SessionUser;
  clientId: string;
  sourceIp: string | null;
  /** The policy in force at an instant: each mutation is judged with the one in force when it is applied. */
  policyAt: PolicyAt;
  clock: () => number;
  /** The pushing desktop's desk code (reference numbers); null when it sent no installation key. */
  desk: number | null;
  /** Where mutation names resolve (the shared registry; tests inject a faulty mutator). */
  findMutator?: (name: string) => Mutator<unknown> | undefined;
}

export interface AppliedPush {
  results: MutationResult[];
  /** Teams whose rows changed (to poke). */
  changedTeams: Set<string>;
  lastVersion: number | undefined;
  /** Ids of the callbacks this push wrote (the notice outbox plans them after the commit). */
  callbackIds: string[];
}

/**
 * Applies a push in ONE transaction, mutation by mutation in the order sent.
 * Per mutation, exactly as before: idempotent by (clientId, seq) — a seq already
 * logged (earlier or in this batch) answers `duplicate` with what happened the
 * first time and changes nothing; a seq not after the client's last one is
 * refused as stale (not logged); anything else is applied or rejected, and either
 * way gets one mutation_log row and one audit row, so the client's seq advances
 * past it. A rejected mutation is a result, not a rollback of the batch.
 *
 * For speed the batch reads the log, `clients.last_seq` and the rows the mutations
 * name once, keeps them in memory (later mutations see earlier ones' writes), and
 * at the end allocates its versions and writes rows, log and audit as multi-row
 * statements (storage: BatchWrites on SQLite, PgBatchWrites on PostgreSQL).
 * A mutation's writes join the batch only after it was fully judged
 * and validated, so one that fails leaves nothing behind; a storage error fails
 * the whole transaction (nothing is written, the desktop retries the same seqs).
 */
export async function applyPush(
  store: ServerStore,
  ctx: PushContext,
  mutations: readonly MutationEnvelope[],
): Promise<AppliedPush> {
  // On PostgreSQL a deadlock runs this whole callback again: nothing is kept between attempts.
  return store.pushTransaction(ctx.clientId, async (writes) => {
    const batch = await PushBatch.open(
      writes,
      ctx,
      mutations.map((m) => m.seq),
    );
    const prepared = mutations.map((m) => prepareGuarded(m, ctx.findMutator));
    // Every row any mutation names up front, in one query per table: they stay ours until commit
    // (SQLite: the one connection; PostgreSQL: each row key locked), so reading now equals
    // reading just before each mutation.
    await batch.rows.load(prepared.flatMap((p) => (p.ok ? p.value.reads : [])));
    for (const [i, m] of mutations.entries()) {
      const settled = await batch.settledBefore(m);
      if (settled) {
        batch.results.push(settled);
        continue;
      }
      const now = ctx.clock();
      const prep = prepared[i] as Result<PreparedMutation>;
      const outcome = prep.ok
        ? await judge(prep.value, batch, batch.mutatorContext(now))
        : { error: prep.error, writes: [] };
      batch.record(m, prep, outcome, now);
    }
    await batch.write();
    return {
      results: batch.results,
      changedTeams: batch.changedTeams,
      lastVersion: batch.lastVersion,
      callbackIds: batch.writtenRows.filter((w) => w.table === 'callbacks').map((w) => w.id),
    };
  });
}

/**
 * Reads what a mutation needs (from the batch's rows, else the database), runs the
 * shared mutator and numbers its writes within the batch (made real at write) — writing nothing.
 * A throw from pure code (a mutator's readsAfter, an unserializable row) rejects
 * this mutation only; storage errors propagate and fail the batch.
 */
async function judge(
  prepared: PreparedMutation,
  batch: Pick<PushBatch, 'rows' | 'references' | 'nextVersion'>,
  ctx: MutatorContext,
): Promise<Outcome> {
  const { rows } = batch;
  const read = new Map<string, AnyRow>();
  rows.get(prepared.reads, read);
  let more: RowKey[];
  try {
    more = followUpReads(prepared, read);
  } catch (error) {
    return failed(error);
  }
  if (more.length > 0) {
    await rows.load(more);
    rows.get(more, read);
  }
  let applied: ReturnType<typeof applyMutation>;
  try {
    applied = applyMutation(prepared, read, ctx, { followUpsRead: true });
  } catch (error) {
    return failed(error);
  }
  if (!applied.ok) return { error: applied.error, writes: [] };
  if (applied.value.length === 0) return { writes: [] };
  // Users carry credentials and are written through storage/users.ts only.
  if (applied.value.some((w) => w.table === 'users'))
    return {
      error: { code: 'mutation.failed', message: 'A change cannot write user accounts.' },
      writes: [],
    };
  const referenced = await batch.references.check(applied.value, read, ctx.now);
  if (!referenced.ok) return { error: referenced.error, writes: [] };
  const writes: RowWrite[] = referenced.value.writes;
  let version = batch.nextVersion();
  const stamped: StampedRow[] = [];
  for (const write of writes) {
    if (write.table === 'users') continue; // refused above
    let data: string;
    try {
      data = JSON.stringify(write.row);
    } catch (error) {
      return failed(error);
    }
    stamped.push({ table: write.table, id: write.row.id, team: write.row.team, version, data });
    version += 1;
  }
  return { writes: stamped, references: referenced.value.uses };
}

/** prepareMutation, with a throw from the mutator's own `reads` turned into a rejection of that mutation. */
function prepareGuarded(
  m: MutationEnvelope,
  find: PushContext['findMutator'],
): ReturnType<typeof prepareMutation> {
  try {
    return prepareMutation(m.name, m.args, find);
  } catch (error) {
    return { ok: false, error: failureOf(error) };
  }
}

function failed(error: unknown): Outcome {
  return { error: failureOf(error), writes: [] };
}

function failureOf(error: unknown): DomainError {
  return {
    code: 'mutation.failed',
    message: `The change could not be applied (${error instanceof Error ? error.message : 'error'}).`,
  };
}
