/**
 * Which worklist pages to load and which to keep, for the rows on screen: pure, so
 * the prefetch and the memory bound can be tested without React or a host.
 */

/** -1 scrolling up, 1 scrolling down, 0 not scrolled yet (no guess: nothing is prefetched). */
export type ScrollDirection = -1 | 0 | 1;

export interface PagePlanInput {
  /** Rows rendered now, [start, end). */
  start: number;
  end: number;
  direction: ScrollDirection;
  /** Rows in the list, or null before the first answer (then only the rendered rows count). */
  total: number | null;
  pageSize: number;
  /** How far ahead of the rendered rows, in the scroll direction, pages are fetched. */
  prefetchRows: number;
  /** Pages kept beyond each edge of the wanted ones; the rest are dropped so memory stays bounded. */
  keepPages: number;
}

export interface PagePlan {
  /** Pages that must be in memory, nearest to the viewport first (the order to fetch them in). */
  wanted: number[];
  /** Pages that may stay in memory: [first, last]. Anything outside is dropped. */
  keep: { first: number; last: number };
}

export function pageOf(index: number, pageSize: number): number {
  return Math.floor(Math.max(0, index) / pageSize);
}

/**
 * The pages behind the rendered rows, plus — once the list is scrolling — the rows
 * `prefetchRows` ahead in the scroll direction, so a page is on its way before the
 * viewport reaches it instead of when it does (a fling crosses a 200-row page in
 * under a second; the core answers in 10–170 ms).
 */
export function planPages(input: PagePlanInput): PagePlan {
  const { start, end, direction, total, pageSize, prefetchRows, keepPages } = input;
  const lastRow = total === null ? Math.max(start, end - 1) : Math.max(0, total - 1);
  const clampRow = (row: number) => Math.min(Math.max(0, row), lastRow);
  const first = pageOf(clampRow(start), pageSize);
  const last = pageOf(clampRow(Math.max(start, end - 1)), pageSize);
  const wanted: number[] = [];
  for (let page = first; page <= last; page++) wanted.push(page);
  if (direction > 0) {
    const ahead = pageOf(clampRow(Math.max(start, end - 1) + prefetchRows), pageSize);
    for (let page = last + 1; page <= ahead; page++) wanted.push(page);
  } else if (direction < 0) {
    const ahead = pageOf(clampRow(start - prefetchRows), pageSize);
    for (let page = first - 1; page >= ahead; page--) wanted.push(page);
  }
  const lowest = Math.min(...wanted);
  const highest = Math.max(...wanted);
  return { wanted, keep: { first: Math.max(0, lowest - keepPages), last: highest + keepPages } };
}

/** The direction of travel from one rendered range to the next (unchanged when the range did not move). */
export function scrollDirection(
  previousStart: number,
  start: number,
  previous: ScrollDirection,
): ScrollDirection {
  if (start > previousStart) return 1;
  if (start < previousStart) return -1;
  return previous;
}
