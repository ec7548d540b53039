import type { DomainError } from '../../../../shared/domain/result';
import type { IpcResult, WorklistPage, WorklistRow } from '../../../../shared/ipc';
import { planPages, scrollDirection, type ScrollDirection } from './worklist-page-plan';

export const WORKLIST_PAGE_SIZE = 200;
/**
 * A page ahead of the viewport, in the direction of travel: at a fling (~250 rows/s)
 * that is most of a second for the core to answer before the rows are on screen.
 */
export const WORKLIST_PREFETCH_ROWS = WORKLIST_PAGE_SIZE;
/** Pages kept beyond the wanted ones (for scrolling back); farther pages are dropped. */
export const WORKLIST_KEEP_PAGES = 2;

/** How the cache asks the core for one page (of the current filter set). */
export type PageQuery = (offset: number, limit: number) => Promise<IpcResult<WorklistPage>>;
/** What came back, for the cache's owner. */
export type PageAnswer = { ok: true; total: number; now: number } | { ok: false; error: DomainError };

/**
 * The worklist pages the renderer holds: the ones on screen, the next ones in the
 * scroll direction, and a few behind; the rest are dropped. Plain state, no React:
 * useWorklistPages owns one.
 */
export class WorklistPageCache {
  private readonly pages = new Map<number, WorklistRow[]>();
  private readonly inflight = new Set<number>();
  private range = { start: 0, end: 1 };
  private direction: ScrollDirection = 0;
  private knownTotal: number | null = null;
  /** Bumped by each new filter set: answers to older queries are dropped. */
  private generation = 0;
  private query: PageQuery | undefined;

  constructor(private readonly answered: (answer: PageAnswer) => void) {}

  /** New filters: start over (the viewport stays where it is) with the first page. */
  restart(query: PageQuery): void {
    this.generation += 1;
    this.query = query;
    this.pages.clear();
    this.inflight.clear();
    this.knownTotal = null;
    this.direction = 0;
    void this.load(0, true);
  }

  rowAt(index: number): WorklistRow | undefined {
    return this.pages.get(Math.floor(index / WORKLIST_PAGE_SIZE))?.[index % WORKLIST_PAGE_SIZE];
  }

  /** Load the pages behind rows [start, end), and the next ones in the scroll direction. */
  ensureRange(start: number, end: number): void {
    this.direction = scrollDirection(this.range.start, start, this.direction);
    this.range = { start, end };
    const { wanted, keep } = this.plan();
    for (const page of this.pages.keys()) if (page < keep.first || page > keep.last) this.pages.delete(page);
    for (const page of wanted) void this.load(page, false);
  }

  /** Re-query the pages on screen; keep them until the fresh ones arrive, drop the rest. */
  refresh(): void {
    const first = Math.floor(this.range.start / WORKLIST_PAGE_SIZE);
    const last = Math.floor(Math.max(this.range.start, this.range.end - 1) / WORKLIST_PAGE_SIZE);
    for (const page of [...this.pages.keys()]) if (page < first || page > last) this.pages.delete(page);
    for (let page = first; page <= last; page++) void this.load(page, true);
  }

  private async load(page: number, force: boolean): Promise<void> {
    const { query, generation } = this;
    if (!query || (!force && (this.pages.has(page) || this.inflight.has(page)))) return;
    this.inflight.add(page);
    const result = await query(page * WORKLIST_PAGE_SIZE, WORKLIST_PAGE_SIZE);
    if (generation !== this.generation) return;
    this.inflight.delete(page);
    if (!result.ok) return this.answered(result);
    const { keep } = this.plan();
    if (page >= keep.first && page <= keep.last) this.pages.set(page, result.value.rows);
    this.knownTotal = result.value.total;
    this.answered({ ok: true, total: result.value.total, now: result.value.now });
  }

  private plan() {
    return planPages({
      ...this.range,
      direction: this.direction,
      total: this.knownTotal,
      pageSize: WORKLIST_PAGE_SIZE,
      prefetchRows: WORKLIST_PREFETCH_ROWS,
      keepPages: WORKLIST_KEEP_PAGES,
    });
  }
}
