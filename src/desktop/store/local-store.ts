import type BetterSqlite3 from 'better-sqlite3';
import type { Policy } from '../../shared/domain/policy';
import { err, ok, type DomainError, type ErrorParams, type Result } from '../../shared/domain/result';
import { errorParamsSchema } from '../../shared/domain/error-schema';
import type { MutatorContext } from '../../shared/sync/mutator';
import type { MutationResult, PulledPage } from '../../shared/sync/protocol';
import type { RowKey, TableName } from '../../shared/sync/rows';
import { isTableName } from '../../shared/sync/rows';
import { applyMutation, prepareMutation, readMutationRows } from '../../shared/sync/run-mutation';
import { CallbackIndex } from './callback-index';
import { CustomerDirectory } from './customer-directory';
import { InstallationDesk } from './installation-desk';
import { DraftStore } from './draft-store';
import { META_KEYS, MetaStore } from './meta';
import { withRelaxedDurability } from './open-store';
import { Outbox } from './outbox';
import type { PiiCipher } from './pii-cipher';
import { RowCache } from './row-cache';
import { SearchIndex } from './search-index';

export interface PlannedMutation {
  id: string;
  name: string;
  args: unknown;
}

export interface StoredRejection {
  mutationId: string;
  name: string;
  code: string;
  message: string;
  /** The specifics of the server's reason, for a screen in another language (see DomainError.params). */
  params?: ErrorParams;
  subject: { table: string; id: string } | null;
  at: number;
}

/** What a write changed, for the `dataChanged` event. */
export interface Changed {
  tables: Set<TableName>;
}

class Abort extends Error {
  constructor(readonly domainError: DomainError) {
    super(domainError.message);
  }
}

/**
 * The desktop's data: confirmed rows, optimistic overlay, outbox, worklist index.
 * Every public write is ONE SQLite transaction, so a crash leaves either all of
 * a pull page / a mutation or none of it.
 */
export class LocalStore {
  readonly meta: MetaStore;
  readonly rows: RowCache;
  readonly outbox: Outbox;
  readonly callbacks: CallbackIndex;
  readonly search: SearchIndex;
  /** The customer search and each customer's records (issue 14). */
  readonly customers: CustomerDirectory;
  /** The installation's desk code and reference sequence (kept through sign-outs). */
  readonly desk: InstallationDesk;
  /** Forms in progress, per user (issue 13 item 4); a sign-out drops them with the rest. */
  readonly drafts: DraftStore;
  /** Caches queries derive from the rows (worklist orders, assignee names); see derived(). */
  private readonly derivedCaches = new Map<string, unknown>();
  private policy: Policy;
  private readonly stmts;

  constructor(
    readonly db: BetterSqlite3.Database,
    private readonly cipher: PiiCipher,
    policy: Policy,
  ) {
    this.policy = policy;
    this.meta = new MetaStore(db);
    this.desk = new InstallationDesk(db);
    this.drafts = new DraftStore(db, cipher);
    this.rows = new RowCache(db, cipher);
    this.customers = new CustomerDirectory(this.rows);
    this.outbox = new Outbox(db, cipher);
    this.callbacks = new CallbackIndex(db, this.rows, () => this.policy);
    this.search = new SearchIndex(this.rows, () => this.callbacks.entries());
    this.callbacks.onChange = (id, entry) => this.search.update(id, entry);
    this.stmts = {
      addRejection: db.prepare(
        `INSERT OR REPLACE INTO rejections (mutation_id, name, code, message, params, subject_tbl, subject_id, at,
           dismissed)
         VALUES (@mutationId, @name, @code, @message, @params, @subjectTable, @subjectId, @at, 0)`,
      ),
      rejections: db.prepare<[], RawRejection>(
        'SELECT mutation_id, name, code, message, params, subject_tbl, subject_id, at FROM rejections WHERE dismissed = 0 ORDER BY at',
      ),
      dismiss: db.prepare<[string]>('UPDATE rejections SET dismissed = 1 WHERE mutation_id = ?'),
      countRejections: db.prepare<[], { n: number }>(
        'SELECT count(*) AS n FROM rejections WHERE dismissed = 0',
      ),
    };
  }

  /** Runs `write` in one transaction (e.g. the session's meta keys at sign-in). */
  transaction(write: () => void): void {
    this.db.transaction(write)();
  }

  close(): void {
    try {
      this.callbacks.saveSnapshot();
    } catch {
      // Only the next start's speed depends on it: it loads the worklist from the table instead.
    }
    // Background builds stop here: a slice after the close would read a closed database.
    this.search.reset();
    this.customers.reset();
    this.db.close();
  }

