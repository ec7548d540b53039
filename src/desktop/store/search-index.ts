import { searchText, searchWords } from '../../shared/domain/search-terms';
import type { CallbackIndexEntry } from './callback-index';
import type { RowCache } from './row-cache';
import { buildInSlices } from './slices';

/** Callbacks decrypted per slice of a background build: a few milliseconds, so the event loop stays responsive. */
const WARM_SLICE = 250;
/** Recent answers kept (the renderer asks the same search again for every page and refresh). */
const RESULT_CACHE_SIZE = 16;

/**
 * Search by name, receipt number, A-number or phone (however the agent punctuates
 * them: shared/domain/search-terms). Those fields are encrypted on disk,
 * so they cannot be indexed by SQLite; this keeps a normalized text per callback
 * in memory (built by warm() after the first sync, or on the first search, then
 * updated with every re-index) and a search is a scan of short strings —
 * milliseconds for 50,000 callbacks.
 */
export class SearchIndex {
  private haystacks: Map<string, string> | undefined;
  /** Callbacks a background build has still to decrypt (undefined when no build is under way). */
  private toBuild: Map<string, CallbackIndexEntry> | undefined;
  private readonly results = new Map<string, Set<string>>();

  constructor(
    private readonly rows: RowCache,
    private readonly entries: () => CallbackIndexEntry[],
  ) {}

  update(id: string, entry: CallbackIndexEntry | undefined): void {
    if (!this.haystacks) return;
    this.toBuild?.delete(id);
    const before = this.haystacks.get(id);
    const after = entry ? this.haystackOf(entry) : undefined;
    // A claim, an attempt or a new due time does not change what a search finds: keep the answers.
    if (before === after) return;
    this.results.clear();
    if (after !== undefined) this.haystacks.set(id, after);
    else this.haystacks.delete(id);
  }

  reset(): void {
    this.haystacks = undefined;
    this.toBuild = undefined;
    this.results.clear();
  }

  /** Whether the index is built (searches answer without decrypting anything). */
  isWarm(): boolean {
    return this.haystacks !== undefined && this.toBuild === undefined;
  }

  /**
   * Builds the index in slices between other work (call it after the first
   * sync), so the agent's first search does not wait for 50,000 decrypts.
   * Resolves when built, or at once if it already is; a reset() cancels it.
   */
  warm(): Promise<void> {
    if (this.isWarm()) return Promise.resolve();
    if (!this.toBuild) this.startBuild();
    const building = this.toBuild;
    return buildInSlices(
      () => this.toBuild === building,
      () => this.buildSlice(WARM_SLICE),
      () => this.reset(),
    );
  }

  private startBuild(): void {
    this.haystacks = new Map();
    this.toBuild = new Map(this.entries().map((e) => [e.id, e]));
    this.results.clear();
  }

  private buildSlice(limit: number): void {
    const queue = this.toBuild;
    const haystacks = this.haystacks;
    if (!queue || !haystacks) return;
    let done = 0;
    for (const [id, entry] of queue) {
      if (done++ >= limit) return;
      queue.delete(id);
      haystacks.set(id, this.haystackOf(entry));
    }
    this.toBuild = undefined;
  }

  private haystackOf(entry: CallbackIndexEntry): string {
    const customer = this.rows.view('customers', entry.customerId)?.row;
    const inquiry = this.rows.view('inquiries', entry.inquiryId)?.row;
    return searchText({
      name: customer?.name,
      receiptNumber: inquiry?.receiptNumber,
      aNumber: customer?.aNumber,
      phones: customer?.phones,
    });
  }

  /**
   * Callback ids matching every word of `query`; undefined when the query has no
   * usable word. The set is shared with later calls: callers must not change it.
   */
  search(query: string): ReadonlySet<string> | undefined {
    const words = searchWords(query);
    if (words.length === 0) return undefined;
    if (!this.haystacks) this.startBuild();
    if (this.toBuild) this.buildSlice(Number.POSITIVE_INFINITY);
    const key = words.join(' ');
    const cached = this.results.get(key);
    if (cached) return cached;
    const hits = new Set<string>();
    for (const [id, text] of this.haystacks ?? []) {
      if (words.every((w) => text.includes(w))) hits.add(id);
    }
    if (this.results.size >= RESULT_CACHE_SIZE)
      this.results.delete(this.results.keys().next().value as string);
    this.results.set(key, hits);
    return hits;
  }
}
