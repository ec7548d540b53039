import { z } from 'zod';
import type { Policy } from '../domain/policy';
import { addDays, compareDates, parseLocalDate, type LocalDate } from '../domain/time/zoned';
import { teamSchema } from '../sync/rows/common';
import { daySpan, type DaySpan } from '../supervisor/days';

/** The longest range one report covers (bounds the server's work; a view setting, not a rule). */
export const REPORT_MAX_DAYS = 366;

const localDateText = z
  .string()
  .refine((text) => parseLocalDate(text) !== undefined, 'a date is written YYYY-MM-DD and must exist');

const daysBetween = (from: LocalDate, to: LocalDate) =>
  Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000,
  );

/**
 * A lead report's question: the days from `from` to `to` (both included, days in the
 * callback-hours zone) and the team. A lead gets their own team (naming another is
 * refused); an administrator names one team, or none for all teams together.
 */
export const reportQuerySchema = z
  .object({
    from: localDateText,
    to: localDateText,
    team: teamSchema.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const from = parseLocalDate(q.from);
    const to = parseLocalDate(q.to);
    if (!from || !to) return;
    if (compareDates(from, to) > 0) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'the range ends before it starts' });
    } else if (daysBetween(from, to) + 1 > REPORT_MAX_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `a report covers at most ${REPORT_MAX_DAYS} days`,
      });
    }
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The range's days, oldest first (the query was validated: both dates exist, in order). */
export function reportDays(query: Pick<ReportQuery, 'from' | 'to'>, policy: Policy): DaySpan[] {
  const from = parseLocalDate(query.from) as LocalDate;
  const to = parseLocalDate(query.to) as LocalDate;
  const days: DaySpan[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) days.push(daySpan(d, policy));
  return days;
}
