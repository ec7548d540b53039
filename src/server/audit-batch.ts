import { CompiledQuery } from 'kysely';
import { auditRow, type AuditEvent } from './audit';
import { auditInsert } from './storage/postgres/audit-insert';
import { storeKindOf } from './storage/store-kind';
import type { Db } from './storage/database';

/** Rows per insert statement: 9 parameters each stays far below SQLite's variable limit. */
const ROWS_PER_INSERT = 500;

interface Waiting {
  event: AuditEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes audit events in one multi-row insert per turn of the event loop instead
 * of one transaction each: after a poke, hundreds of pulls each owe a
 * `sync.pull.viewed` row, and one statement for all of them keeps the single
 * writer connection free. Still append-only, one row per event, written within
 * one turn of the event loop (later if the writer is busy: the batch then grows).
 * `append` resolves once its row is stored (a failed insert rejects every event
 * of that batch) — pulls await it, so no customer data leaves unaudited. What is
 * queued is written by `flush`, which the server's graceful close awaits.
 */
export class AuditBatcher {
  private queue: Waiting[] = [];
  private scheduled = false;
  private tail: Promise<void> = Promise.resolve();

  private readonly postgres: boolean;

  /** `onLost` hears of every batch that could not be written (the server logs it as an error). */
  constructor(
    private readonly db: Db,
    private readonly onLost: (error: unknown, events: number) => void = () => undefined,
  ) {
    this.postgres = storeKindOf(db) === 'postgres';
  }

  /** Queues one event; resolves when it is written, rejects if the write failed. */
  append(event: AuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // setImmediate runs after the poll phase: every socket message read in this turn joins the batch.
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    });
  }

  /** Writes everything queued so far (graceful close calls it before the database closes). Never rejects. */
  flush(): Promise<void> {
    const run = this.tail.then(() => this.writeQueued());
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Inserts attempted so far (tests: many events, few batches). */
  writtenBatches = 0;

  /** Events waiting to be written (tests, health). */
  get pending(): number {
    return this.queue.length;
  }

  // The batch is taken when its turn comes, so it grows while an earlier insert is in flight.
  private async writeQueued(): Promise<void> {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    this.writtenBatches += 1;
    try {
      await this.insert(batch.map((w) => w.event));
    } catch (error) {
      this.onLost(error, batch.length);
      for (const w of batch) w.reject(error);
      return;
    }
    for (const w of batch) w.resolve();
  }

  /** One statement (on SQLite one per ROWS_PER_INSERT rows, in one transaction). */
  private async insert(events: AuditEvent[]): Promise<void> {
    if (this.postgres) {
      // Nine column arrays however many rows (audit-insert.ts).
      const { text, values } = auditInsert(events);
      await this.db.executeQuery(CompiledQuery.raw(text, values));
      return;
    }
    const rows = events.map(auditRow);
    if (rows.length <= ROWS_PER_INSERT) {
      await this.db.insertInto('audit_events').values(rows).execute();
      return;
    }
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
        await trx
          .insertInto('audit_events')
          .values(rows.slice(i, i + ROWS_PER_INSERT))
          .execute();
    });
  }
}
