import type { DomainError, Result } from '../../shared/domain/result';
import type { MutatorContext } from '../../shared/sync/mutator';
import type { MutationEnvelope, MutationResult } from '../../shared/sync/protocol';
import { rowKey, type AnyRow, type RowKey } from '../../shared/sync/rows';
import type { PreparedMutation } from '../../shared/sync/run-mutation';
import type { AuditEvent } from '../audit';
import type { BatchWrites, StampedRow, StoredRowData } from '../storage/batch-writes';
import type { MutationLogTable } from '../storage/schema';
import type { PushContext } from './push';

/**
 * The rows one batch has seen, as stored JSON: what it read from the database and
 * what earlier mutations of the batch wrote. `null` means "known not to exist".
 * Every read parses afresh, so a mutator can never see (or alter) another's objects.
 */
export class BatchRows {
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
export interface Outcome {
  error?: DomainError;
  writes: StampedRow[];
}

/**
 * A push batch's bookkeeping inside its one transaction: the mutation log and the
 * client's last seq as read once, the version counter, and everything the batch
 * will write (rows, log rows, audit events), kept in memory until `write`.
 */
export class PushBatch {
  readonly results: MutationResult[] = [];
  readonly changedTeams = new Set<string>();
  lastVersion: number | undefined;
  readonly rows: BatchRows;
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
  private versionCounter: number | undefined;

  constructor(
    private readonly store: BatchWrites,
    private readonly ctx: PushContext,
    seqs: readonly number[],
  ) {
    this.logged = store.findLoggedMutations(ctx.clientId, seqs);
    this.rows = new BatchRows((keys) => store.readRowData(keys));
  }

  /** The version the next write gets (the counter is read once, when first needed). */
  readonly nextVersion = (): number => {
    this.versionCounter ??= this.store.readVersionCounter();
    return this.versionCounter + 1;
  };

  /**
   * The answer for a seq already logged (earlier or in this batch: `duplicate`, with
   * what happened the first time) or not after the client's last one (stale, not
   * logged); undefined when the mutation is to be judged.
   */
  settledBefore(m: MutationEnvelope): MutationResult | undefined {
    const firstTime = this.logged.get(m.seq) ?? this.batchLog.get(m.seq);
    if (firstTime) {
      const dup: MutationResult = {
        id: m.id,
        seq: m.seq,
        status: 'duplicate',
        firstStatus: firstTime.status,
      };
      if (firstTime.error_code)
        dup.error = { code: firstTime.error_code, message: firstTime.error_message ?? '' };
      return dup;
    }
    this.lastSeq ??= this.store.clientLastSeq(this.ctx.clientId);
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
      version = outcome.writes.at(-1)?.version;
      this.versionCounter = version;
      this.lastVersion = version;
    }
    const logRow: MutationLogTable = {
      client_id: this.ctx.clientId,
      seq: m.seq,
      mutation_id: m.id,
      name: m.name,
      status: error ? 'rejected' : 'applied',
      error_code: error?.code ?? null,
      error_message: error?.message ?? null,
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

  /** Writes everything the batch kept, as prepared multi-row statements. */
  write(): void {
    if (this.rowWrites.length > 0) {
      this.store.upsertRows(this.rowWrites);
      this.store.writeVersionCounter(this.versionCounter as number);
    }
    this.store.insertMutationLog(this.logRows);
    if (this.seqChanged) this.store.setClientLastSeq(this.ctx.clientId, this.lastSeq as number);
    this.store.insertAuditEvents(this.auditEvents);
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
      detail: error ? { code: error.code } : null,
    };
  }

  /** The mutator context of one mutation judged at `now`. */
  mutatorContext(now: number): MutatorContext {
    const { user, policy, clientId } = this.ctx;
    return { userId: user.id, role: user.role, team: user.team, now, policy, clientId };
  }
}
