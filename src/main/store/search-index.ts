import type { CallbackIndexEntry } from './callback-index';
import type { RowCache } from './row-cache';

/**
 * Search by name, receipt number or phone. Those fields are encrypted on disk,
 * so they cannot be indexed by SQLite; this keeps a normalized text per callback
 * in memory (built on first search, then updated with every re-index) and a
 * search is a scan of short strings — milliseconds for 50,000 callbacks.
 */
export class SearchIndex {
  private haystacks: Map<string, string> | undefined;

  constructor(
    private readonly rows: RowCache,
    private readonly entries: () => CallbackIndexEntry[],
  ) {}

  update(id: string, entry: CallbackIndexEntry | undefined): void {
    if (!this.haystacks) return;
    if (entry) this.haystacks.set(id, this.haystackOf(entry));
    else this.haystacks.delete(id);
  }

  reset(): void {
    this.haystacks = undefined;
  }

  private haystackOf(entry: CallbackIndexEntry): string {
    const customer = this.rows.get('customers', entry.customerId);
    const inquiry = this.rows.get('inquiries', entry.inquiryId);
    const parts = [
      customer ? normalizeText(customer.name) : '',
      inquiry?.receiptNumber?.toLowerCase() ?? '',
      ...(customer?.phones ?? []).map((p) => p.e164.replace(/^\+1/, '')),
    ];
    return ` ${parts.join(' ')} `;
  }

  /** Callback ids matching every word of `query`; undefined when the query has no usable word. */
  search(query: string): Set<string> | undefined {
    const words = searchWords(query);
    if (words.length === 0) return undefined;
    if (!this.haystacks) {
      this.haystacks = new Map();
      for (const entry of this.entries()) this.haystacks.set(entry.id, this.haystackOf(entry));
    }
    const hits = new Set<string>();
    for (const [id, text] of this.haystacks) {
      if (words.every((w) => text.includes(w))) hits.add(id);
    }
    return hits;
  }
}

/** Lower case, accents removed, so "García" matches "garcia". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Words of a search: "(202) 555-0143" → 202, 555, 0143; "EAC-22-123" → eac22123. */
export function searchWords(query: string): string[] {
  return normalizeText(query)
    .split(/\s+/)
    .map((w) => (/^[a-z]{3}[\d-]+$/.test(w) ? w.replace(/-/g, '') : w))
    .flatMap((w) => w.split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length > 0);
}