  /** The policy the rules use from now on; the worklist index is re-derived if it was built with another. */
  setPolicy(policy: Policy): void {
    this.policy = policy;
    this.db.transaction(() => this.callbacks.ensureBasis(policy))();
  }

  cursor(): number {
    return this.meta.getNumber(META_KEYS.cursor, 0);
  }

  /** The server's scope key the confirmed rows belong to; undefined before the first page (or for a cache older than the key). */
  pullScope(): string | undefined {
    return this.meta.get(META_KEYS.pullScope);
  }

  /**
   * Runs mutations optimistically over the effective rows and stores them in the
   * outbox — in one transaction, all or nothing. Only after this commits does the
   * caller tell the UI, so nothing is ever shown that is not durably queued.
   */
  enqueue(
    planned: readonly PlannedMutation[] | (() => Result<readonly PlannedMutation[]>),
    ctx: MutatorContext,
  ): Result<Changed> {
    const changed: Changed = { tables: new Set() };
    try {
      this.db.transaction(() => {
        const touched: RowKey[] = [];
        // A plan made inside the transaction takes its reference numbers with the outbox write.
        const made = typeof planned === 'function' ? planned() : ok(planned);
        if (!made.ok) throw new Abort(made.error);
        for (const p of made.value) {
          const prepared = prepareMutation(p.name, p.args);
          if (!prepared.ok) throw new Abort(prepared.error);
          // Follow-up reads too (e.g. the customer behind a callback), so the optimistic run
          // checks what the server checks whenever the rows are cached.
          const rows = readMutationRows(prepared.value, (keys) => this.rows.read(keys));
          const applied = applyMutation(prepared.value, rows, ctx);
          if (!applied.ok) throw new Abort(applied.error);
          for (const write of applied.value) {
            this.rows.putPending(write.table, write.row);
            touched.push({ table: write.table, id: write.row.id });
            changed.tables.add(write.table);
          }
          this.outbox.add(p.id, p.name, p.args, ctx.now);
        }
        this.reindexFor(touched);
      })();
    } catch (error) {
      if (error instanceof Abort) return { ok: false, error: error.domainError };
      return err('store.write_failed', `The change could not be saved locally: ${messageOf(error)}.`);
    }
    return ok(changed);
  }

  /**
   * Applies one pull page in one transaction. On the last page (`more` false),
   * drops the mutations the server has applied (their effect is in the confirmed
   * rows now) and rebases the rest over the new confirmed state.
   */
  applyPull(page: PulledPage, contextFor: (createdAt: number) => MutatorContext): Result<Changed> {
    const changed: Changed = { tables: new Set() };
    try {
      // The cursor commits with the rows, so a page lost in a power cut is pulled again: no fsync needed.
      // The re-index at the end reads the rows this page validated from memory, not back from disk.
      const write = this.db.transaction(() => this.writePullPage(page, contextFor, changed));
      this.withPullCheckpoints(() =>
        withRelaxedDurability(this.db, () => this.rows.recordingFresh(() => write())),
      );
    } catch (error) {
      if (error instanceof Abort) return { ok: false, error: error.domainError };
      return err('store.write_failed', `Synced data could not be saved locally: ${messageOf(error)}.`);
    }
    return ok(changed);
  }

  /** applyPull's transaction body. */
  private writePullPage(
    page: PulledPage,
    contextFor: (createdAt: number) => MutatorContext,
    changed: Changed,
  ): void {
    const touched: RowKey[] = [];
    for (const row of page.rows) {
      if (!isTableName(row.table)) continue;
      if (row.deleted) this.rows.deleteConfirmed(row.table, row.id);
      else if (!this.rows.putConfirmed(row.table, row.id, row.version, row.data)) {
        throw new Abort({
          code: 'sync.bad_row',
          message: `The server sent a ${row.table} row (${row.id}) this version of Agent Desk cannot read.`,
        });
      }
      touched.push({ table: row.table, id: row.id });
      changed.tables.add(row.table);
    }
    this.meta.set(META_KEYS.cursor, String(page.cursor));
    // A cache without a remembered scope (empty, or filled before the key existed) adopts the page's.
    if (page.scope !== undefined) this.meta.set(META_KEYS.pullScope, page.scope);
    if (!page.more) {
      this.outbox.dropAcknowledged(page.lastMutationSeq);
      for (const t of this.rebaseInTransaction(contextFor)) changed.tables.add(t);
    }
    this.reindexFor(touched);
  }

