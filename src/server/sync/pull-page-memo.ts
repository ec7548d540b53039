/**
 * Remembers computed pull pages for the life of one server version. A page is a
 * pure function of (scope, cursor, limit) and the committed data, and the data
 * cannot change without the version moving (every write stamps a new version),
 * so an entry is valid exactly while the version it was computed at is current.
 * After a poke, every up-to-date desktop of a team asks for the same range: one
 * computes it, the rest reuse it. Bounded by rows held, oldest entry first out.
 */
export class PullPageMemo<P extends { rows: readonly unknown[] }> {
  private version = -1;
  private readonly pages = new Map<string, P>();
  private heldRows = 0;

  constructor(private readonly maxRows = 20_000) {}

  /** The page for `key` at `version` if it is known. */
  peek(key: string, version: number): P | undefined {
    return version === this.version ? this.pages.get(key) : undefined;
  }

  /** The page for `key` at `version`, computing (and remembering) it on a miss. */
  get(key: string, version: number, compute: () => P): P {
    // A read that finished after a newer one (reads are asynchronous on PostgreSQL) is not kept.
    if (version < this.version) return compute();
    if (version !== this.version) {
      this.pages.clear();
      this.heldRows = 0;
      this.version = version;
    }
    const known = this.pages.get(key);
    if (known) return known;
    const page = compute();
    const weight = page.rows.length + 1;
    if (weight > this.maxRows) return page;
    while (this.heldRows + weight > this.maxRows) {
      const oldest = this.pages.keys().next();
      if (oldest.done) break;
      this.heldRows -= (this.pages.get(oldest.value)?.rows.length ?? 0) + 1;
      this.pages.delete(oldest.value);
    }
    this.pages.set(key, page);
    this.heldRows += weight;
    return page;
  }

  /** Pages held (tests). */
  get size(): number {
    return this.pages.size;
  }
}
