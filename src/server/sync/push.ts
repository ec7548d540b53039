import type { Policy } from '../../shared/domain/policy';
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
import { BatchWrites, type StampedRow } from '../storage/batch-writes';
import type { Transaction } from 'kysely';
import type { Db } from '../storage/database';
import type { Database } from '../storage/schema';
import { PushBatch, type BatchRows, type Outcome } from './push-batch';

export interface PushContext {
  user: SessionUser;
  clientId: string;
  sourceIp: string | null;
  policy: Policy;
  clock: () => number;
  /** Runs inside the push's transaction after its writes (the notice outbox planner). */
  afterWrites?: AfterWrites;
  /** Where mutation names resolve (the shared registry; tests inject a faulty mutator). */
  findMutator?: (name: string) => Mutator<unknown> | undefined;
}

/** Extra writes in the push's own transaction; returns the teams and last version they changed. */
export type AfterWrites = (
  trx: Transaction<Database>,
  writes: readonly StampedRow[],
  now: number,
) => Promise<{ teams: string[]; lastVersion: number | undefined }>;

export interface AppliedPush {
  results: MutationResult[];
  /** Teams whose rows changed (to poke). */
  changedTeams: Set<string>;
  lastVersion: number | undefined;
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
 * For speed the batch reads the log, `clients.last_seq`, the version counter and
 * the rows the mutations name once, keeps them in memory (later mutations see
 * earlier ones' writes), and writes rows, log and audit as multi-row statements
 * at the end, all as statements prepared once per connection (see BatchWrites).
 * A mutation's writes join the batch only after it was fully judged
 * and validated, so one that fails leaves nothing behind; a storage error fails
 * the whole transaction (nothing is written, the desktop retries the same seqs).
 */
export async function applyPush(
  db: Db,
  ctx: PushContext,
  mutations: readonly MutationEnvelope[],
): Promise<AppliedPush> {
  return BatchWrites.transaction(
    db,
    (store) => {
      const batch = new PushBatch(
        store,
        ctx,
        mutations.map((m) => m.seq),
      );
      const prepared = mutations.map((m) => prepareGuarded(m, ctx.findMutator));
      // Every row any mutation names up front, in one query per table: the connection is ours
      // until commit, so reading now equals reading just before each mutation.
      batch.rows.load(prepared.flatMap((p) => (p.ok ? p.value.reads : [])));
      for (const [i, m] of mutations.entries()) {
        const settled = batch.settledBefore(m);
        if (settled) {
          batch.results.push(settled);
          continue;
        }
        const now = ctx.clock();
        const prep = prepared[i] as Result<PreparedMutation>;
        const outcome = prep.ok
          ? judge(prep.value, batch.rows, batch.mutatorContext(now), batch.nextVersion)
          : { error: prep.error, writes: [] };
        batch.record(m, prep, outcome, now);
      }
      batch.write();
      return {
        results: batch.results,
        changedTeams: batch.changedTeams,
        lastVersion: batch.lastVersion,
        batch,
      };
    },
    async (trx, pushed) => {
      const { batch, ...applied } = pushed;
      if (!ctx.afterWrites || batch.writtenRows.length === 0) return applied;
      const more = await ctx.afterWrites(trx, batch.writtenRows, ctx.clock());
      for (const team of more.teams) applied.changedTeams.add(team);
      return { ...applied, lastVersion: more.lastVersion ?? applied.lastVersion };
    },
  );
}

/**
 * Reads what a mutation needs (from the batch's rows, else the database), runs the
 * shared mutator and stamps its writes with the next versions — writing nothing.
 * A throw from pure code (a mutator's readsAfter, an unserializable row) rejects
 * this mutation only; storage errors propagate and fail the batch.
 */
function judge(
  prepared: PreparedMutation,
  rows: BatchRows,
  ctx: MutatorContext,
  nextVersion: () => number,
): Outcome {
  const read = new Map<string, AnyRow>();
  rows.get(prepared.reads, read);
  let more: RowKey[];
  try {
    more = followUpReads(prepared, read);
  } catch (error) {
    return failed(error);
  }
  if (more.length > 0) {
    rows.load(more);
    rows.get(more, read);
  }
  let applied: ReturnType<typeof applyMutation>;
  try {
    applied = applyMutation(prepared, read, ctx, { followUpsRead: true });
  } catch (error) {
    return failed(error);
  }
  if (!applied.ok) return { error: applied.error, writes: [] };
  const writes: RowWrite[] = applied.value;
  if (writes.length === 0) return { writes: [] };
  let version = nextVersion();
  const stamped: StampedRow[] = [];
  for (const write of writes) {
    // Users carry credentials and are written through storage/users.ts only.
    if (write.table === 'users')
      return {
        error: { code: 'mutation.failed', message: 'A change cannot write user accounts.' },
        writes: [],
      };
    let data: string;
    try {
      data = JSON.stringify(write.row);
    } catch (error) {
      return failed(error);
    }
    stamped.push({ table: write.table, id: write.row.id, team: write.row.team, version, data });
    version += 1;
  }
  return { writes: stamped };
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
