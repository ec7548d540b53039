import { CustomerSearchIndex, searchKey } from '../../shared/domain/search';
import { searchEntryOf, type CustomerRecordTable } from '../../shared/sync/customer-search-entry';
import type { AnyRow } from '../../shared/sync/rows';
import type { ChangeStore, ServerStore } from '../storage/server-store';

/** How to recognise a caller: what the IVR collected and the number they call from, within one team. */
export interface CallerKeys {
  receiptNumber: string | null;
  aNumber: string | null;
  phone: string | null;
  team: string;
}

/** The record tables that carry an identifier a caller can be found by (notes carry none). */
const KEY_TABLES = [
  'customers',
  'inquiries',
  'callbacks',
  'service_requests',
  'expedite_requests',
  'appointment_requests',
] as const satisfies readonly CustomerRecordTable[];

/**
 * The customer a call is about, for the screen pop and IVR callbacks: by receipt number,
 * then A-number, then the caller's number, within the agent's team. It is the customer
 * search of issue 14 (shared/domain/search: the same index and the same entries per
 * record as the desktop's search box), kept on the server with identifiers only (no
 * name words: a call is never matched by name), and caught up before each lookup with
 * the rows changed since (ServerStore.changes, by version, on SQLite or PostgreSQL): a
 * lookup costs the changes since the last one, not a scan. Each server node keeps its
 * own, which versions make consistent. Of several customers with one receipt or
 * A-number, the first by name wins, as in the search box; a phone number several
 * customers share finds none (the desktop then opens the search with the number).
 */
export class CallerIndex {
  private cursor = 0;
  private readonly index = new CustomerSearchIndex();
  private readonly teamOf = new Map<string, string>();
  private readonly changes: ChangeStore<(typeof KEY_TABLES)[number]>;
  /** Catch-ups run one after another, so the cursor only moves forward. */
  private tail: Promise<void> = Promise.resolve();

  constructor(store: Pick<ServerStore, 'changes'>) {
    this.changes = store.changes(KEY_TABLES);
  }

  async find(keys: CallerKeys): Promise<string | undefined> {
    await (this.tail = this.tail.then(() => this.catchUp()));
    const candidates = [
      keys.receiptNumber && searchKey('receipt', keys.receiptNumber),
      keys.aNumber && searchKey('a-number', keys.aNumber),
      keys.phone && searchKey('phone', keys.phone),
    ];
    for (const [at, key] of candidates.entries()) {
      if (!key) continue;
      const { ids } = this.index.search({ keys: [key], words: [] }, Number.MAX_SAFE_INTEGER);
      const found = ids.filter((id) => this.teamOf.get(id) === keys.team);
      // A number several customers share (a family, an office) names none of them: the
      // agent chooses in the customer search the screen pop opens instead.
      const phone = at === candidates.length - 1;
      if (found.length === 1 || (!phone && found.length > 1)) return found[0];
    }
    return undefined;
  }

  private async catchUp(): Promise<void> {
    const { version, rows } = await this.changes.since(this.cursor);
    for (const row of rows) {
      const recordKey = `${row.table}/${row.id}`;
      if (row.deleted) {
        this.index.delete(recordKey);
        if (row.table === 'customers') this.teamOf.delete(row.id);
        continue;
      }
      const stored = JSON.parse(row.data) as AnyRow & { team: string };
      if (row.table === 'customers') this.teamOf.set(row.id, stored.team);
      const entry = searchEntryOf(row.table, { ...stored, id: row.id });
      if (entry) this.index.put(recordKey, { customerId: entry.customerId, words: [], keys: entry.keys });
      else this.index.delete(recordKey);
    }
    this.cursor = Math.max(this.cursor, version);
  }
}
