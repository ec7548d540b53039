/** The drawing area inside each chart's viewBox (the SVG scales to its box; text stays proportional). */
export const PLOT = {
  viewWidth: 640,
  viewHeight: 260,
  left: 44,
  top: 12,
  width: 580,
  height: 180,
} as const;

const DAY_KEY = /^\d{4}-(\d{2})-(\d{2})$/;

/** Axis text: "03-14" for a day (the full date is in the table and the tooltip), else the label. */
export function axisLabel(key: string, label: string): string {
  const day = DAY_KEY.exec(key);
  return day ? `${day[1]}-${day[2]}` : label;
}
