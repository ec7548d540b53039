import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../domain/attempts';
import type { Policy } from '../domain/policy';
import type { Urgency } from '../domain/sla';
import { dayKeyOf, daysEndingAt, daysStartingAt } from './days';
import { emptyOutcomes, type OutcomeCounts } from './roster';
import type { SupervisedCallback } from './supervised-callback';

/**
 * Chart data a lead would rather look at than read — and the same object is the
 * accessible table: `categories` are the rows, `series` the columns. The UI draws
 * the chart from it and renders the table from it, so they cannot disagree.
 */
export interface ChartSeries {
  key: string;
  label: string;
  /** 'seconds': an average duration (the lead reports' handle times). */
  unit: 'count' | 'percent' | 'seconds';
  /** One value per category; null = no data (e.g. a compliance rate on a day nothing closed). */
  values: (number | null)[];
}

export interface ChartData {
  id: 'sla-compliance' | 'backlog-by-due-day' | 'attempt-outcomes';
  title: string;
  /** A sentence for the table caption and screen readers. */
  summary: string;
  categoryLabel: string;
  categories: { key: string; label: string }[];
  series: ChartSeries[];
}

export interface SupervisorCharts {
  slaCompliance: ChartData;
  backlogByDueDay: ChartData;
  attemptOutcomes: ChartData;
}

/** Days shown by the trend charts (a view setting, not a contact-center rule). */
export const TREND_DAYS = 14;

/** Closed callbacks of one due day: on time (closed at or before due) and late. */
export interface DayCompliance {
  onTime: number;
  late: number;
}

export const OUTCOME_LABELS: Record<AttemptOutcome, string> = {
  'reached-resolved': 'Reached, resolved',
  'reached-follow-up': 'Reached, follow-up',
  'no-answer-message-left': 'No answer, message left',
  'no-answer-no-message': 'No answer, no message',
  busy: 'Busy',
  'wrong-number': 'Wrong number',
};

/** Where a closed callback counts in the compliance chart: its due day, on time or late. */
export function complianceContribution(
  cb: Pick<SupervisedCallback, 'status' | 'closedAt' | 'dueAt'>,
): { dueAt: number; onTime: boolean } | null {
  if (cb.status === 'open' || cb.closedAt === null) return null;
  return { dueAt: cb.dueAt, onTime: cb.closedAt <= cb.dueAt };
}

/**
 * SLA compliance as a lead means it, by the day callbacks came DUE (last `days` days):
 * closed on time, closed late, and still open past their due time — each shown, and
 * the share on time counted over all three. An overdue callback nobody closed is a
 * breach too; counting closed ones only would read 100% beside a pile of overdue work.
 * `openPastDue(after, atOrBefore)` counts open callbacks due in that range (the
 * server's sorted index answers it without a scan).
 */
export function slaComplianceChart(
  lookup: (dayKey: string) => DayCompliance | undefined,
  openPastDue: (after: number, atOrBefore: number) => number,
  now: number,
  policy: Policy,
  days = TREND_DAYS,
): ChartData {
  const spans = daysEndingAt(now, days, policy);
  const rows = spans.map((d) => {
    const closed = lookup(d.key) ?? { onTime: 0, late: 0 };
    const open = d.start > now ? 0 : openPastDue(d.start - 1, Math.min(d.end - 1, now));
    return { ...closed, open };
  });
  const onTime = rows.reduce((s, r) => s + r.onTime, 0);
  const late = rows.reduce((s, r) => s + r.late, 0);
  const open = rows.reduce((s, r) => s + r.open, 0);
  const total = onTime + late + open;
  return {
    id: 'sla-compliance',
    title: `SLA compliance, last ${days} days`,
    summary:
      total === 0
        ? `No callbacks came due in the last ${days} days.`
        : `Of ${total} callbacks due in the last ${days} days, ${onTime} were closed on time, ${late} closed late and ${open} are still open past their due time: ${percent(onTime, total)}% on time.`,
    categoryLabel: 'Day due',
    categories: spans.map((d) => ({ key: d.key, label: d.key })),
    series: [
      {
        key: 'compliance',
        label: 'On time (%)',
        unit: 'percent',
        values: rows.map((r) => {
          const all = r.onTime + r.late + r.open;
          return all === 0 ? null : percent(r.onTime, all);
        }),
      },
      { key: 'on-time', label: 'Closed on time', unit: 'count', values: rows.map((r) => r.onTime) },
      { key: 'late', label: 'Closed late', unit: 'count', values: rows.map((r) => r.late) },
      { key: 'open-past-due', label: 'Open past due', unit: 'count', values: rows.map((r) => r.open) },
    ],
  };
}

function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * Open callbacks by due day: an "overdue" bucket, each day from today through the
 * non-urgent SLA (policy), then "later". `countDue` answers "open callbacks of this
 * urgency with after < dueAt <= atOrBefore" (the server's sorted index does it
 * without a scan).
 */
