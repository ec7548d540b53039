// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../../src/shared/ipc';
import { useOpenWhenLoaded } from '../../../src/renderer/src/features/worklist/use-open-when-loaded';
import { worklistRow } from './fixtures';

afterEach(cleanup);

/** The list's rows as the page cache holds them: some indexes not loaded yet. */
function pages() {
  const rows = new Map<number, WorklistRow>();
  const asked: number[] = [];
  return {
    rows,
    asked,
    data: { rowAt: (i: number) => rows.get(i), ensureRange: (start: number) => void asked.push(start) },
  };
}

describe('opening a worklist row that is still loading (Enter, o)', () => {
  it('opens a loaded row at once', () => {
    const { rows, data } = pages();
    rows.set(0, worklistRow(0));
    const opened: string[] = [];
    const { result } = renderHook(() => useOpenWhenLoaded(data, 0));
    act(() => result.current(0, (row) => opened.push(row.id)));
    expect(opened).toEqual([worklistRow(0).id]);
  });

  it('keeps the choice while the row loads and carries it out when it arrives', () => {
    const { rows, asked, data } = pages();
    const opened: string[] = [];
    const { result, rerender } = renderHook(({ active }) => useOpenWhenLoaded(data, active), {
      initialProps: { active: 3 },
    });
    act(() => result.current(3, (row) => opened.push(row.id)));
    expect(opened).toEqual([]);
    expect(asked).toEqual([3]);
    rerender({ active: 3 }); // another answer, not this row's yet
    expect(opened).toEqual([]);
    rows.set(3, worklistRow(3));
    rerender({ active: 3 });
    expect(opened).toEqual([worklistRow(3).id]);
    rerender({ active: 3 });
    expect(opened).toHaveLength(1);
  });

  it('lets the choice go when the agent moves to another row before it arrives', () => {
    const { rows, data } = pages();
    const opened: string[] = [];
    const { result, rerender } = renderHook(({ active }) => useOpenWhenLoaded(data, active), {
      initialProps: { active: 3 },
    });
    act(() => result.current(3, (row) => opened.push(row.id)));
    rerender({ active: 4 });
    rows.set(3, worklistRow(3));
    rerender({ active: 3 });
    expect(opened).toEqual([]);
  });
});
