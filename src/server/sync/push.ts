import type { Policy } from '../../shared/domain/policy';
import type { DomainError, Result } from '../../shared/domain/result';
import type { Mutator, MutatorContext, RowWrite } from '../../shared/sync/mutator';
import type { MutationEnvelope, MutationResult } from '../../shared/sync/protocol';
import type { SessionUser } from '../../shared/sync/protocol';
import { rowKey, type AnyRow, type RowKey } from '../../shared/sync/rows';
import {
  applyMutation,
  followUpReads,
  prepareMutation,
  type PreparedMutation,
} from '../../shared/sync/run-mutation';
import type { AuditEvent } from '../audit';
import { BatchWrites, type StampedRow, type StoredRowData } from '../storage/batch-writes';
import { rawConnection, type Db } from '../storage/database';
import type { MutationLogTable } from '../storage/schema';

export interface PushContext {
  user: SessionUser;
  clientId: string;
  sourceIp: string | null;
  policy: Policy;
  clock: () => number;
  /** Where mutation names resolve (the shared registry; tests inject a faulty mutator). */
  findMutator?: (name: string) => Mutator<unknown> | undefined;
}

export interface AppliedPush {
  results: MutationResult[];
  /** Teams whose rows changed (to poke). */
  changedTeams: Set<string>;
  lastVersion: number | undefined;
}

/**
 * The rows one batch has seen, as stored JSON: what it read from the database and
 * what earlier mutations of the batch wrote. `null` means "known not to exist".
 * Every read parses afresh, so a mutator can never see (or alter) another's objects.
 */
class BatchRows {
  private readonly known = new Map<string, StoredRowData | null>();

  constructor(private readonly read: (keys: RowKey[]) => Map<string, StoredRowData>) {}

  load(keys: readonly RowKey[]): void {
    const missing = keys.filter((k) => !this.known.has(rowKey(k.table, k.id)));
    if (missing.length === 0) return;
    const found = this.read(missing);
    for (const k of missing) {
      const key = rowKey(k.table, k.id);
      this.known.set(key, found.get(key) ?? null);
    }
  }

  /** The existing rows among `keys` (call `load` first). */
  get(keys: readonly RowKey[], into: Map<string, AnyRow>): void {
    for (const k of keys) {
      const key = rowKey(k.table, k.id);
      const stored = this.known.get(key);
      if (stored) into.set(key, { ...JSON.parse(stored.data), version: stored.version } as AnyRow);
    }
  }

  put(row: StampedRow): void {
    this.known.set(rowKey(row.table, row.id), { data: row.data, version: row.version });
  }
}

/** What one mutation did, before anything of it is written. */
interface Outcome {
  error?: DomainError;
  writes: StampedRow[];
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
  const connection = rawConnection(db);
  if (!connection) throw new Error('applyPush needs a database opened with openDatabase.');
  const store = BatchWrites.of(connection);
  // The callback is synchronous on purpose: it runs on Kysely's own connection while
  // Kysely holds it between `begin` and `commit`, so every statement is in this transaction.
  return db.transaction().execute(async () => {
    const results: MutationResult[] = [];
    const changedTeams = new Set<string>();
    let lastVersion: number | undefined;

    const logged = store.findLoggedMutations(
      ctx.clientId,
      mutations.map((m) => m.seq),
    );
    const batchLog = new Map<number, MutationLogTable>();
    const logRows: MutationLogTable[] = [];
    const auditEvents: AuditEvent[] = [];
    const rowWrites: StampedRow[] = [];

    let lastSeq: number | undefined;
    let seqChanged = false;
    const clientLastSeq = (): number => {
      lastSeq ??= store.clientLastSeq(ctx.clientId);
      return lastSeq;
    };

    const prepared = mutations.map((m) => prepareGuarded(m, ctx.findMutator));
    const rows = new BatchRows((keys) => store.readRowData(keys));
    // Every row any mutation names up front, in one query per table: the connection is ours
    // until commit, so reading now equals reading just before each mutation.
    rows.load(prepared.flatMap((p) => (p.ok ? p.value.reads : [])));

    let versionCounter: number | undefined;
    const nextVersion = (): number => {
      versionCounter ??= store.readVersionCounter();
      return versionCounter + 1;
    };

    for (const [i, m] of mutations.entries()) {
      const firstTime = logged.get(m.seq) ?? batchLog.get(m.seq);
      if (firstTime) {
        const dup: MutationResult = {
          id: m.id,
          seq: m.seq,
          status: 'duplicate',
          firstStatus: firstTime.status,
        };
        if (firstTime.error_code)
          dup.error = { code: firstTime.error_code, message: firstTime.error_message ?? '' };
        results.push(dup);
        continue;
      }
      const last = clientLastSeq();
      if (m.seq <= last) {
        results.push({
          id: m.id,
          seq: m.seq,
          status: 'rejected',
          error: {
            code: 'mutation.stale_seq',
            message: `Sequence ${m.seq} is not after the last one this desktop sent (${last}).`,
          },
        });
        continue;
      }
      const now = ctx.clock();
      const mctx: MutatorContext = {
        userId: ctx.user.id,
        role: ctx.user.role,
        team: ctx.user.team,
        now,
        policy: ctx.policy,
        clientId: ctx.clientId,
      };
      const prep = prepared[i] as Result<PreparedMutation>;
      const outcome = prep.ok
        ? judge(prep.value, rows, mctx, nextVersion)
        : { error: prep.error, writes: [] };
      const error = outcome.error;
      let version: number | undefined;
      if (!error && outcome.writes.length > 0) {
        for (const w of outcome.writes) {
          rows.put(w);
          rowWrites.push(w);
          changedTeams.add(w.team);
        }
        version = outcome.writes.at(-1)?.version;
        versionCounter = version;
        lastVersion = version;
      }
      const logRow: MutationLogTable = {
        client_id: ctx.clientId,
        seq: m.seq,
        mutation_id: m.id,
        name: m.name,
        status: error ? 'rejected' : 'applied',
        error_code: error?.code ?? null,
        error_message: error?.message ?? null,
        version: version ?? null,
        at: now,
      };
      logRows.push(logRow);
      batchLog.set(m.seq, logRow);
      lastSeq = m.seq;
      seqChanged = true;
      const subject = prep.ok ? prep.value.reads[0] : undefined;
      auditEvents.push({
        at: now,
        actorId: ctx.user.id,
        action: prep.ok ? m.name : 'mutation.invalid',
        entityType: subject?.table ?? null,
        entityId: subject?.id ?? null,
        sourceIp: ctx.sourceIp,
        clientId: ctx.clientId,
        outcome: error ? 'rejected' : 'applied',
        detail: error ? { code: error.code } : null,
      });
      results.push(
        error
          ? { id: m.id, seq: m.seq, status: 'rejected', error }
          : { id: m.id, seq: m.seq, status: 'applied', ...(version !== undefined ? { version } : {}) },
      );
    }

    if (rowWrites.length > 0) {
      store.upsertRows(rowWrites);
      store.writeVersionCounter(versionCounter as number);
    }
    store.insertMutationLog(logRows);
    if (seqChanged) store.setClientLastSeq(ctx.clientId, lastSeq as number);
    store.insertAuditEvents(auditEvents);
    return { results, changedTeams, lastVersion };
  });
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
