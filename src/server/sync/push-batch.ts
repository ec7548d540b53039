import type { DomainError, Result } from '../../shared/domain/result';
import type { MutatorContext } from '../../shared/sync/mutator';
import type { MutationEnvelope, MutationResult } from '../../shared/sync/protocol';
import { rowKey, type AnyRow, type RowKey } from '../../shared/sync/rows';
import type { PreparedMutation } from '../../shared/sync/run-mutation';
import type { AuditEvent } from '../audit';
import type { StampedRow, StoredRowData } from '../storage/batch-writes';
import type { Awaitable, BatchStore } from '../storage/server-store';
import type { MutationLogTable } from '../storage/schema';
import type { PushContext } from './push';
import { BatchReferences, type ReferenceUse } from './push-references';

/**
 * The rows one batch has seen, as stored JSON: what it read from the database and
 * what earlier mutations of the batch wrote. `null` means "known not to exist".
 * Every read parses afresh, so a mutator can never see (or alter) another's objects.
 */
export class BatchRows {
  private readonly known = new Map<string, StoredRowData | null>();

  constructor(private readonly read: (keys: RowKey[]) => Awaitable<Map<string, StoredRowData>>) {}

  async load(keys: readonly RowKey[]): Promise<void> {
    const missing = keys.filter((k) => !this.known.has(rowKey(k.table, k.id)));
    if (missing.length === 0) return;
    const found = await this.read(missing);
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

/**
 * A refusal as a duplicate re-tells it: the stored code, and a sentence with nothing of
 * the original's specifics (the log keeps no text the agent typed; screens word the code).
 */
function firstRefusal(code: string): DomainError {
  return { code, message: `This change was refused when it was first sent (${code}); it was not applied.` };
}

/** What one mutation did, before anything of it is written. */
export interface Outcome {
  error?: DomainError;
  writes: StampedRow[];
  /** The reference numbers the writes give records (kept only if applied). */
  references?: ReferenceUse[];
}

/**
 * A push batch's bookkeeping inside its one transaction: the mutation log and the
 * client's last seq as read once, and everything the batch will write (rows, log
 * rows, audit events), kept in memory until `write`.
 *
 * Versions are numbered 1, 2, … within the batch while it is judged, and become
 * real versions only in `write`, which allocates them from the global counter as
 * the last step before writing: on PostgreSQL that takes the counter's row lock
 * only from there to the commit, which keeps versions visible in order across
 * nodes without serializing the judging (docs/scale-out.md §3).
 */
export class PushBatch {
  readonly results: MutationResult[] = [];
  readonly changedTeams = new Set<string>();
  lastVersion: number | undefined;
  readonly rows: BatchRows;
  readonly references: BatchReferences;
  private readonly logged: Map<number, MutationLogTable>;
  private readonly batchLog = new Map<number, MutationLogTable>();
  private readonly logRows: MutationLogTable[] = [];
  private readonly auditEvents: AuditEvent[] = [];
  private readonly rowWrites: StampedRow[] = [];

  /** What the batch wrote (after `write`). */
  get writtenRows(): readonly StampedRow[] {
    return this.rowWrites;
  }
  private lastSeq: number | undefined;
  private seqChanged = false;
  /** Versions numbered so far in this batch (the last one given out). */
  private numbered = 0;

  private constructor(
    private readonly store: BatchStore,
    private readonly ctx: PushContext,
    logged: Map<number, MutationLogTable>,
  ) {
    this.logged = logged;
    this.rows = new BatchRows((keys) => store.readRowData(keys));
    this.references = new BatchReferences(store, ctx.desk);
  }

  /** A batch for these seqs, with what the log already holds for them. */
  static async open(store: BatchStore, ctx: PushContext, seqs: readonly number[]): Promise<PushBatch> {
    return new PushBatch(store, ctx, await store.findLoggedMutations(ctx.clientId, seqs));
  }

  /** The batch-relative version the next write gets (made real in `write`). */
  readonly nextVersion = (): number => this.numbered + 1;

  /**
   * The answer for a seq already logged (earlier or in this batch: `duplicate`, with
   * what happened the first time) or not after the client's last one (stale, not
   * logged); undefined when the mutation is to be judged.
   */
  async settledBefore(m: MutationEnvelope): Promise<MutationResult | undefined> {
    const firstTime = this.logged.get(m.seq) ?? this.batchLog.get(m.seq);
    if (firstTime) {
      const dup: MutationResult = {
        id: m.id,
        seq: m.seq,
        status: 'duplicate',
        firstStatus: firstTime.status,
      };
      if (firstTime.error_code) dup.error = firstRefusal(firstTime.error_code);
      return dup;
    }
    this.lastSeq ??= await this.store.clientLastSeq(this.ctx.clientId);
    if (m.seq > this.lastSeq) return undefined;
    const message = `Sequence ${m.seq} is not after the last one this desktop sent (${this.lastSeq}).`;
    return { id: m.id, seq: m.seq, status: 'rejected', error: { code: 'mutation.stale_seq', message } };
  }

  /** Keeps a judged mutation's writes (if applied), its log row, its audit event and its result. */
  record(m: MutationEnvelope, prep: Result<PreparedMutation>, outcome: Outcome, now: number): void {
    const { error } = outcome;
    let version: number | undefined;
    if (!error && outcome.writes.length > 0) {
      for (const w of outcome.writes) {
        this.rows.put(w);
        this.rowWrites.push(w);
        this.changedTeams.add(w.team);
      }
      this.references.keep(outcome.references ?? []);
      version = outcome.writes.at(-1)?.version;
      this.numbered = version ?? this.numbered;
      this.lastVersion = version;
    }
    const logRow: MutationLogTable = {
      client_id: this.ctx.clientId,
      seq: m.seq,
      mutation_id: m.id,
      name: m.name,
      status: error ? 'rejected' : 'applied',
      error_code: error?.code ?? null,
      // The sentence may quote what the agent typed (a phone number): only the code is kept.
      error_message: null,
      version: version ?? null,
      at: now,
    };
    this.logRows.push(logRow);
    this.batchLog.set(m.seq, logRow);
    this.lastSeq = m.seq;
    this.seqChanged = true;
    this.auditEvents.push(this.auditOf(m, prep, error, now));
    this.results.push(
      error
        ? { id: m.id, seq: m.seq, status: 'rejected', error }
        : { id: m.id, seq: m.seq, status: 'applied', ...(version !== undefined ? { version } : {}) },
    );
  }

  /**
   * Allocates the batch's versions (the last step before writing) and writes
   * everything it kept, as multi-row statements.
   */
  async write(): Promise<void> {
    if (this.rowWrites.length > 0) {
      const offset = (await this.store.allocateVersions(this.numbered)) - 1;
      this.renumber(offset);
      await this.store.upsertRows(this.rowWrites);
    }
    await this.store.insertMutationLog(this.logRows);
    if (this.seqChanged) await this.store.setClientLastSeq(this.ctx.clientId, this.lastSeq as number);
    await this.store.insertAuditEvents(this.auditEvents);
    await this.references.write();
  }

  /** Batch-relative versions → real ones (rows, log rows, results). */
  private renumber(offset: number): void {
    for (const w of this.rowWrites) w.version += offset;
    for (const r of this.logRows) if (r.version !== null) r.version += offset;
    for (const r of this.results) if (r.status === 'applied' && r.version !== undefined) r.version += offset;
    if (this.lastVersion !== undefined) this.lastVersion += offset;
  }

  private auditOf(
    m: MutationEnvelope,
    prep: Result<PreparedMutation>,
    error: DomainError | undefined,
    now: number,
  ): AuditEvent {
    const subject = prep.ok ? prep.value.reads[0] : undefined;
    return {
      at: now,
      actorId: this.ctx.user.id,
      action: prep.ok ? m.name : 'mutation.invalid',
      entityType: subject?.table ?? null,
      entityId: subject?.id ?? null,
      sourceIp: this.ctx.sourceIp,
      clientId: this.ctx.clientId,
      outcome: error ? 'rejected' : 'applied',
      detail: error
        ? { code: error.code }
        : prep.ok
          ? (prep.value.mutator.auditDetail?.(prep.value.args) ?? null)
          : null,
    };
  }

  /** The mutator context of one mutation judged at `now`. */
  mutatorContext(now: number): MutatorContext {
    const { user, policyAt, clientId } = this.ctx;
    return { userId: user.id, role: user.role, team: user.team, now, policy: policyAt(now), clientId };
  }
}
