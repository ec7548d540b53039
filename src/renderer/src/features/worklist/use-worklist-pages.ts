import { useCallback, useEffect, useRef, useState } from 'react';
import type { DomainError } from '../../../../shared/domain/result';
import type { WorklistRow } from '../../../../shared/ipc';
import { invoke, subscribe } from '../../api/agent-desk';
import { useClockStore } from '../../state/clock-store';
import { planPages, scrollDirection, type ScrollDirection } from './worklist-page-plan';
import { toQuery, type WorklistFilters } from './worklist-query';

export const WORKLIST_PAGE_SIZE = 200;
/**
 * A page ahead of the viewport, in the direction of travel: at a fling (~250 rows/s)
 * that is most of a second for the core to answer before the rows are on screen.
 */
export const WORKLIST_PREFETCH_ROWS = WORKLIST_PAGE_SIZE;
/** Pages kept beyond the wanted ones (for scrolling back); farther pages are dropped. */
export const WORKLIST_KEEP_PAGES = 2;

export interface WorklistPages {
  total: number | null;
  rowAt(index: number): WorklistRow | undefined;
  /** Load the pages behind rows [start, end), and the next ones in the scroll direction. */
  ensureRange(start: number, end: number): void;
  error: DomainError | null;
  refresh(): void;
}

/**
 * The worklist is sorted and filtered by the desktop core; the renderer asks for
 * the pages it is about to show, so 50,000 callbacks cost no more than one screen.
 * A data change (pull, local change) or a tick re-queries the pages on screen.
 * Rows not loaded yet render as placeholders; nothing waits for an answer.
 */
// Over ~80 lines: left whole while its refresh on data changes (issue 12, item 8) is reworked on another branch; split it after that lands.
export function useWorklistPages(filters: WorklistFilters, refreshMs: number): WorklistPages {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<DomainError | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, WorklistRow[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const range = useRef({ start: 0, end: 1 });
  const direction = useRef<ScrollDirection>(0);
  const knownTotal = useRef<number | null>(null);

  const plan = useCallback(
    () =>
      planPages({
        ...range.current,
        direction: direction.current,
        total: knownTotal.current,
        pageSize: WORKLIST_PAGE_SIZE,
        prefetchRows: WORKLIST_PREFETCH_ROWS,
        keepPages: WORKLIST_KEEP_PAGES,
      }),
    [],
  );

  const loadPage = useCallback(
    async (page: number, force: boolean) => {
      if (!force && (pages.current.has(page) || inflight.current.has(page))) return;
      const gen = generation.current;
      inflight.current.add(page);
      const result = await invoke(
        'worklist.query',
        toQuery(filters, page * WORKLIST_PAGE_SIZE, WORKLIST_PAGE_SIZE),
      );
      if (gen !== generation.current) return;
      inflight.current.delete(page);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      useClockStore.getState().sync(result.value.now);
      const { keep } = plan();
      if (page >= keep.first && page <= keep.last) pages.current.set(page, result.value.rows);
      knownTotal.current = result.value.total;
      setTotal(result.value.total);
      setVersion((v) => v + 1);
    },
    [filters, plan],
  );

  const ensureRange = useCallback(
    (start: number, end: number) => {
      direction.current = scrollDirection(range.current.start, start, direction.current);
      range.current = { start, end };
      const { wanted, keep } = plan();
      for (const page of pages.current.keys()) {
        if (page < keep.first || page > keep.last) pages.current.delete(page);
      }
      for (const page of wanted) void loadPage(page, false);
    },
    [loadPage, plan],
  );

  const refresh = useCallback(() => {
    // Keep what is on screen until the fresh pages arrive; drop the rest.
    const { start, end } = range.current;
    const first = Math.floor(start / WORKLIST_PAGE_SIZE);
    const last = Math.floor(Math.max(start, end - 1) / WORKLIST_PAGE_SIZE);
    for (const page of [...pages.current.keys()]) if (page < first || page > last) pages.current.delete(page);
    for (let page = first; page <= last; page++) void loadPage(page, true);
  }, [loadPage]);

  // New filters: start over.
  useEffect(() => {
    generation.current += 1;
    pages.current.clear();
    inflight.current.clear();
    knownTotal.current = null;
    direction.current = 0;
    setTotal(null);
    void loadPage(0, true);
  }, [loadPage]);

  useEffect(() => subscribe('dataChanged', () => refresh()), [refresh]);

  useEffect(() => {
    const id = window.setInterval(refresh, refreshMs);
    return () => window.clearInterval(id);
  }, [refresh, refreshMs]);

  const rowAt = useCallback((index: number) => {
    const page = pages.current.get(Math.floor(index / WORKLIST_PAGE_SIZE));
    return page?.[index % WORKLIST_PAGE_SIZE];
  }, []);

  return { total, rowAt, ensureRange, error, refresh };
}
