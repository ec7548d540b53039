import { CustomerSearchIndex, readSearchText, type SearchEntry } from '../../shared/domain/search';
import {
  CUSTOMER_RECORD_TABLES,
  isRecordTable,
  searchEntryOf,
  type CustomerRecordTable,
} from '../../shared/sync/customer-search-entry';
import { rowKey, type AnyRow, type RowKey } from '../../shared/sync/rows';
import type { RowCache } from './row-cache';

/**
 * The customers of the cache, found by the one search box and opened with every
 * contact they had (issue 14). The fields are encrypted on disk, so this keeps in
 * memory the search index (shared/domain/search) and, per customer, the keys of
 * their records; built on first use from every row, then kept in step record by
 * record (LocalStore.reindexFor). Dropped with every wipe, like the other derived caches.
 */
export class CustomerDirectory {
  private built = false;
  private readonly index = new CustomerSearchIndex();
  /** customerId → keys (`table/id`) of their records; and each record's customer. */
  private readonly records = new Map<string, Set<string>>();
  private readonly ownerOf = new Map<string, string>();

  constructor(private readonly rows: RowCache) {}

  /** The customers matching what the agent typed, best first, at most `limit`; `total` counts them all. */
  search(text: string, limit: number): { ids: string[]; total: number } {
    this.build();
    return this.index.search(readSearchText(text), limit);
  }

  /** The keys of one customer's records (their customer row included), by table. */
  recordsOf(customerId: string): Map<CustomerRecordTable, string[]> {
    this.build();
    const byTable = new Map<CustomerRecordTable, string[]>();
    for (const key of this.records.get(customerId) ?? []) {
      const [table, id] = key.split('/') as [CustomerRecordTable, string];
      byTable.set(table, [...(byTable.get(table) ?? []), id]);
    }
    return byTable;
  }

  /** Keeps the directory in step with rows that changed (no-op until first used). */
  update(keys: readonly RowKey[]): void {
    if (!this.built) return;
    for (const key of keys) {
      if (isRecordTable(key.table)) this.put(key.table, key.id, this.rows.get(key.table, key.id));
    }
  }

  reset(): void {
    this.built = false;
    this.index.clear();
    this.records.clear();
    this.ownerOf.clear();
  }

  /** Whether the first fill has run (a bench warms it before timing searches). */
  isBuilt(): boolean {
    return this.built;
  }

  build(): void {
    if (this.built) return;
    const entries: [string, SearchEntry][] = [];
    for (const table of CUSTOMER_RECORD_TABLES) {
      for (const row of this.rows.list(table)) {
        const entry = this.own(table, row);
        if (entry) entries.push([rowKey(table, row.id), entry]);
      }
    }
    this.index.putMany(entries);
    this.built = true;
  }

  private put(table: CustomerRecordTable, id: string, row: AnyRow | undefined): void {
    const key = rowKey(table, id);
    this.disown(key);
    if (!row) {
      this.index.delete(key);
      return;
    }
    const entry = this.own(table, row);
    if (entry) this.index.put(key, entry);
    else this.index.delete(key);
  }

  /** Files the record under its customer; its search entry (if any). */
  private own(table: CustomerRecordTable, row: AnyRow): SearchEntry | undefined {
    const key = rowKey(table, row.id);
    const customerId = table === 'customers' ? row.id : (row as { customerId: string }).customerId;
    this.ownerOf.set(key, customerId);
    let set = this.records.get(customerId);
    if (!set) this.records.set(customerId, (set = new Set()));
    set.add(key);
    return searchEntryOf(table, row);
  }

  private disown(key: string): void {
    const owner = this.ownerOf.get(key);
    if (owner === undefined) return;
    this.ownerOf.delete(key);
    const set = this.records.get(owner);
    set?.delete(key);
    if (set?.size === 0) this.records.delete(owner);
  }
}
