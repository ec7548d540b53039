import { useCallback, useEffect, useState } from 'react';
import type { DomainError } from '../../../../shared/domain/result';
import type { WorklistRow } from '../../../../shared/ipc';
import { invoke, onDataChanged } from '../../api/agent-desk';
import { useClockStore } from '../../state/clock-store';
import { WorklistPageCache } from './worklist-page-cache';
import { toQuery, type WorklistFilters } from './worklist-query';

export { WORKLIST_KEEP_PAGES, WORKLIST_PAGE_SIZE, WORKLIST_PREFETCH_ROWS } from './worklist-page-cache';

export interface WorklistPages {
  total: number | null;
  rowAt(index: number): WorklistRow | undefined;
  /** Load the pages behind rows [start, end), and the next ones in the scroll direction. */
  ensureRange(start: number, end: number): void;
  error: DomainError | null;
  refresh(): void;
}

/**
 * The tables a worklist row is read from: callbacks, their customers (name,
 * language) and inquiries (receipt number), and users (assignee names).
 */
export const WORKLIST_TABLES = ['callbacks', 'customers', 'inquiries', 'users'] as const;

/**
 * The worklist is sorted and filtered by the desktop core; the renderer asks for
 * the pages it is about to show, so 50,000 callbacks cost no more than one screen.
 * A change to one of its tables (pull, local change) or a tick re-queries the pages
 * on screen. Rows not loaded yet render as placeholders; nothing waits for an answer.
 */
// Over ~80 lines: left whole while its refresh on data changes (issue 12, item 8) is reworked on another branch; split it after that lands.
export function useWorklistPages(filters: WorklistFilters, refreshMs: number): WorklistPages {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<DomainError | null>(null);
  const [, setVersion] = useState(0);

  const [cache] = useState(
    () =>
      new WorklistPageCache((answer) => {
        if (!answer.ok) return setError(answer.error);
        setError(null);
        useClockStore.getState().sync(answer.now);
        setTotal(answer.total);
        setVersion((v) => v + 1);
      }),
  );
  // New filters: start over.
  useEffect(() => {
    setTotal(null);
    cache.restart((offset, limit) => invoke('worklist.query', toQuery(filters, offset, limit)));
  }, [cache, filters]);

  const refresh = useCallback(() => cache.refresh(), [cache]);
  useEffect(() => onDataChanged(WORKLIST_TABLES, refresh), [refresh]);
  useEffect(() => {
    const id = window.setInterval(refresh, refreshMs);
    return () => window.clearInterval(id);
  }, [refresh, refreshMs]);

  const rowAt = useCallback((index: number) => cache.rowAt(index), [cache]);
  const ensureRange = useCallback((start: number, end: number) => cache.ensureRange(start, end), [cache]);
  return { total, rowAt, ensureRange, error, refresh };
}
