import { addDays, formatLocalDate, weekdayOf, type LocalDate } from '../domain/time/zoned';
import type { ChartSeries } from '../supervisor/charts';
import type { DaySpan } from '../supervisor/days';
import type { ReportChartId } from './lead-report';

/**
 * One figure of a report: `categories` are the rows of its table, `series` the columns
 * (the supervisor view's shape: the screen draws the chart and the table from the same
 * object, and the CSV is written from it too, so none can disagree).
 */
export interface ReportChart {
  id: ReportChartId;
  categories: { key: string; label: string }[];
  series: ChartSeries[];
}

/** A share in percent with one decimal; null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** The Monday of a date's week (weeks start on Monday). */
function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** Sums per day of the range; instants outside it are ignored. */
export interface DayCounter {
  add(instant: number, amount?: number): void;
  byDay(): number[];
  /** The same sums by week (only the range's days count). */
  byWeek(): number[];
}

/**
 * The report range's days (in the callback-hours zone) and weeks, and counters that
 * put an instant on its day.
 */
export class DayBuckets {
  private readonly weekOfDay: number[];
  private readonly weeks: string[] = [];

  constructor(private readonly days: readonly DaySpan[]) {
    this.weekOfDay = days.map((d) => {
      const monday = formatLocalDate(mondayOf(d.date));
      if (this.weeks.at(-1) !== monday) this.weeks.push(monday);
      return this.weeks.length - 1;
    });
  }

  /** Whether an instant falls on one of the range's days. */
  contains(instant: number): boolean {
    const first = this.days[0];
    const last = this.days.at(-1);
    return first !== undefined && last !== undefined && instant >= first.start && instant < last.end;
  }

  /**
   * The range's day an instant falls on (undefined outside the range): a binary search
   * over the days' starts, so a report over many rows does no calendar work per row.
   */
  private dayIndex(instant: number): number | undefined {
    if (!this.contains(instant)) return undefined;
    let low = 0;
    let high = this.days.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.days[mid]?.start ?? Infinity) <= instant) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  dayCategories(): { key: string; label: string }[] {
    return this.days.map((d) => ({ key: d.key, label: d.key }));
  }

  /** Weeks by their Monday's date. */
  weekCategories(): { key: string; label: string }[] {
    return this.weeks.map((key) => ({ key, label: key }));
  }

  counter(): DayCounter {
    const sums = this.days.map(() => 0);
    return {
      add: (instant, amount = 1) => {
        const i = this.dayIndex(instant);
        if (i !== undefined) sums[i] = (sums[i] ?? 0) + amount;
      },
      byDay: () => [...sums],
      byWeek: () => {
        const weekly = this.weeks.map(() => 0);
        sums.forEach((v, i) => {
          const w = this.weekOfDay[i] ?? 0;
          weekly[w] = (weekly[w] ?? 0) + v;
        });
        return weekly;
      },
    };
  }
}
