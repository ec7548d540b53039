/**
 * Windows has no badge count (app.setBadgeCount does nothing there): the taskbar
 * shows a small overlay icon on the app's button instead. This draws it — a red
 * disc with the number of callbacks due (1–9, then "9+") — as raw pixels for
 * nativeImage.createFromBitmap, so no image files or drawing library are needed.
 */

export interface Bitmap {
  width: number;
  height: number;
  /** BGRA, premultiplied alpha (what Chromium's bitmaps hold). */
  pixels: Buffer;
}

/** 3×5 glyphs, one string per row, '#' = ink. */
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '###', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '..#', '..#'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};
const GLYPH_W = 3;
const GLYPH_H = 5;
/** #B50909 on white text: contrast 6.9:1. */
const DISC = { r: 0xb5, g: 0x09, b: 0x09 };

export function overlayText(dueCount: number): string {
  if (dueCount <= 0) return '';
  return dueCount > 9 ? '9+' : String(dueCount);
}

/** What a screen reader says for the overlay (the icon's description). */
export function overlayDescription(dueCount: number): string {
  return dueCount === 1 ? '1 callback needs attention' : `${dueCount} callbacks need attention`;
}

/** The overlay for `dueCount`, `size` pixels square (32 = 16 logical pixels at 200 %); null hides it. */
export function overlayBitmap(dueCount: number, size = 32): Bitmap | null {
  const text = overlayText(dueCount);
  if (text === '') return null;
  const pixels = Buffer.alloc(size * size * 4);
  const put = (x: number, y: number, rgb: { r: number; g: number; b: number }, alpha: number) => {
    const at = (y * size + x) * 4;
    pixels[at] = Math.round(rgb.b * alpha);
    pixels[at + 1] = Math.round(rgb.g * alpha);
    pixels[at + 2] = Math.round(rgb.r * alpha);
    pixels[at + 3] = Math.round(255 * alpha);
  };
  const centre = (size - 1) / 2;
  const radius = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Coverage of the disc's edge, for a smooth rim.
      const coverage = Math.min(1, Math.max(0, radius - Math.hypot(x - centre, y - centre)));
      if (coverage > 0) put(x, y, DISC, coverage);
    }
  }
  const glyphs = [...text].map((c) => GLYPHS[c] ?? []);
  const columns = glyphs.length * GLYPH_W + (glyphs.length - 1);
  const scale = Math.max(
    1,
    Math.floor((size * (glyphs.length === 1 ? 0.62 : 0.7)) / Math.max(columns, GLYPH_H)),
  );
  const left = Math.round((size - columns * scale) / 2);
  const top = Math.round((size - GLYPH_H * scale) / 2);
  glyphs.forEach((rows, index) => {
    rows.forEach((row, gy) => {
      [...row].forEach((cell, gx) => {
        if (cell !== '#') return;
        const x0 = left + (index * (GLYPH_W + 1) + gx) * scale;
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++)
            put(x0 + dx, top + gy * scale + dy, { r: 255, g: 255, b: 255 }, 1);
      });
    });
  });
  return { width: size, height: size, pixels };
}