export function backlogByDueDayChart(
  countDue: (urgency: Urgency, after: number, atOrBefore: number) => number,
  now: number,
  policy: Policy,
): ChartData {
  const spans = daysStartingAt(now, Math.ceil(policy.sla.nonUrgentDueDays) + 1, policy);
  const buckets: { key: string; label: string; after: number; atOrBefore: number }[] = [
    { key: 'overdue', label: 'Overdue', after: Number.MIN_SAFE_INTEGER, atOrBefore: now },
    ...spans.map((d, i) => ({
      key: d.key,
      label: i === 0 ? `${d.key} (today)` : d.key,
      after: Math.max(now, d.start - 1),
      atOrBefore: d.end - 1,
    })),
  ];
  const lastEnd = spans.at(-1)?.end ?? now;
  buckets.push({
    key: 'later',
    label: 'Later',
    after: Math.max(now, lastEnd - 1),
    atOrBefore: Number.MAX_SAFE_INTEGER,
  });
  const urgent = buckets.map((b) => countDue('urgent', b.after, b.atOrBefore));
  const nonUrgent = buckets.map((b) => countDue('non-urgent', b.after, b.atOrBefore));
  const overdue = (urgent[0] ?? 0) + (nonUrgent[0] ?? 0);
  const open = [...urgent, ...nonUrgent].reduce((s, n) => s + n, 0);
  return {
    id: 'backlog-by-due-day',
    title: 'Open callbacks by due day',
    summary: `${open} open callbacks, ${overdue} of them overdue.`,
    categoryLabel: 'Due',
    categories: buckets.map((b) => ({ key: b.key, label: b.label })),
    series: [
      { key: 'urgent', label: 'Urgent', unit: 'count', values: urgent },
      { key: 'non-urgent', label: 'Non-urgent', unit: 'count', values: nonUrgent },
    ],
  };
}

export function attemptOutcomesChart(
  lookup: (dayKey: string) => OutcomeCounts | undefined,
  now: number,
  policy: Policy,
  days = TREND_DAYS,
): ChartData {
  const spans = daysEndingAt(now, days, policy);
  const counts = spans.map((d) => lookup(d.key) ?? emptyOutcomes());
  const total = counts.reduce((s, c) => s + ATTEMPT_OUTCOMES.reduce((t, o) => t + c[o], 0), 0);
  const reached = counts.reduce((s, c) => s + c['reached-resolved'] + c['reached-follow-up'], 0);
  return {
    id: 'attempt-outcomes',
    title: `Attempt outcomes, last ${days} days`,
    summary:
      total === 0
        ? `No attempts in the last ${days} days.`
        : `${total} attempts in the last ${days} days; ${reached} reached the customer.`,
    categoryLabel: 'Day',
    categories: spans.map((d) => ({ key: d.key, label: d.key })),
    series: ATTEMPT_OUTCOMES.map((o) => ({
      key: o,
      label: OUTCOME_LABELS[o],
      unit: 'count' as const,
      values: counts.map((c) => c[o]),
    })),
  };
}

/** All three charts by full recomputation: the tests' reference answer for the server's incremental charts. */
export function chartsFromCallbacks(
  team: string,
  callbacks: Iterable<SupervisedCallback>,
  now: number,
  policy: Policy,
): SupervisorCharts {
  const compliance = new Map<string, DayCompliance>();
  const outcomes = new Map<string, OutcomeCounts>();
  const open: SupervisedCallback[] = [];
  for (const cb of callbacks) {
    if (cb.team !== team) continue;
    if (cb.status === 'open') open.push(cb);
    const c = complianceContribution(cb);
    if (c) {
      const key = dayKeyOf(c.dueAt, policy);
      const day = compliance.get(key) ?? { onTime: 0, late: 0 };
      if (c.onTime) day.onTime += 1;
      else day.late += 1;
      compliance.set(key, day);
    }
    for (const a of cb.attempts) {
      const key = dayKeyOf(a.at, policy);
      const day = outcomes.get(key) ?? emptyOutcomes();
      day[a.outcome] += 1;
      outcomes.set(key, day);
    }
  }
  return {
    slaCompliance: slaComplianceChart(
      (k) => compliance.get(k),
      (after, atOrBefore) => open.filter((cb) => cb.dueAt > after && cb.dueAt <= atOrBefore).length,
      now,
      policy,
    ),
    backlogByDueDay: backlogByDueDayChart(
      (urgency, after, atOrBefore) =>
        open.filter((cb) => cb.urgency === urgency && cb.dueAt > after && cb.dueAt <= atOrBefore).length,
      now,
      policy,
    ),
    attemptOutcomes: attemptOutcomesChart((k) => outcomes.get(k), now, policy),
  };
}
