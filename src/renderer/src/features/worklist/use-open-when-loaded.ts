import { useCallback, useEffect, useRef } from 'react';
import type { WorklistRow } from '../../../../shared/ipc';
import type { WorklistPages } from './use-worklist-pages';

/** How long Enter (or `o`) on a row still loading waits for it; then it is let go. */
const PENDING_OPEN_MS = 5_000;

interface PendingOpen {
  index: number;
  act: (row: WorklistRow) => void;
  until: number;
}

/**
 * Opens a row the agent chose even when its page is still loading (just after the
 * filters or the search changed, the list knows the count before the rows): the choice
 * is kept and carried out when the row arrives, unless the agent moved to another row
 * first. Without it Enter on a row being reloaded did nothing at all.
 */
export function useOpenWhenLoaded(
  data: Pick<WorklistPages, 'rowAt' | 'ensureRange'>,
  activeIndex: number,
): (index: number, act: (row: WorklistRow) => void) => void {
  const pending = useRef<PendingOpen | null>(null);
  // After every render: the rows of a page arriving re-render the list.
  useEffect(() => {
    const chosen = pending.current;
    if (!chosen) return;
    if (chosen.index !== activeIndex || Date.now() > chosen.until) {
      pending.current = null;
      return;
    }
    const row = data.rowAt(chosen.index);
    if (!row) return;
    pending.current = null;
    chosen.act(row);
  });
  return useCallback(
    (index, act) => {
      const row = data.rowAt(index);
      if (row) {
        pending.current = null;
        act(row);
        return;
      }
      pending.current = { index, act, until: Date.now() + PENDING_OPEN_MS };
      data.ensureRange(index, index + 1);
    },
    [data],
  );
}
