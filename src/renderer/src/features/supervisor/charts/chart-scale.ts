/**
 * Axis arithmetic for the small SVG charts: a "nice" top value (1, 2, 2.5 or 5
 * times a power of ten, never below the data) and evenly spaced ticks.
 */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/** How many steps divide `top` into whole numbers (counts read badly as "2.5 callbacks"). */
export function tickCount(top: number): number {
  return [4, 5, 2, 1].find((n) => Number.isInteger(top / n)) ?? 4;
}

/** `count` + 1 ticks from 0 to `top` inclusive. */
export function ticks(top: number, count = tickCount(top)): number[] {
  const out: number[] = [];
  for (let i = 0; i <= count; i++) out.push(Math.round(((top * i) / count) * 100) / 100);
  return out;
}

/** The largest stack of non-null values per category (what a stacked bar chart must fit). */
export function stackedMax(series: readonly { values: readonly (number | null)[] }[]): number {
  const length = Math.max(0, ...series.map((s) => s.values.length));
  let max = 0;
  for (let i = 0; i < length; i++) {
    const sum = series.reduce((total, s) => total + (s.values[i] ?? 0), 0);
    if (sum > max) max = sum;
  }
  return max;
}
