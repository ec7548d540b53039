import { CustomerSearchIndex, readSearchText, type SearchEntry } from '../../shared/domain/search';
import {
  CUSTOMER_RECORD_TABLES,
  isRecordTable,
  searchEntryOf,
  type CustomerRecordTable,
} from '../../shared/sync/customer-search-entry';
import { rowKey, type AnyRow, type RowKey } from '../../shared/sync/rows';
import type { RowCache } from './row-cache';
import { buildInSlices } from './slices';

/** Rows read per slice of a background build: a few milliseconds, so the event loop stays responsive. */
const WARM_SLICE = 250;

/** Where a build is: the table it reads and the last id it read there. */
interface BuildCursor {
  table: number;
  afterId: string;
}

/**
 * The customers of the cache, found by the one search box and opened with every
 * contact they had (issue 14). The fields are encrypted on disk, so this keeps in
 * memory the search index (shared/domain/search) and, per customer, the keys of
 * their records; built after the first sync a slice at a time (warm), or at once on
 * first use, then kept in step record by record (LocalStore.reindexFor). Dropped with
 * every wipe, like the other derived caches.
 */
export class CustomerDirectory {
  private built = false;
  /** The build under way (undefined when none is). */
  private cursor: BuildCursor | undefined;
  /** The background build's promise while it runs (one at a time). */
  private warming: Promise<void> | undefined;
  private readonly index = new CustomerSearchIndex();
  /**
   * customerId → keys (`table/id`) of their records (a few each: an array, not a Set,
   * which costs ~0.3 KB even when it holds one key); and each record's customer.
   */
  private readonly records = new Map<string, string[]>();
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

  /**
   * Keeps the directory in step with rows that changed (no-op until a build starts).
   * During a build every change is applied: a row the build has read is corrected
   * here, one it has not read yet it will read as it is then (put() replaces).
   */
  update(keys: readonly RowKey[]): void {
    if (!this.built && !this.cursor) return;
    for (const key of keys) {
      if (isRecordTable(key.table)) this.put(key.table, key.id, this.rows.get(key.table, key.id));
    }
  }

  reset(): void {
    this.built = false;
    this.cursor = undefined;
    this.warming = undefined;
    this.index.clear();
    this.records.clear();
    this.ownerOf.clear();
  }

  /** Whether the directory is complete (searches answer without decrypting anything). */
  isBuilt(): boolean {
    return this.built;
  }

  /** Builds it now (the rest of a build under way, or all of it). */
  build(): void {
    if (this.built) return;
    this.cursor ??= { table: 0, afterId: '' };
    while (!this.built) this.buildSlice(Number.MAX_SAFE_INTEGER);
  }

  /**
   * Builds it in slices between other work (call it after the first sync), so the
   * agent's first search does not wait for 150,000 decrypts. Resolves when built, or
   * at once if it already is; a reset() cancels it (and resolves).
   */
  warm(): Promise<void> {
    if (this.built) return Promise.resolve();
    if (this.warming) return this.warming;
    this.cursor ??= { table: 0, afterId: '' };
    const building = this.cursor;
    const warming = buildInSlices(
      () => this.cursor === building,
      () => this.buildSlice(WARM_SLICE),
      () => this.reset(),
    ).finally(() => {
      if (this.warming === warming) this.warming = undefined;
    });
    this.warming = warming;
    return warming;
  }

  /** Reads up to `limit` rows where the build is and files them; the build ends after the last table. */
  private buildSlice(limit: number): void {
    const cursor = this.cursor;
    if (!cursor) return;
    const table = CUSTOMER_RECORD_TABLES[cursor.table];
    if (table === undefined) {
      this.cursor = undefined;
      this.built = true;
      return;
    }
    const ids = this.rows.idsAfter(table, cursor.afterId, limit);
    const entries: [string, SearchEntry][] = [];
    for (const id of ids) {
      const row = this.rows.get(table, id);
      const key = rowKey(table, id);
      this.disown(key);
      const entry = row ? this.own(key, table, row) : undefined;
      if (entry) entries.push([key, entry]);
      else this.index.delete(key);
    }
    this.index.putMany(entries);
    if (ids.length < limit) {
      cursor.table += 1;
      cursor.afterId = '';
    } else cursor.afterId = ids[ids.length - 1] as string;
  }

  private put(table: CustomerRecordTable, id: string, row: AnyRow | undefined): void {
    const key = rowKey(table, id);
    this.disown(key);
    if (!row) {
      this.index.delete(key);
      return;
    }
    const entry = this.own(key, table, row);
    if (entry) this.index.put(key, entry);
    else this.index.delete(key);
  }

  /** Files the record under its customer; its search entry (if any). */
  private own(key: string, table: CustomerRecordTable, row: AnyRow): SearchEntry | undefined {
    const customerId = table === 'customers' ? row.id : (row as { customerId: string }).customerId;
    this.ownerOf.set(key, customerId);
    const keys = this.records.get(customerId);
    if (!keys) this.records.set(customerId, [key]);
    // concat() makes an exact-size copy; push() or a spread reserve room for ~17 more keys.
    else if (!keys.includes(key)) this.records.set(customerId, keys.concat([key]));
    return searchEntryOf(table, row);
  }

  private disown(key: string): void {
    const owner = this.ownerOf.get(key);
    if (owner === undefined) return;
    this.ownerOf.delete(key);
    const keys = this.records.get(owner);
    const at = keys?.indexOf(key) ?? -1;
    if (!keys || at < 0) return;
    keys.splice(at, 1);
    if (keys.length === 0) this.records.delete(owner);
  }
}
