// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { VirtualList, visibleRange } from '../../../src/renderer/src/components/VirtualList';

afterEach(cleanup);

const ROW = 40;
const VIEWPORT = 400; // 10 rows

function Harness({ count, onActivate }: { count: number; onActivate?: (i: number) => void }) {
  const [active, setActive] = useState(0);
  return (
    <VirtualList
      id="test-list"
      label="Rows"
      count={count}
      rowHeight={ROW}
      fallbackHeight={VIEWPORT}
      overscan={3}
      activeIndex={active}
      onActiveChange={setActive}
      onActivate={onActivate}
      renderRow={(i) => <span>Row {i + 1}</span>}
    />
  );
}

function activeOption(): HTMLElement {
  const listbox = screen.getByRole('listbox');
  const id = listbox.getAttribute('aria-activedescendant');
  if (!id) throw new Error('no active descendant');
  const option = document.getElementById(id);
  if (!option) throw new Error(`active option ${id} is not in the DOM`);
  return option;
}

describe('VirtualList', () => {
  it('renders only a window of rows out of 50,000', () => {
    render(<Harness count={50_000} />);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeLessThanOrEqual(10 + 2 * 3 + 1);
    expect(options[0]).toHaveProperty('textContent', 'Row 1');
    expect(options[0]?.getAttribute('aria-setsize')).toBe('50000');
    // The spacer below holds the height of every row not rendered.
    const spacers = document.querySelectorAll('svg.vlist-spacer');
    expect(spacers[1]?.getAttribute('height')).toBe(String((50_000 - options.length) * ROW));
  });

  it('moves with arrows, pages, Home and End, keeping the active row rendered and selected', async () => {
    const user = userEvent.setup();
    render(<Harness count={50_000} />);
    screen.getByRole('listbox').focus();

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeOption().getAttribute('aria-posinset')).toBe('3');
    expect(activeOption().getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{PageDown}');
    expect(activeOption().getAttribute('aria-posinset')).toBe('13');

    await user.keyboard('{End}');
    expect(activeOption().getAttribute('aria-posinset')).toBe('50000');
    expect(activeOption().textContent).toBe('Row 50000');
    expect(screen.getAllByRole('option').length).toBeLessThanOrEqual(10 + 2 * 3 + 1);
    const top = document.querySelectorAll('svg.vlist-spacer')[0];
    expect(Number(top?.getAttribute('height'))).toBeGreaterThan(49_000 * ROW);

    await user.keyboard('{ArrowUp}');
    expect(activeOption().getAttribute('aria-posinset')).toBe('49999');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeOption().getAttribute('aria-posinset')).toBe('50000');

    await user.keyboard('{Home}');
    expect(activeOption().getAttribute('aria-posinset')).toBe('1');
    await user.keyboard('{ArrowUp}');
    expect(activeOption().getAttribute('aria-posinset')).toBe('1');
  });

  it('activates the active row with Enter and with a double click', async () => {
    const user = userEvent.setup();
    const onActivate = vi.fn();
    render(<Harness count={100} onActivate={onActivate} />);
    screen.getByRole('listbox').focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onActivate).toHaveBeenCalledWith(1);
    await user.dblClick(screen.getByText('Row 5'));
    expect(onActivate).toHaveBeenLastCalledWith(4);
  });

  it('visibleRange always covers the viewport and stays inside the list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 10, max: 100 }),
        fc.integer({ min: 0, max: 10 }),
        (count, scrollTop, height, rowHeight, overscan) => {
          const { start, end } = visibleRange(scrollTop, height, rowHeight, count, overscan);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count);
          const firstVisible = Math.floor(scrollTop / rowHeight);
          const lastVisible = Math.min(count, Math.ceil((scrollTop + height) / rowHeight));
          if (firstVisible < count) {
            expect(start).toBeLessThanOrEqual(firstVisible);
            expect(end).toBeGreaterThanOrEqual(lastVisible);
          }
          expect(end - start).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 1 + 2 * overscan);
        },
      ),
    );
  });
});
