import { describe, expect, it } from 'vitest';
import { NotificationKeeper, type ShownNotification } from '../../../src/main/electron/notification-keeper';
import { dueBadge } from '../../../src/main/electron/notifications';
import { overlayBitmap, overlayText } from '../../../src/main/electron/overlay-badge';

class FakeNotification implements ShownNotification {
  listeners = new Map<string, () => void>();
  shown = false;
  closed = false;
  on(event: 'click' | 'close' | 'failed', listener: () => void) {
    this.listeners.set(event, listener);
    return this;
  }
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
    this.listeners.get('close')?.();
  }
}

describe('NotificationKeeper', () => {
  it('keeps the shown notification referenced until it is clicked, closed or replaced', () => {
    const keeper = new NotificationKeeper<FakeNotification>();
    let clicks = 0;
    const first = new FakeNotification();
    keeper.show(first, () => (clicks += 1));
    expect(first.shown).toBe(true);
    expect(keeper.kept).toBe(first);

    const second = new FakeNotification();
    keeper.show(second, () => (clicks += 10));
    expect(first.closed).toBe(true);
    expect(keeper.kept).toBe(second);

    second.listeners.get('click')?.();
    expect(clicks).toBe(10);
    expect(keeper.kept).toBeUndefined();
  });

  it('lets go of one that failed to show', () => {
    const keeper = new NotificationKeeper<FakeNotification>();
    const note = new FakeNotification();
    keeper.show(note, () => {});
    note.listeners.get('failed')?.();
    expect(keeper.kept).toBeUndefined();
  });
});

describe('the due badge on each OS', () => {
  it('macOS: Dock text; Linux: launcher count; Windows: an overlay icon with a description', () => {
    expect(dueBadge('darwin', 120)).toEqual({ kind: 'dock', text: '99+' });
    expect(dueBadge('linux', 3)).toEqual({ kind: 'count', count: 3 });
    const windows = dueBadge('win32', 3);
    expect(windows).toMatchObject({ kind: 'overlay', description: '3 callbacks need attention' });
    expect(windows.kind === 'overlay' && windows.bitmap?.width).toBe(32);
    expect(dueBadge('win32', 0)).toEqual({ kind: 'overlay', bitmap: null, description: '' });
  });

  it('the overlay shows 1–9, then 9+', () => {
    expect([0, 1, 9, 10, 500].map(overlayText)).toEqual(['', '1', '9', '9+', '9+']);
  });

  it('draws a red disc with white digits, transparent corners, premultiplied BGRA', () => {
    const bitmap = overlayBitmap(7, 32);
    if (!bitmap) throw new Error('expected a bitmap');
    expect(bitmap.pixels).toHaveLength(32 * 32 * 4);
    const pixel = (x: number, y: number) => [
      ...bitmap.pixels.subarray((y * 32 + x) * 4, (y * 32 + x) * 4 + 4),
    ];
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(3, 16)).toEqual([0x09, 0x09, 0xb5, 255]);
    const white = [...Array(32 * 32).keys()].filter((i) => bitmap.pixels.readUInt32LE(i * 4) === 0xffffffff);
    expect(white.length).toBeGreaterThan(20);
    // Different counts draw differently.
    expect(overlayBitmap(1, 32)?.pixels.equals(bitmap.pixels)).toBe(false);
  });
});
