import type BetterSqlite3 from 'better-sqlite3';
import { attemptPlan } from '../../shared/domain/attempts';
import type { Policy } from '../../shared/domain/policy';
import {
  FROM_THE_START,
  slaTransitions,
  type SlaInput,
  type SlaTransitions,
  type Urgency,
} from '../../shared/domain/sla';
import { slaInputFor } from '../../shared/domain/sla-input';
import type { CallbackRow } from '../../shared/sync/rows/callback';
import type { RowCache } from './row-cache';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT } from './worklist-snapshot';

export interface CallbackIndexEntry {
  id: string;
  customerId: string;
  inquiryId: string;
}

/**
 * One callback_index row as the worklist filters and sorts it. Never changed in
 * place: a re-indexed callback gets a new object, so a WeakMap keyed by the
 * entry is a cache that cannot outlive the row versions it was built from.
 */
export interface WorklistEntry {
  readonly id: string;
  readonly status: string;
  readonly urgency: string;
  readonly tier: number;
  readonly assigneeId: string | null;
  readonly dueAt: number;
  readonly language: string | null;
  readonly secondAttemptPending: boolean;
  readonly pending: boolean;
  /** The rest of the SLA rule's input (slaInputOf): where the customer's numbers ring, attempts left. */
  readonly zones: readonly string[];
  readonly attemptsLeft: number;
  readonly nextAttemptFrom: number;
  /** Until when the customer waits for this call ("available now?" answered yes), or null. */
  readonly waitingUntil: number | null;
  /** The SLA rule's transitions under the policy the index was built with (`indexedUnder`). */
  readonly transitions: SlaTransitions;
}

/** An open callback with what the SLA rule needs (the due-soon check). */
export interface OpenCallback extends SlaInput {
  id: string;
}

/** The SLA rule's input for an index entry: the same as the callback detail's, without decrypting. */
export function slaInputOf(entry: {
  dueAt: number;
  urgency: string;
  zones: readonly string[];
  attemptsLeft: number;
  nextAttemptFrom: number;
}): SlaInput {
  return {
    dueAt: entry.dueAt,
    urgency: entry.urgency as Urgency,
    attemptsLeft: entry.attemptsLeft,
    ...(entry.nextAttemptFrom !== FROM_THE_START ? { earliestNextAttempt: entry.nextAttemptFrom } : {}),
    zones: entry.zones,
  };
}

interface RawEntry {
  id: string;
  status: string;
  urgency: string;
  tier: number;
  assignee_id: string | null;
  due_at: number;
  language: string | null;
  second_attempt_pending: number;
  pending: number;
  zones: string;
  attempts_left: number;
  next_attempt_from: number;
  waiting_until: number | null;
}

/** A RawEntry as a raw row (`.raw(true)`): its columns in ENTRY_COLUMNS' order (keep the two in step). */
type RawEntryColumns = [
  id: string,
  status: string,
  urgency: string,
  tier: number,
  assigneeId: string | null,
  dueAt: number,
  language: string | null,
  secondAttemptPending: number,
  pending: number,
  zones: string,
  attemptsLeft: number,
  nextAttemptFrom: number,
  waitingUntil: number | null,
  atRiskFrom: number,
  attemptsMissFrom: number,
  dueTodayFrom: number,
  overdueFrom: number,
  lastWindowStart: number | null,
  lastWindowEnd: number | null,
];

const SLA_COLUMNS = 'zones, attempts_left, next_attempt_from';
const TRANSITION_COLUMNS =
  'at_risk_from, attempts_miss_from, due_today_from, overdue_from, last_window_start, last_window_end';
const ENTRY_COLUMNS = `id, status, urgency, tier, assignee_id, due_at, language, second_attempt_pending, pending, ${SLA_COLUMNS}, waiting_until, ${TRANSITION_COLUMNS}`;
/**
 * What the indexed columns were derived with: this file's format and the policy (attempts
 * allowed, retry gaps and callback hours shape attempts_left and next_attempt_from). When
 * the stored basis differs, every callback is re-indexed (see ensureBasis).
 */