  /**
   * Runs a pull page's write with SQLite's automatic WAL checkpoint every
   * PULL_CHECKPOINT_PAGES pages instead of every 1,000: a first sync commits
   * ~70 large pages, and checkpointing (copy + fsync) after nearly each of them
   * cost more than the commits. Durability is unchanged (checkpoints only move
   * committed frames from the WAL into the file); the WAL is bounded by the
   * threshold, and the next commit past the default one checkpoints the rest.
   */
  private withPullCheckpoints<T>(write: () => T): T {
    if (this.db.inTransaction) return write();
    this.db.pragma(`wal_autocheckpoint = ${PULL_CHECKPOINT_PAGES}`);
    try {
      return write();
    } finally {
      this.db.pragma(`wal_autocheckpoint = ${DEFAULT_CHECKPOINT_PAGES}`);
    }
  }

  /**
   * Records the server's answers to a push. Applied ones stay until a pull
   * delivers their effect (no flicker); rejected ones leave the outbox, are kept
   * as rejections with the server's reason, and their optimistic effect is undone.
   */
  recordPushResults(
    results: readonly MutationResult[],
    contextFor: (createdAt: number) => MutatorContext,
    now: number,
  ): { rejections: StoredRejection[]; changed: Changed } {
    const rejections: StoredRejection[] = [];
    const changed: Changed = { tables: new Set() };
    this.db.transaction(() => {
      for (const r of results) {
        const status = r.status === 'duplicate' ? (r.firstStatus ?? 'applied') : r.status;
        const entry = this.outbox.get(r.id);
        if (!entry) continue;
        if (status === 'applied') {
          this.outbox.markApplied(r.id);
          continue;
        }
        const prepared = prepareMutation(entry.name, entry.args);
        const subject = prepared.ok ? (prepared.value.reads[0] ?? null) : null;
        const rejection: StoredRejection = {
          mutationId: entry.id,
          name: entry.name,
          code: r.error?.code ?? 'mutation.rejected',
          message: r.error?.message ?? 'The server did not accept this change.',
          ...(r.error?.params ? { params: r.error.params } : {}),
          subject: subject ? { table: subject.table, id: subject.id } : null,
          at: now,
        };
        this.outbox.remove(r.id);
        this.stmts.addRejection.run({
          ...rejection,
          message: this.cipher.encrypt(rejection.message, rejectionPlace(rejection.mutationId)),
          params: rejection.params
            ? this.cipher.encrypt(
                JSON.stringify(rejection.params),
                rejectionParamsPlace(rejection.mutationId),
              )
            : null,
          subjectTable: rejection.subject?.table ?? null,
          subjectId: rejection.subject?.id ?? null,
        });
        rejections.push(rejection);
      }
      if (rejections.length > 0) {
        for (const t of this.rebaseInTransaction(contextFor)) changed.tables.add(t);
      }
    })();
    return { rejections, changed };
  }

  /** Re-runs every outbox mutation over the confirmed rows (the overlay is rebuilt from scratch). */
  private rebaseInTransaction(contextFor: (createdAt: number) => MutatorContext): Set<TableName> {
    const before = this.rows.pendingKeys();
    this.rows.clearPending();
    for (const entry of this.outbox.all()) {
      const prepared = prepareMutation(entry.name, entry.args);
      if (!prepared.ok) continue;
      const applied = applyMutation(
        prepared.value,
        readMutationRows(prepared.value, (keys) => this.rows.read(keys)),
        contextFor(entry.createdAt),
      );
      // A mutation that no longer applies locally stays queued: the server has the last word.
      if (!applied.ok) continue;
      for (const write of applied.value) this.rows.putPending(write.table, write.row);
    }
    const after = this.rows.pendingKeys();
    const all = [...before, ...after];
    this.reindexFor(all);
    return new Set(all.map((k) => k.table));
  }

  rebase(contextFor: (createdAt: number) => MutatorContext): Changed {
    let tables = new Set<TableName>();
    this.db.transaction(() => {
      tables = this.rebaseInTransaction(contextFor);
    })();
    return { tables };
  }

  private reindexFor(keys: readonly RowKey[]): void {
    this.customers.update(keys);
    const ids = new Set<string>();
    for (const key of keys) {
      if (key.table === 'callbacks') ids.add(key.id);
      else for (const id of this.callbacks.dependents(key.table, key.id)) ids.add(id);
    }
    if (ids.size > 0) this.callbacks.reindex(ids);
  }

  rejections(): StoredRejection[] {
    return this.stmts.rejections.all().map((r) => ({
      mutationId: r.mutation_id,
      name: r.name,
      code: r.code,
      message: this.rejectionMessage(r),
      ...this.rejectionParams(r),
      subject: r.subject_tbl && r.subject_id ? { table: r.subject_tbl, id: r.subject_id } : null,
      at: r.at,
    }));
  }

  private rejectionMessage(r: RawRejection): string {
    try {
      if (r.message.length > 0) return this.cipher.decrypt(r.message, rejectionPlace(r.mutation_id));
    } catch {
      // Tampered or another key: fall through to the generic reason (the code still says what happened).
    }
    return UNREADABLE_REJECTION_MESSAGE;
  }

