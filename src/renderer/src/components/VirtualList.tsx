import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import './VirtualList.css';

export interface VirtualListProps {
  /** Prefix for option ids (aria-activedescendant points at them). */
  id: string;
  label: string;
  count: number;
  /** Fixed row height in px; the CSS gives rows the same height (--vlist-row-height). */
  rowHeight: number;
  activeIndex: number;
  onActiveChange(index: number): void;
  /** Enter or double click on a row. */
  onActivate?(index: number): void;
  /** Keys the list itself does not handle (shortcuts such as claim), with the active row. */
  onOtherKey?(event: KeyboardEvent<HTMLDivElement>, activeIndex: number): void;
  renderRow(index: number): ReactNode;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** Viewport height to assume when the layout reports none (first paint, jsdom). */
  fallbackHeight?: number;
  /** The rows now rendered, so the owner can load the data behind them. */
  onRangeChange?(start: number, end: number): void;
  describedBy?: string;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-row-${index}`;
}

/** Which rows to render for a scroll position: a pure function so it can be tested on its own. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan: number,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + viewportHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/**
 * A windowed listbox: only the rows in view (plus a few) are in the DOM, so tens of
 * thousands of rows scroll as fast as twenty. Fixed row height keeps the arithmetic
 * exact. Focus stays on the listbox; the active row is announced through
 * aria-activedescendant and always scrolled into view. Space above and below the
 * rendered rows is held by SVG spacers sized with attributes, so no inline style is
 * needed (the CSP forbids them).
 */
export function VirtualList(props: VirtualListProps) {
  const { id, count, rowHeight, activeIndex, onActiveChange, onActivate, onOtherKey, onRangeChange } = props;
  const overscan = props.overscan ?? 6;
  const viewportRef = useRef<HTMLDivElement>(null);
  const height = useViewportHeight(viewportRef, props.fallbackHeight ?? 480);
  const { firstRow, scrollTopRef, onScrollTop, scrollTo } = useScrollWindow(viewportRef, rowHeight);

  const { start, end } = visibleRange(firstRow * rowHeight, height + rowHeight, rowHeight, count, overscan);

  useEffect(() => {
    onRangeChange?.(start, end);
  }, [start, end, onRangeChange]);

  const moveTo = useCallback(
    (index: number) => {
      if (count === 0) return;
      const target = Math.min(count - 1, Math.max(0, index));
      const top = target * rowHeight;
      const bottom = top + rowHeight;
      const scrollTop = scrollTopRef.current;
      if (top < scrollTop) scrollTo(top);
      else if (bottom > scrollTop + height) scrollTo(bottom - height);
      onActiveChange(target);
    },
    [count, rowHeight, height, scrollTo, onActiveChange],
  );

  // Keep the active row in view when the owner moves it (e.g. after a refresh).
  useEffect(() => {
    if (activeIndex >= count && count > 0) onActiveChange(count - 1);
  }, [activeIndex, count, onActiveChange]);

  const pageSize = Math.max(1, Math.floor(height / rowHeight));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = keyTarget(event, activeIndex, pageSize, count);
    if (next !== undefined) {
      event.preventDefault();
      moveTo(next);
      return;
    }
    if (event.key === 'Enter' && count > 0) {
      event.preventDefault();
      moveTo(activeIndex);
      onActivate?.(activeIndex);
      return;
    }
    onOtherKey?.(event, activeIndex);
  };

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    rows.push(
      <VirtualRow
        key={index}
        listId={id}
        index={index}
        active={index === activeIndex}
        count={count}
        onActiveChange={onActiveChange}
        onActivate={onActivate}
        renderRow={props.renderRow}
      />,
    );
  }
  const activeRendered = activeIndex >= start && activeIndex < end;

  return (
    <div
      className="vlist-viewport"
      ref={viewportRef}
      onScroll={(event) => onScrollTop(event.currentTarget.scrollTop)}
    >
      <Spacer height={start * rowHeight} />
      <div
        role="listbox"
        id={id}
        tabIndex={0}
        aria-label={props.label}
        aria-describedby={props.describedBy}
        aria-activedescendant={activeRendered ? optionId(id, activeIndex) : undefined}
        className="vlist"
        onKeyDown={onKeyDown}
      >
        {rows}
      </div>
      <Spacer height={Math.max(0, count - end) * rowHeight} />
    </div>
  );
}

/** The viewport's height in px, followed as it resizes (`fallback` until the layout reports one). */
function useViewportHeight(ref: RefObject<HTMLDivElement | null>, fallback: number): number {
  const [measured, setMeasured] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setMeasured(el.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return measured > 0 ? measured : fallback;
}

/**
 * The scroll position lives in a ref; only the first rendered row is state, so a scroll
 * that stays within the same rows (a slow wheel, a trackpad) renders nothing.
 */
function useScrollWindow(ref: RefObject<HTMLDivElement | null>, rowHeight: number) {
  const scrollTopRef = useRef(0);
  const [firstRow, setFirstRow] = useState(0);
  const onScrollTop = useCallback(
    (top: number) => {
      scrollTopRef.current = top;
      setFirstRow(Math.floor(Math.max(0, top) / rowHeight));
    },
    [rowHeight],
  );
  const scrollTo = useCallback(
    (top: number) => {
      const el = ref.current;
      if (el) el.scrollTop = top;
      onScrollTop(top);
    },
    [onScrollTop],
  );
  return { firstRow, scrollTopRef, onScrollTop, scrollTo };
}

/** The row a navigation key moves to (arrows, page keys, Home, End), or undefined. */
function keyTarget(
  event: KeyboardEvent<HTMLDivElement>,
  activeIndex: number,
  pageSize: number,
  count: number,
): number | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const moves: Record<string, number> = {
    ArrowDown: activeIndex + 1,
    ArrowUp: activeIndex - 1,
    PageDown: activeIndex + pageSize,
    PageUp: activeIndex - pageSize,
    Home: 0,
    End: count - 1,
  };
  return moves[event.key];
}

/** Holds the space of the rows not rendered, sized by attribute (the CSP forbids inline styles). */
function Spacer(props: { height: number }) {
  return (
    <svg className="vlist-spacer" aria-hidden="true" focusable="false" width="1" height={props.height} />
  );
}

interface VirtualRowProps {
  listId: string;
  index: number;
  active: boolean;
  count: number;
  onActiveChange(index: number): void;
  onActivate: ((index: number) => void) | undefined;
  renderRow(index: number): ReactNode;
}

/**
 * One option. Memoized: while the list scrolls only the rows entering the window render;
 * the owner re-renders them all by handing a new `renderRow` (e.g. when a page arrives).
 */
const VirtualRow = memo(function VirtualRow(props: VirtualRowProps) {
  const { listId, index, active, count, onActiveChange, onActivate } = props;
  return (
    <div
      id={optionId(listId, index)}
      role="option"
      aria-selected={active}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={active ? 'vlist-row vlist-row--active' : 'vlist-row'}
      onClick={() => onActiveChange(index)}
      onDoubleClick={() => onActivate?.(index)}
    >
      {props.renderRow(index)}
    </div>
  );
});
