// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { sameRowView } from '../../../src/renderer/src/features/worklist/same-row-view';
import {
  useWorklistPages,
  WORKLIST_KEEP_PAGES,
  WORKLIST_PAGE_SIZE,
} from '../../../src/renderer/src/features/worklist/use-worklist-pages';
import { DEFAULT_FILTERS } from '../../../src/renderer/src/features/worklist/worklist-query';
import {
  planPages,
  scrollDirection,
  type ScrollDirection,
} from '../../../src/renderer/src/features/worklist/worklist-page-plan';
import { FakeHost, ok } from './fake-host';
import { NOW, worklistRow } from './fixtures';

const PAGE = 200;
const plan = (start: number, end: number, direction: ScrollDirection, total: number | null = 50_000) =>
  planPages({ start, end, direction, total, pageSize: PAGE, prefetchRows: PAGE, keepPages: 2 });

describe('planPages', () => {
  it('loads only the pages on screen before the list has scrolled', () => {
    expect(plan(0, 24, 0).wanted).toEqual([0]);
    expect(plan(190, 214, 0).wanted).toEqual([0, 1]);
  });

  it('prefetches the next page in the direction of travel, nearest first', () => {
    expect(plan(20, 44, 1).wanted).toEqual([0, 1]);
    expect(plan(190, 214, 1).wanted).toEqual([0, 1, 2]);
    expect(plan(410, 434, -1).wanted).toEqual([2, 1]);
    expect(plan(10, 34, -1).wanted).toEqual([0]);
  });

  it('never asks past the end of the list', () => {
    expect(plan(49_980, 50_000, 1).wanted).toEqual([249]);
    expect(plan(0, 24, 1, 150).wanted).toEqual([0]);
    expect(plan(0, 0, 1, 0).wanted).toEqual([0]);
  });

  it('keeps a bounded window of pages around the wanted ones', () => {
    expect(plan(10_000, 10_024, 1).keep).toEqual({ first: 48, last: 53 });
    expect(plan(0, 24, -1).keep).toEqual({ first: 0, last: 2 });
  });

  it('wants every page on screen, within the list and within the kept window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60_000 }),
        fc.nat(60_000),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom<ScrollDirection>(-1, 0, 1),
        (total, rawStart, visible, direction) => {
          const start = Math.min(rawStart, total - 1);
          const end = Math.min(total, start + visible);
          const { wanted, keep } = plan(start, end, direction, total);
          const lastPage = Math.floor((total - 1) / PAGE);
          for (let row = start; row < end; row++) expect(wanted).toContain(Math.floor(row / PAGE));
          for (const page of wanted) {
            expect(page).toBeGreaterThanOrEqual(0);
            expect(page).toBeLessThanOrEqual(lastPage);
            expect(page >= keep.first && page <= keep.last).toBe(true);
          }
          expect(new Set(wanted).size).toBe(wanted.length);
          // Screen pages (≤ 2 here) + one prefetched page + the kept margin on each side.
          expect(keep.last - keep.first + 1).toBeLessThanOrEqual(3 + 2 * 2);
        },
      ),
    );
  });
});

describe('scrollDirection', () => {
  it('follows the first rendered row and remembers the last direction while still', () => {
    expect(scrollDirection(10, 14, 0)).toBe(1);
    expect(scrollDirection(14, 10, 1)).toBe(-1);
    expect(scrollDirection(10, 10, -1)).toBe(-1);
    expect(scrollDirection(0, 0, 0)).toBe(0);
  });
});

describe('sameRowView', () => {
  const row = { ...worklistRow(7), attemptsMade: 1, nextAttempt: null, scheduledSlot: null };
  it('ignores a fresh copy and the core’s SLA snapshot, which the countdown recomputes', () => {
    expect(sameRowView(row, { ...row })).toBe(true);
    expect(sameRowView(row, { ...row, sla: { state: 'at-risk', remainingMs: 5 } })).toBe(true);
    expect(sameRowView(undefined, undefined)).toBe(true);
    expect(sameRowView(row, undefined)).toBe(false);
  });

  it('sees every change the row shows', () => {
    const changes = [
      { id: 'cb-other' },
      { customerName: 'Someone Else' },
      { receiptNumber: null },
      { language: 'es' as const },
      { urgency: 'urgent' as const },
      { tier: 1 as const },
      { status: 'closed-resolved' as const },
      { assigneeId: 'u-1' },
      { assigneeName: 'Carmen' },
      { mine: true },
      { dueAt: row.dueAt + 1 },
      { attemptsMade: 2 },
      { pendingSync: true },
      {
        nextAttempt: {
          attemptNumber: 2,
          earliest: NOW,
          latest: NOW + 30 * MINUTE_MS,
          timing: 'in-window' as const,
        },
      },
      { scheduledSlot: { start: NOW, end: NOW + 30 * MINUTE_MS } },
    ];
    for (const change of changes)
      expect(sameRowView(row, { ...row, ...change }), JSON.stringify(change)).toBe(false);
    // The same window, once open and once missed, reads differently (due now / overdue).
    const next = {
      attemptNumber: 2,
      earliest: NOW,
      latest: NOW + 30 * MINUTE_MS,
      timing: 'in-window' as const,
    };
    const open = { ...row, nextAttempt: next };
    expect(sameRowView(open, { ...open, nextAttempt: { ...next, timing: 'late' } })).toBe(false);
    expect(sameRowView(open, { ...open, nextAttempt: { ...next, latest: NOW + 31 * MINUTE_MS } })).toBe(
      false,
    );
  });
});

