import { useCallback, useEffect, useRef, useState } from 'react';
import type { DomainError } from '../../../../shared/domain/result';
import type { WorklistRow } from '../../../../shared/ipc';
import { invoke, subscribe } from '../../api/agent-desk';
import { useClockStore } from '../../state/clock-store';
import { toQuery, type WorklistFilters } from './worklist-query';

export const WORKLIST_PAGE_SIZE = 200;

export interface WorklistPages {
  total: number | null;
  rowAt(index: number): WorklistRow | undefined;
  /** Load the pages behind rows [start, end). */
  ensureRange(start: number, end: number): void;
  error: DomainError | null;
  refresh(): void;
}

/**
 * The worklist is sorted and filtered by the desktop core; the renderer asks for
 * the pages it is about to show, so 50,000 callbacks cost no more than one screen.
 * A data change (pull, local change) or a tick re-queries the pages on screen.
 */
export function useWorklistPages(filters: WorklistFilters, refreshMs: number): WorklistPages {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<DomainError | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, WorklistRow[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const range = useRef({ start: 0, end: 1 });

  const loadPage = useCallback(
    async (page: number, force: boolean) => {
      if (!force && (pages.current.has(page) || inflight.current.has(page))) return;
      const gen = generation.current;
      inflight.current.add(page);
      const result = await invoke(
        'worklist.query',
        toQuery(filters, page * WORKLIST_PAGE_SIZE, WORKLIST_PAGE_SIZE),
      );
      inflight.current.delete(page);
      if (gen !== generation.current) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      useClockStore.getState().sync(result.value.now);
      pages.current.set(page, result.value.rows);
      setTotal(result.value.total);
      setVersion((v) => v + 1);
    },
    [filters],
  );

  const ensureRange = useCallback(
    (start: number, end: number) => {
      range.current = { start, end };
      const first = Math.floor(start / WORKLIST_PAGE_SIZE);
      const last = Math.floor(Math.max(start, end - 1) / WORKLIST_PAGE_SIZE);
      for (let page = first; page <= last; page++) void loadPage(page, false);
    },
    [loadPage],
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