const INDEX_FORMAT = 10;
/** Past this many changed callbacks, reloading the whole copy is cheaper than patching it. */
const PATCH_LIMIT = 500;

/**
 * Keeps `callback_index` (the worklist's plain, indexed columns) in step with
 * the effective callback rows. Called inside the transaction that changed them.
 */
export class CallbackIndex {
  private readonly stmts;
  /** Told about every re-indexed callback (the in-memory search index listens). */
  onChange: (id: string, entry: CallbackIndexEntry | undefined) => void = () => {};
  /** The in-memory copy, sorted by (due_at, id); undefined until first asked for (or after a mismatch). */
  private sorted: WorklistEntry[] | undefined;
  /** The copy's entries by id: made when the copy is first patched (50,000 inserts are not the start's to pay). */
  private byId: Map<string, WorklistEntry> | undefined;
  /** callback_index_version.deletes as the copy knows it: its load plus every delete reindex() made since. */
  private toldDeletes = 0;
  /** Callbacks re-indexed since the copy was last brought up to date. */
  private readonly dirty = new Set<string>();
  private readonly zoneLists = new ZoneLists();
  /** Bumped whenever sortedEntries() answers with different contents: a key for caches of derived answers. */
  private generation = 0;

  constructor(
    db: BetterSqlite3.Database,
    private readonly rows: RowCache,
    private readonly policy: () => Policy,
  ) {
    this.stmts = {
      upsert: db.prepare(
        `INSERT INTO callback_index (id, team, status, urgency, tier, assignee_id, due_at, created_at, attempts,
           second_attempt_pending, language, customer_id, inquiry_id, pending, ${SLA_COLUMNS}, waiting_until,
           ${TRANSITION_COLUMNS})
         VALUES (@id, @team, @status, @urgency, @tier, @assignee_id, @due_at, @created_at, @attempts,
           @second_attempt_pending, @language, @customer_id, @inquiry_id, @pending, @zones, @attempts_left,
           @next_attempt_from, @waiting_until, @at_risk_from, @attempts_miss_from, @due_today_from, @overdue_from,
           @last_window_start, @last_window_end)
         ON CONFLICT (id) DO UPDATE SET team = excluded.team, status = excluded.status, urgency = excluded.urgency,
           tier = excluded.tier, assignee_id = excluded.assignee_id, due_at = excluded.due_at,
           created_at = excluded.created_at, attempts = excluded.attempts,
           second_attempt_pending = excluded.second_attempt_pending, language = excluded.language,
           customer_id = excluded.customer_id, inquiry_id = excluded.inquiry_id, pending = excluded.pending,
           zones = excluded.zones, attempts_left = excluded.attempts_left,
           next_attempt_from = excluded.next_attempt_from, waiting_until = excluded.waiting_until,
           at_risk_from = excluded.at_risk_from, attempts_miss_from = excluded.attempts_miss_from,
           due_today_from = excluded.due_today_from, overdue_from = excluded.overdue_from,
           last_window_start = excluded.last_window_start, last_window_end = excluded.last_window_end`,
      ),
      remove: db.prepare<[string]>('DELETE FROM callback_index WHERE id = ?'),
      byCustomer: db.prepare<[string], { id: string }>('SELECT id FROM callback_index WHERE customer_id = ?'),
      byInquiry: db.prepare<[string], { id: string }>('SELECT id FROM callback_index WHERE inquiry_id = ?'),
      all: db.prepare<[], { id: string; customer_id: string; inquiry_id: string }>(
        'SELECT id, customer_id, inquiry_id FROM callback_index',
      ),
      allEntries: db
        .prepare<[], RawEntryColumns>(`SELECT ${ENTRY_COLUMNS} FROM callback_index ORDER BY due_at, id`)
        .raw(true),
      entry: db
        .prepare<[string], RawEntryColumns>(`SELECT ${ENTRY_COLUMNS} FROM callback_index WHERE id = ?`)
        .raw(true),
      deletes: db.prepare<[], { deletes: number }>(
        'SELECT deletes FROM callback_index_version WHERE only = 1',
      ),
      openAssignedTo: db.prepare<
        [string],
        Omit<RawEntry, 'status' | 'tier' | 'assignee_id' | 'language' | 'second_attempt_pending' | 'pending'>
      >(
        `SELECT id, due_at, urgency, ${SLA_COLUMNS} FROM callback_index WHERE assignee_id = ? AND status = 'open'`,
      ),
    };
    this.snapshot = {
      read: db.prepare<[], { format: number; data: Uint8Array }>(
        'SELECT format, data FROM worklist_snapshot WHERE EXISTS (SELECT 1 FROM worklist_snapshot_valid)',
      ),
      valid: db.prepare<[], { only: number }>('SELECT only FROM worklist_snapshot_valid'),
      write: db.prepare<[number, Uint8Array]>(
        `INSERT INTO worklist_snapshot (only, format, data) VALUES (1, ?, ?)
         ON CONFLICT (only) DO UPDATE SET format = excluded.format, data = excluded.data`,
      ),
      markValid: db.prepare('INSERT OR IGNORE INTO worklist_snapshot_valid (only) VALUES (1)'),
      dropValid: db.prepare('DELETE FROM worklist_snapshot_valid'),
      drop: db.prepare('DELETE FROM worklist_snapshot'),
    };
    this.writeSnapshot = db.transaction((blob: Uint8Array) => {
      this.snapshot.write.run(SNAPSHOT_FORMAT, blob);
      this.snapshot.markValid.run();
    });
    this.dropSnapshot = db.transaction(() => {
      this.snapshot.dropValid.run();
      this.snapshot.drop.run();
    });
    this.meta = {
      get: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'callback_index_basis'"),
      set: db.prepare<[string]>(
        "INSERT INTO meta (key, value) VALUES ('callback_index_basis', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ),
    };
  }

  private readonly meta;
  private readonly snapshot;
  private readonly writeSnapshot: (blob: Uint8Array) => void;
  private readonly dropSnapshot: () => void;

  /**
   * Re-indexes every callback when the stored columns were derived with another
   * format or policy (a cache migrated from an older version, or the server's policy
   * changed what attempts are allowed or when). Call inside a transaction.
   */
  ensureBasis(policy: Policy): void {
    // The time-zone rules too: the stored transitions and attempt columns are instants
    // worked out in the customers' zones (a DST rule change moves them).
    const basis = `${INDEX_FORMAT}:${process.versions.tz ?? ''}:${JSON.stringify(policy)}`;
    if (this.meta.get.get()?.value === basis) return;
    this.reindex(this.stmts.all.all().map((r) => r.id));
    this.meta.set.run(basis);
  }

  /**
   * Whether the entries' stored transitions are this policy's: the index follows the
   * store's policy (re-derived by ensureBasis when it changes), so a query made with
   * another one — a moment before the store hears of it — works them out itself.
   */
  indexedUnder(policy: Policy): boolean {
    const own = this.policy();
    return own === policy || JSON.stringify(own) === JSON.stringify(policy);
  }

  /** Callbacks whose index entry depends on these customers/inquiries (language, search). */
  dependents(table: string, id: string): string[] {
    if (table === 'customers') return this.stmts.byCustomer.all(id).map((r) => r.id);
    if (table === 'inquiries') return this.stmts.byInquiry.all(id).map((r) => r.id);
    return [];
  }

  /** The open callbacks assigned to this user (due-soon notices). */
  openAssignedTo(userId: string): OpenCallback[] {
    return this.stmts.openAssignedTo.all(userId).map((r) => ({ id: r.id, ...slaInputOf(toSlaParts(r)) }));
  }

  entries(): CallbackIndexEntry[] {
    return this.stmts.all
      .all()
      .map((r) => ({ id: r.id, customerId: r.customer_id, inquiryId: r.inquiry_id }));
  }

  reindex(ids: Iterable<string>): void {
    for (const id of new Set(ids)) {
      const found = this.rows.view('callbacks', id);
      this.noteChange(id);
      if (!found) {
        this.toldDeletes += this.stmts.remove.run(id).changes;
        this.onChange(id, undefined);
        continue;
      }
      const callback = found.row;
      const customer = this.rows.view('customers', callback.customerId)?.row;
      const sla = slaInputFor(callback, customer, this.policy());
      const transitions = slaTransitions(sla, this.policy());
      this.stmts.upsert.run({
        id,
        team: callback.team,
        status: callback.status,
        urgency: callback.urgency,
        tier: callback.tier,
        assignee_id: callback.assigneeId,
        due_at: callback.dueAt,
        created_at: callback.createdAt,
        attempts: callback.attempts.length,
        second_attempt_pending: secondAttemptPending(callback, this.policy()) ? 1 : 0,
        language: customer?.preferredLanguage ?? null,
        customer_id: callback.customerId,
        inquiry_id: callback.inquiryId,
        pending: found.pending ? 1 : 0,
        zones: (sla.zones ?? []).join(','),
        attempts_left: sla.attemptsLeft ?? 1,
        next_attempt_from: sla.earliestNextAttempt ?? FROM_THE_START,
        waiting_until: callback.customerWaitingUntil,
        at_risk_from: transitions.atRiskFrom,
        attempts_miss_from: transitions.attemptsMissFrom,
        due_today_from: transitions.dueTodayFrom,
        overdue_from: transitions.overdueFrom,
        last_window_start: transitions.lastWindow?.start ?? null,
        last_window_end: transitions.lastWindow?.end ?? null,
      });
      this.onChange(id, { id, customerId: callback.customerId, inquiryId: callback.inquiryId });
    }
  }

  /**
   * Writes the copy as it stands to `worklist_snapshot` for the next start (the store
   * calls this as it closes). Nothing to do when the copy was never loaded, or when the
   * snapshot is still valid: any write to callback_index since it was read or written
   * would have taken its `worklist_snapshot_valid` row (migration 012's triggers).
   */
  saveSnapshot(): void {
    if (!this.sorted || this.snapshot.valid.get()) return;
    this.writeSnapshot(encodeSnapshot(this.sortedEntries()));
  }

  /** The copy from a valid snapshot, or undefined (none, another format, or not decodable: then it goes). */
  private fromSnapshot(): WorklistEntry[] | undefined {
    const stored = this.snapshot.read.get();
    if (!stored) return undefined;
    const entries =
      stored.format === SNAPSHOT_FORMAT
        ? decodeSnapshot(stored.data, (c) => this.zoneLists.of(c))
        : undefined;
    if (!entries) this.dropSnapshot();
    return entries;
  }

  private noteChange(id: string): void {
    if (!this.sorted) return;
    this.dirty.add(id);
    if (this.dirty.size > PATCH_LIMIT) this.drop();
  }

  /**
   * Forget the in-memory copy: for code that writes callback_index in bulk
   * without reindex() (deletes are noticed on their own; inserts and updates are not).
   */
  invalidate(): void {
    this.drop();
  }

  private drop(): void {
    this.sorted = undefined;
    this.byId = undefined;
    this.dirty.clear();
  }

  /** Changes each time sortedEntries() brings the copy up to date with something new. */
  entriesGeneration(): number {
    return this.generation;
  }

  /**
   * Every callback_index row, sorted by (due_at, id), from memory. Brought up to
   * date from SQLite first: the rows reindex() touched are re-read (so a
   * rolled-back re-index leaves nothing behind), or — when too many changed, or
   * the delete counter says rows went that reindex() did not delete (a bulk
   * delete, or a rolled-back delete) — the whole table is reloaded: from its snapshot
   * when one is there (written at the last close, and only while no write has touched
   * the table since), else row by row. The array is shared: callers must not change it.
   */
  sortedEntries(): readonly WorklistEntry[] {
    const deletes = this.stmts.deletes.get()?.deletes ?? 0;
    if (!this.sorted || deletes !== this.toldDeletes) {
      this.drop();
      const sorted =
        this.fromSnapshot() ?? this.stmts.allEntries.all().map((r) => fromColumns(r, this.zoneLists));
      this.sorted = sorted;
      this.toldDeletes = deletes;
      this.generation++;
      return sorted;
    }
    const sorted = this.sorted;
    if (this.dirty.size === 0) return sorted;
    this.generation++;
    const byId = (this.byId ??= new Map(sorted.map((e) => [e.id, e])));
    for (const id of this.dirty) {
      const old = byId.get(id);
      if (old) sorted.splice(positionOf(sorted, old), 1);
      const raw = this.stmts.entry.get(id);
      if (raw) {
        const fresh = fromColumns(raw, this.zoneLists);
        sorted.splice(positionOf(sorted, fresh), 0, fresh);
        byId.set(id, fresh);
      } else byId.delete(id);
    }
    this.dirty.clear();
    return sorted;
  }
}

/**
 * A worklist entry from a raw row of ENTRY_COLUMNS: one literal with every field, no
 * intermediate object per row (50,000 of these are made each time the copy loads).
 */
function fromColumns(c: RawEntryColumns, zones: ZoneLists): WorklistEntry {
  return {
    id: c[0],
    status: c[1],
    urgency: c[2],
    tier: c[3],
    assigneeId: c[4],
    dueAt: c[5],
    language: c[6],
    secondAttemptPending: c[7] === 1,
    pending: c[8] === 1,
    zones: zones.of(c[9]),
    attemptsLeft: c[10],
    nextAttemptFrom: c[11],
    waitingUntil: c[12],
    transitions: {
      atRiskFrom: c[13],
      attemptsMissFrom: c[14],
      dueTodayFrom: c[15],
      overdueFrom: c[16],
      lastWindow: c[17] === null || c[18] === null ? null : { start: c[17], end: c[18] },
    },
  };
}

/**
 * The zones column ("America/New_York,America/Chicago") as a shared, frozen list: the
 * customers of a center live in a handful of zone sets, so the 50,000 entries of a
 * loaded copy share a few arrays instead of holding one each.
 */
const MAX_ZONE_LISTS = 10_000;
class ZoneLists {
  private readonly lists = new Map<string, readonly string[]>();