describe('useWorklistPages', () => {
  let host: FakeHost;
  const TOTAL = 50_000;
  beforeEach(() => {
    host = new FakeHost().handle('worklist.query', (q) => {
      const offset = q.offset ?? 0;
      const rows = [];
      for (let i = offset; i < Math.min(TOTAL, offset + (q.limit ?? 100)); i++) rows.push(worklistRow(i));
      return ok({ total: TOTAL, offset, rows, now: NOW });
    });
    setAgentDeskApi(host);
  });
  afterEach(() => {
    cleanup();
    setAgentDeskApi(undefined);
  });
  const offsets = () => (host.callsTo('worklist.query') as Array<{ offset: number }>).map((q) => q.offset);

  it('asks for the next page ahead of the viewport while scrolling, and drops far pages', async () => {
    const { result } = renderHook(() => useWorklistPages(DEFAULT_FILTERS, MINUTE_MS));
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    act(() => result.current.ensureRange(0, 24));
    expect(offsets()).toEqual([0]);

    // Scrolling down inside page 0: page 1 is fetched before any of its rows is on screen.
    act(() => result.current.ensureRange(20, 44));
    await waitFor(() =>
      expect(result.current.rowAt(WORKLIST_PAGE_SIZE)?.id).toBe(`cb-${WORKLIST_PAGE_SIZE}`),
    );
    expect(offsets()).toEqual([0, WORKLIST_PAGE_SIZE]);

    // Far down the list: the pages near the top are let go, the ones around the viewport load.
    const far = 100 * WORKLIST_PAGE_SIZE;
    act(() => result.current.ensureRange(far, far + 24));
    await waitFor(() =>
      expect(result.current.rowAt(far + WORKLIST_PAGE_SIZE)?.id).toBe(`cb-${far + WORKLIST_PAGE_SIZE}`),
    );
    expect(result.current.rowAt(0)).toBeUndefined();
    expect(result.current.rowAt(far)?.id).toBe(`cb-${far}`);

    // Back up: the page coming on screen, then the one before it (direction up); kept pages are not asked again.
    const before = offsets().length;
    act(() => result.current.ensureRange(far - 10, far + 14));
    await waitFor(() => expect(result.current.rowAt(far - 1)?.id).toBe(`cb-${far - 1}`));
    expect(offsets().slice(before)).toEqual([far - WORKLIST_PAGE_SIZE, far - 2 * WORKLIST_PAGE_SIZE]);
    expect(WORKLIST_KEEP_PAGES).toBeGreaterThan(0);
  });

  it('asks for a page once while it is on its way', async () => {
    const { result } = renderHook(() => useWorklistPages(DEFAULT_FILTERS, MINUTE_MS));
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    host.handle('worklist.query', async (q) => {
      await gate;
      return ok({ total: TOTAL, offset: q.offset ?? 0, rows: [worklistRow(q.offset ?? 0)], now: NOW });
    });
    act(() => {
      result.current.ensureRange(0, 24);
      result.current.ensureRange(4, 28);
      result.current.ensureRange(8, 32);
    });
    expect(offsets()).toEqual([0, WORKLIST_PAGE_SIZE]);
    release();
    await waitFor(() =>
      expect(result.current.rowAt(WORKLIST_PAGE_SIZE)?.id).toBe(`cb-${WORKLIST_PAGE_SIZE}`),
    );
    expect(offsets()).toEqual([0, WORKLIST_PAGE_SIZE]);
  });

  it('re-queries the pages on screen when its tables change, and only then', async () => {
    const { result } = renderHook(() => useWorklistPages(DEFAULT_FILTERS, MINUTE_MS));
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    act(() => result.current.ensureRange(0, 24));
    const before = offsets().length;
    // A teammate's presence, a script, an expedite request: nothing a worklist row shows.
    for (const tables of [['presence'], ['scripts'], ['expedite_requests', 'presence']])
      act(() => host.emit('dataChanged', { tables }));
    expect(offsets()).toHaveLength(before);
    for (const table of ['callbacks', 'customers', 'inquiries', 'users'])
      act(() => host.emit('dataChanged', { tables: ['presence', table] }));
    expect(offsets()).toHaveLength(before + 4);
  });
});
