import { issuesText } from '../../shared/domain/parse';
import { callbackRowSchema } from '../../shared/sync/rows/callback';
import { presenceRowSchema } from '../../shared/sync/rows/presence';
import { userRowSchema } from '../../shared/sync/rows/user';
import { wrapUpRowSchema } from '../../shared/sync/rows/wrap-up';
import { toSupervisedWrapUp } from '../../shared/supervisor/handle-times';
import { customerZones } from '../../shared/domain/sla-input';
import { customerRowSchema } from '../../shared/sync/rows/customer';
import type { Logger } from '../logger';
import type { ChangedRow } from '../storage/change-reader';
import type { ChangeStore, ServerStore } from '../storage/server-store';
import type { SupervisorIndex } from './supervisor-index';

/** Customers first: a first catch-up then knows every customer's zones before their callbacks arrive. */
const FOLLOWED = ['customers', 'callbacks', 'presence', 'users', 'wrap_ups'] as const;

/**
 * Keeps the supervisor index in step with the database the way a desktop keeps
 * its cache: by version. Every write stamps rows with a new global version, so
 * "rows with version > cursor" (an index range on each table's version column) are
 * exactly the changes since the last catch-up — whichever path wrote them (push,
 * presence, admin HTTP, the seed). The old row comes from the index, the new one
 * from the database: each change is applied as a delta, never a rescan.
 * The first catch-up (cursor 0) is the rebuild at start. Changes are read on the
 * read side (ChangeStore; on SQLite the read-only connection): catching up never waits
 * for, nor holds up, a push. On PostgreSQL the changes come from every node alike.
 */
export class RowFollower {
  private cursor = 0;
  private running: Promise<void> | null = null;
  private again = false;

  private readonly changes: ChangeStore<(typeof FOLLOWED)[number]>;

  constructor(
    store: ServerStore,
    private readonly index: SupervisorIndex,
    private readonly log: Logger,
    private readonly onTeamsChanged: (teams: ReadonlySet<string>) => void,
  ) {
    this.changes = store.changes(FOLLOWED);
  }

  get version(): number {
    return this.cursor;
  }

  /** Catches up; concurrent calls coalesce into one more pass. Resolves when the index has every committed change. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async pass(): Promise<void> {
    const changed = new Set<string>();
    const { rows, version } = await this.changes.since(this.cursor);
    for (const row of rows) for (const team of this.apply(row)) changed.add(team);
    this.cursor = Math.max(this.cursor, version);
    if (changed.size > 0) this.onTeamsChanged(changed);
  }

  private apply(row: ChangedRow<(typeof FOLLOWED)[number]>): string[] {
    const data: unknown = row.deleted ? null : JSON.parse(row.data);
    switch (row.table) {
      case 'callbacks': {
        if (data === null) return this.index.applyCallback(row.id, null);
        const parsed = callbackRowSchema.safeParse({ version: 0, ...(data as object) });
        if (!parsed.success)
          return this.skip(row, issuesText(parsed.error, 'row'), (id) => this.index.applyCallback(id, null));
        return this.index.applyCallback(row.id, parsed.data);
      }
      case 'customers': {
        // Only the zones of the customer's numbers (the SLA rule counts callable time); nothing else is kept.
        if (data === null) return this.index.applyCustomer(row.id, null);
        const parsed = customerRowSchema.safeParse({ version: 0, ...(data as object) });
        if (!parsed.success)
          return this.skip(row, issuesText(parsed.error, 'row'), (id) => this.index.applyCustomer(id, null));
        return this.index.applyCustomer(row.id, customerZones(parsed.data));
      }
      case 'presence': {
        if (data === null) return this.index.applyPresence(row.id, null);
        const parsed = presenceRowSchema.safeParse({ version: 0, ...(data as object) });
        if (!parsed.success)
          return this.skip(row, issuesText(parsed.error, 'row'), (id) => this.index.applyPresence(id, null));
        const { status, currentItem, updatedAt, team } = parsed.data;
        return this.index.applyPresence(row.id, { id: row.id, status, currentItem, updatedAt, team });
      }
      case 'wrap_ups': {
        if (data === null) return this.index.applyWrapUp(row.id, null);
        const parsed = wrapUpRowSchema.safeParse({ version: 0, ...(data as object) });
        if (!parsed.success)
          return this.skip(row, issuesText(parsed.error, 'row'), (id) => this.index.applyWrapUp(id, null));
        return this.index.applyWrapUp(row.id, toSupervisedWrapUp(parsed.data));
      }
      case 'users': {
        if (data === null) return this.index.applyUser(row.id, null);
        const parsed = userRowSchema.safeParse({ version: 0, ...(data as object) });
        if (!parsed.success)
          return this.skip(row, issuesText(parsed.error, 'row'), (id) => this.index.applyUser(id, null));
        const { id, team, name, role, active } = parsed.data;
        return this.index.applyUser(row.id, { id, team, name, role, active });
      }
    }
  }

  /** An invalid row is dropped from the index (its previous state would be stale) and logged. */
  private skip(row: { table: string; id: string }, reason: string, drop: (id: string) => string[]): string[] {
    this.log.warn({ table: row.table, id: row.id, reason }, 'supervisor index dropped an invalid row');
    return drop(row.id);
  }
}