  of(column: string): readonly string[] {
    let list = this.lists.get(column);
    if (!list) {
      list = Object.freeze(column === '' ? [] : column.split(','));
      // A bound for an unusual cache (zone sets are a handful): past it, lists are not shared.
      if (this.lists.size < MAX_ZONE_LISTS) this.lists.set(column, list);
    }
    return list;
  }
}

/** The SLA rule's columns of a row (due time and urgency among them). */
function toSlaParts(
  r: Pick<RawEntry, 'due_at' | 'urgency' | 'zones' | 'attempts_left' | 'next_attempt_from'>,
) {
  return {
    dueAt: r.due_at,
    urgency: r.urgency,
    zones: r.zones === '' ? [] : r.zones.split(','),
    attemptsLeft: r.attempts_left,
    nextAttemptFrom: r.next_attempt_from,
  };
}

/** The worklist's base order (SQLite's ORDER BY due_at, id: ids are ASCII, so `<` is its BINARY order). */
export function compareDueThenId(a: WorklistEntry, b: WorklistEntry): number {
  return a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Index of `entry` in `sorted` if present, else where it would go. */
function positionOf(sorted: readonly WorklistEntry[], entry: WorklistEntry): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareDueThenId(sorted[mid] as WorklistEntry, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open, a first attempt failed, and another one is still allowed: the "attempt 2 pending" list. */
export function secondAttemptPending(callback: CallbackRow, policy: Policy): boolean {
  if (callback.status !== 'open' || callback.attempts.length === 0) return false;
  const plan = attemptPlan(callback, Number.NEGATIVE_INFINITY, policy);
  return plan.kind === 'next' && plan.attemptNumber >= 2;
}
