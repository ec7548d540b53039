interface Chunk {
  dues: number[];
  ids: string[];
}

/** Entries per chunk before it splits: small splices, few chunks to walk. */
const CHUNK_MAX = 1024;

const before = (d1: number, i1: string, d2: number, i2: string) => d1 < d2 || (d1 === d2 && i1 < i2);

/**
 * Open callbacks ordered by (dueAt, id): "due soon", "overdue", "due today" and the
 * backlog buckets are ranges of due times, so they are counted and listed by
 * position — never by testing every open callback. Kept as a list of sorted chunks
 * (a one-level B-tree): an insert or removal is two binary searches and a splice
 * of at most CHUNK_MAX entries (one big sorted array costs ~60 µs per insert at
 * 50,000 because of the splice); a range count walks the chunk sizes (~50 chunks at
 * 50,000) and binary-searches two chunks.
 */
export class SortedDueIndex {
  private readonly chunks: Chunk[] = [];
  private total = 0;

  get size(): number {
    return this.total;
  }

  /** The chunk that holds (or would hold) the key: the first whose last entry is not before it. */
  private chunkFor(due: number, id: string): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.chunks[mid] as Chunk;
      const last = c.dues.length - 1;
      if (before(c.dues[last] as number, c.ids[last] as string, due, id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static lowerBound(c: Chunk, due: number, id: string): number {
    let lo = 0;
    let hi = c.dues.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(c.dues[mid] as number, c.ids[mid] as string, due, id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Entries of `c` with due <= x. */
  private static upperBound(c: Chunk, x: number): number {
    let lo = 0;
    let hi = c.dues.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((c.dues[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(due: number, id: string): void {
    if (this.chunks.length === 0) {
      this.chunks.push({ dues: [due], ids: [id] });
      this.total = 1;
      return;
    }
    const ci = this.chunkFor(due, id);
    const c = this.chunks[ci] as Chunk;
    const at = SortedDueIndex.lowerBound(c, due, id);
    if (c.dues[at] === due && c.ids[at] === id) return;
    c.dues.splice(at, 0, due);
    c.ids.splice(at, 0, id);
    this.total += 1;
    if (c.dues.length > CHUNK_MAX) {
      const half = c.dues.length >> 1;
      this.chunks.splice(ci + 1, 0, { dues: c.dues.splice(half), ids: c.ids.splice(half) });
    }
  }

  remove(due: number, id: string): boolean {
    if (this.chunks.length === 0) return false;
    const ci = this.chunkFor(due, id);
    const c = this.chunks[ci] as Chunk;
    const at = SortedDueIndex.lowerBound(c, due, id);
    if (c.dues[at] !== due || c.ids[at] !== id) return false;
    c.dues.splice(at, 1);
    c.ids.splice(at, 1);
    this.total -= 1;
    if (c.dues.length === 0) this.chunks.splice(ci, 1);
    return true;
  }

  /** How many have due <= x. */
  private rank(x: number): number {
    let n = 0;
    for (const c of this.chunks) {
      if ((c.dues[c.dues.length - 1] as number) <= x) n += c.dues.length;
      else return n + SortedDueIndex.upperBound(c, x);
    }
    return n;
  }

  /** How many have after < due <= atOrBefore. */
  count(after: number, atOrBefore: number): number {
    if (atOrBefore <= after) return 0;
    return this.rank(atOrBefore) - this.rank(after);
  }

  /** Their ids, earliest due first. */
  idsIn(after: number, atOrBefore: number): string[] {
    const out: string[] = [];
    if (atOrBefore <= after) return out;
    for (const c of this.chunks) {
      if ((c.dues[c.dues.length - 1] as number) <= after) continue;
      if ((c.dues[0] as number) > atOrBefore) break;
      const from = SortedDueIndex.upperBound(c, after);
      const to = SortedDueIndex.upperBound(c, atOrBefore);
      for (let i = from; i < to; i++) out.push(c.ids[i] as string);
    }
    return out;
  }
}
