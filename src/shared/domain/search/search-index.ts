import { foldText, nameWords, type SearchQuery } from './search-text';

/**
 * What one record contributes to the customer search: a customer row gives its
 * name words and its A-number and phones; an inquiry, callback or request gives
 * its receipt number and reference number — all under the customer's id.
 */
export interface SearchEntry {
  customerId: string;
  /** Folded name words (customer rows only). */
  words: readonly string[];
  /** Normalized identifiers (search-text searchKey). */
  keys: readonly string[];
  /** The customer's folded full name, to order the answers (customer rows only). */
  sortName?: string;
}

/** Above this many new words, appending and sorting beats inserting one by one. */
const BULK_THRESHOLD = 64;

/** A word of some customer's name, kept in a sorted array so a prefix is a range. */
interface WordPosting {
  word: string;
  customerId: string;
}

function compare(a: WordPosting, b: WordPosting): number {
  if (a.word !== b.word) return a.word < b.word ? -1 : 1;
  if (a.customerId === b.customerId) return 0;
  return a.customerId < b.customerId ? -1 : 1;
}

/**
 * The customer search over the desktop's cache: identifiers in a map (one look-up),
 * name words in a sorted array (a prefix is a binary search and a range), so an
 * answer for 50,000 customers costs microseconds, not a scan. Pure and in memory:
 * the cache holds the fields encrypted, so the desktop fills this from decrypted
 * rows and keeps it up to date record by record.
 */
export class CustomerSearchIndex {
  private readonly entries = new Map<string, SearchEntry>();
  /**
   * Identifier → its owners: a customer id once per record of theirs that names it
   * (a receipt on an inquiry, its callback and its request: three times). An array,
   * not a Map of counts: one Map per identifier cost ~0.6 KB each, ~100 MB for the
   * 150,000 records of a 50k-callback team; these arrays hold one to three ids.
   */
  private readonly byKey = new Map<string, string[]>();
  private readonly postings: WordPosting[] = [];
  private readonly sortNames = new Map<string, string>();

  get size(): number {
    return this.entries.size;
  }

  /**
   * Sets (or replaces) what the record `recordKey` (e.g. `inquiries/q1`) contributes.
   * Name words come from one record per customer (its customer row).
   */
  put(recordKey: string, entry: SearchEntry): void {
    this.putMany([[recordKey, entry]]);
  }

  /**
   * put() for many records at once: a first fill of 50,000 customers sorts the name
   * words once instead of inserting each into the sorted array.
   */
  putMany(records: Iterable<readonly [string, SearchEntry]>): void {
    const added: WordPosting[] = [];
    for (const [recordKey, entry] of records) {
      this.delete(recordKey);
      // Exact-size copies of the entry's lists (the caller's may have been built with spare room).
      this.entries.set(recordKey, { ...entry, words: entry.words.slice(), keys: entry.keys.slice() });
      // concat() makes an exact-size copy; push() or a spread reserve room for ~17 more (~0.1 KB each).
      for (const key of entry.keys)
        this.byKey.set(key, (this.byKey.get(key) ?? []).concat([entry.customerId]));
      for (const word of new Set(entry.words)) added.push({ word, customerId: entry.customerId });
      if (entry.sortName !== undefined) this.sortNames.set(entry.customerId, entry.sortName);
    }
    if (added.length <= BULK_THRESHOLD) {
      for (const p of added) this.insertPosting(p);
      return;
    }
    for (const p of added) this.postings.push(p); // not push(...added): 150,000 arguments overflow the stack
    this.postings.sort(compare);
  }

  delete(recordKey: string): void {
    const old = this.entries.get(recordKey);
    if (!old) return;
    this.entries.delete(recordKey);
    for (const key of old.keys) {
      const owners = this.byKey.get(key);
      const at = owners?.indexOf(old.customerId) ?? -1;
      if (!owners || at < 0) continue;
      owners.splice(at, 1);
      if (owners.length === 0) this.byKey.delete(key);
    }
    for (const word of new Set(old.words)) this.removePosting({ word, customerId: old.customerId });
    if (old.sortName !== undefined) this.sortNames.delete(old.customerId);
  }

  clear(): void {
    this.entries.clear();
    this.byKey.clear();
    this.postings.length = 0;
    this.sortNames.clear();
  }

  /**
   * Customer ids matching the query: an identifier's owners first, then customers
   * whose name has a word beginning with each query word, by name; at most `limit`.
   * `total` counts every match (the screen says "showing 50 of 212").
   */
  search(query: SearchQuery, limit: number): { ids: string[]; total: number } {
    const found = new Set<string>();
    const byKey: string[] = [];
    for (const key of query.keys) {
      for (const id of this.byKey.get(key) ?? []) {
        if (!found.has(id)) byKey.push(id);
        found.add(id);
      }
    }
    const byName = this.nameMatches(query.words).filter((id) => !found.has(id));
    byName.sort((a, b) => this.order(a, b));
    const all = [...byKey.sort((a, b) => this.order(a, b)), ...byName];
    return { ids: all.slice(0, limit), total: all.length };
  }

  private order(a: string, b: string): number {
    const na = this.sortNames.get(a) ?? '';
    const nb = this.sortNames.get(b) ?? '';
    if (na !== nb) return na < nb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Customers with, for every word, a name word it begins (smallest range first). */
  private nameMatches(words: readonly string[]): string[] {
    if (words.length === 0) return [];
    const ranges = [...new Set(words)]
      .map((w) => this.prefixRange(w))
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    const [first, ...rest] = ranges;
    if (!first) return [];
    let candidates = new Set<string>();
    for (let i = first.start; i < first.end; i++)
      candidates.add((this.postings[i] as WordPosting).customerId);
    for (const range of rest) {
      if (candidates.size === 0) break;
      const next = new Set<string>();
      for (let i = range.start; i < range.end; i++) {
        const id = (this.postings[i] as WordPosting).customerId;
        if (candidates.has(id)) next.add(id);
      }
      candidates = next;
    }
    return [...candidates];
  }

  /** The postings whose word begins with `prefix`: [start, end). */
  private prefixRange(prefix: string): { start: number; end: number } {
    const start = this.lowerBound((p) => p.word < prefix);
    const end = this.lowerBound((p) => p.word < prefix || p.word.startsWith(prefix));
    return { start, end };
  }

  /** The first index whose posting is not `before` (postings are sorted, `before` is a prefix of them). */
  private lowerBound(before: (p: WordPosting) => boolean): number {
    let lo = 0;
    let hi = this.postings.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.postings[mid] as WordPosting)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insertPosting(p: WordPosting): void {
    const at = this.lowerBound((q) => compare(q, p) < 0);
    this.postings.splice(at, 0, p);
  }

  private removePosting(p: WordPosting): void {
    const at = this.lowerBound((q) => compare(q, p) < 0);
    const there = this.postings[at];
    if (there && compare(there, p) === 0) this.postings.splice(at, 1);
  }
}

/** The sort key of a customer's name (folded, so "Álvarez" sorts with "Alvarez"). */
export function sortNameOf(name: string): string {
  return foldText(name).trim();
}

export { nameWords };