  /** The stored params, if any and readable; otherwise none (the screen falls back to the message). */
  private rejectionParams(r: RawRejection): { params?: ErrorParams } {
    if (!r.params) return {};
    try {
      const parsed = errorParamsSchema.safeParse(
        JSON.parse(this.cipher.decrypt(r.params, rejectionParamsPlace(r.mutation_id))),
      );
      return parsed.success ? { params: parsed.data } : {};
    } catch {
      return {};
    }
  }

  rejectionCount(): number {
    return this.stmts.countRejections.get()?.n ?? 0;
  }

  dismissRejection(mutationId: string): void {
    this.stmts.dismiss.run(mutationId);
  }

  /**
   * A cache that a query keeps for this store (created on first use). It lives as
   * long as the data it was derived from: every wipe and reset drops it, so no
   * decrypted customer data outlives a sign-out in memory either.
   */
  derived<T>(key: string, create: () => T): T {
    if (!this.derivedCaches.has(key)) this.derivedCaches.set(key, create());
    return this.derivedCaches.get(key) as T;
  }

  /** Drops every in-memory copy of rows (after the rows on disk were deleted). */
  private forgetInMemory(): void {
    this.search.reset();
    this.customers.reset();
    this.callbacks.invalidate();
    this.derivedCaches.clear();
  }

  /**
   * Forget the server's data and start again from cursor 0, keeping the outbox: the
   * server's data was reset (no argument), or the user's access scope changed
   * (`nextScope`, the scope the next pull answers for). After a scope change the
   * optimistic overlay goes too, since it was computed over rows of the old scope
   * the user may no longer see; the rebase at the end of the next pull rebuilds
   * it from the outbox over the new scope's rows.
   */
  resetConfirmed(nextScope?: string): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM confirmed_rows; DELETE FROM callback_index;');
      this.meta.delete(META_KEYS.cursor);
      this.meta.delete(META_KEYS.firstSyncDone);
      if (nextScope === undefined) {
        this.meta.delete(META_KEYS.pullScope);
      } else {
        this.rows.clearPending();
        this.meta.set(META_KEYS.pullScope, nextScope);
      }
    })();
    this.forgetInMemory();
  }

  /**
   * Forced sign-out (too many wrong unlock passwords): like wipe(), but the
   * outbox, the user id and the client id stay, so the same agent's unsynced
   * changes are sent after they sign in again (and nobody else may sign in
   * over them). The overlay is rebuilt from the outbox after the next pull.
   */
  wipeKeepingOutbox(): void {
    this.db.transaction(() => {
      this.db.exec(`
        DELETE FROM confirmed_rows; DELETE FROM pending_rows; DELETE FROM rejections; DELETE FROM callback_index;
      `);
      for (const key of Object.values(META_KEYS)) {
        if (key !== META_KEYS.userId && key !== META_KEYS.clientId) this.meta.delete(key);
      }
    })();
    this.forgetInMemory();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Sign-out: every row, the outbox, the session and the client id leave the
   * disk. secure_delete overwrites the freed pages; the WAL is checkpointed and
   * truncated and the file vacuumed, so no customer data stays behind.
   */
  wipe(): void {
    this.db.transaction(() => {
      this.db.exec(`
        DELETE FROM confirmed_rows; DELETE FROM pending_rows; DELETE FROM outbox; DELETE FROM rejections;
        DELETE FROM callback_index; DELETE FROM meta; DELETE FROM drafts;
        DELETE FROM sqlite_sequence WHERE name = 'outbox';
      `);
    })();
    this.forgetInMemory();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

interface RawRejection {
  mutation_id: string;
  name: string;
  code: string;
  /** Encrypted (migration 003); empty for messages an older version stored plain. */
  message: Buffer;
  /** Encrypted JSON of DomainError.params (migration 006); null when the reason had none. */
  params: Buffer | null;
  subject_tbl: string | null;
  subject_id: string | null;
  at: number;
}

/** SQLite's default automatic checkpoint threshold (WAL pages), kept for every other write. */
const DEFAULT_CHECKPOINT_PAGES = 1000;
/** While applying a pull page: ~64 MiB of WAL (4 KiB pages) before a checkpoint. */
const PULL_CHECKPOINT_PAGES = 16_384;

const UNREADABLE_REJECTION_MESSAGE =
  'The server did not accept this change (its reason is no longer available).';

/** The cipher's associated data: a message cannot be moved to another rejection unnoticed. */
function rejectionPlace(mutationId: string): string {
  return `rejections/${mutationId}`;
}

/** Bound to its own place: a message blob cannot be passed off as params, nor the reverse. */
function rejectionParamsPlace(mutationId: string): string {
  return `rejections/${mutationId}/params`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
