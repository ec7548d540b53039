import { ATTEMPT_OUTCOMES } from '../domain/attempts';
import { appointmentPriority, type AppointmentHandling } from '../domain/appointments/priority';
import { OPERATIONAL_COMPONENT_IDS } from '../domain/identifiers/operational-components';
import type { Policy } from '../domain/policy';
import { contactDurations } from '../domain/wrap-up/handle-time';
import type { AppointmentRequestRow } from '../sync/rows/appointment-request';
import type { CallbackRow } from '../sync/rows/callback';
import type { ExpediteRequestRow } from '../sync/rows/expedite-request';
import type { WrapUpRow } from '../sync/rows/wrap-up';
import type { ChartSeries } from '../supervisor/charts';
import { averageSeconds } from '../supervisor/handle-times';
import { reportDays, type ReportQuery } from './report-query';
import { DayBuckets, percent, type ReportChart } from './report-chart';

export type { ReportChart } from './report-chart';

/** The rows a report reads (of one team, or of all for an administrator); nothing personal is used. */
export interface ReportRows {
  callbacks: readonly Pick<
    CallbackRow,
    'dueAt' | 'status' | 'closedAt' | 'attempts' | 'handoffs' | 'tier' | 'assigneeId'
  >[];
  expedites: readonly Pick<ExpediteRequestRow, 'routing' | 'recordedAt'>[];
  appointments: readonly Pick<AppointmentRequestRow, 'urgent' | 'createdAt'>[];
  wrapUps: readonly Pick<WrapUpRow, 'callStartedAt' | 'callEndedAt' | 'afterCallWork'>[];
}

export const REPORT_CHART_IDS = [
  'sla-by-day',
  'sla-by-week',
  'attempts-by-day',
  'first-attempt-by-day',
  'handle-time-by-day',
  'expedites-by-routing',
  'appointments-by-routing',
  'escalations-by-day',
  'escalations-waiting-by-age',
] as const;
export type ReportChartId = (typeof REPORT_CHART_IDS)[number];

/** Waiting escalations' ages are shown in these bands (hours; a view setting, not a rule). */
export const ESCALATION_AGE_BANDS_HOURS = [4, 24, 72] as const;
const HOUR_MS = 3_600_000;

function bump(counts: number[], i: number): void {
  counts[i] = (counts[i] ?? 0) + 1;
}

export interface LeadReport {
  /** null: every team together (an administrator's report). */
  team: string | null;
  from: string;
  to: string;
  generatedAt: number;
  /** The zone the days are read in (the callback-hours zone). */
  timeZone: string;
  charts: ReportChart[];
}

/**
 * The report for leads (issue 17, part 2), computed from stored rows on the server.
 * Definitions (docs/deployment.md, "Reports for leads"):
 * - SLA by due day / week: callbacks DUE on the day, closed on time (at or before the
 *   due time), closed late, or still open past due as of `now`; the on-time share is over
 *   all three. Weeks start on Monday and count only the range's days.
 * - attempts: every attempt on the day, by outcome; first attempt: callbacks whose first
 *   attempt was on the day, and how many of those reached the customer.
 * - handle time: wrap-ups by the day the call ended (averages of talk, after-call work
 *   and handle time, in seconds; none when no contact was wrapped up).
 * - expedite requests by operational component, appointment requests by handling, on
 *   the day they were recorded.
 * - escalations to Tier 2 on the day (the handoffs), how many of them still wait for a
 *   Tier 2 agent now, and those waiting by age.
 */
export function buildLeadReport(
  query: ReportQuery,
  team: string | null,
  rows: ReportRows,
  now: number,
  policy: Policy,
): LeadReport {
  const buckets = new DayBuckets(reportDays(query, policy));
  return {
    team,
    from: query.from,
    to: query.to,
    generatedAt: now,
    timeZone: policy.callbackHours.timeZone,
    charts: [
      ...slaCharts(buckets, rows, now),
      attemptsChart(buckets, rows),
      firstAttemptChart(buckets, rows),
      handleTimeChart(buckets, rows),
      expeditesChart(buckets, rows),
      appointmentsChart(buckets, rows),
      ...escalationCharts(buckets, rows, now),
    ],
  };
}

function slaCharts(buckets: DayBuckets, rows: ReportRows, now: number): ReportChart[] {
  const onTime = buckets.counter();
  const late = buckets.counter();
  const open = buckets.counter();
  for (const cb of rows.callbacks) {
    if (cb.status === 'open') {
      if (cb.dueAt <= now) open.add(cb.dueAt);
    } else if (cb.closedAt !== null) {
      (cb.closedAt <= cb.dueAt ? onTime : late).add(cb.dueAt);
    }
  }
  const series = (values: (c: typeof onTime) => number[]): ChartSeries[] => {
    const [t, l, o] = [values(onTime), values(late), values(open)];
    return [
      {
        key: 'compliance',
        label: 'On time (%)',
        unit: 'percent',
        values: t.map((v, i) => percent(v, v + (l[i] ?? 0) + (o[i] ?? 0))),
      },
      { key: 'on-time', label: 'Closed on time', unit: 'count', values: t },
      { key: 'late', label: 'Closed late', unit: 'count', values: l },
      { key: 'open-past-due', label: 'Open past due', unit: 'count', values: o },
    ];
  };
  return [
    { id: 'sla-by-day', categories: buckets.dayCategories(), series: series((c) => c.byDay()) },
    { id: 'sla-by-week', categories: buckets.weekCategories(), series: series((c) => c.byWeek()) },
  ];
}

function attemptsChart(buckets: DayBuckets, rows: ReportRows): ReportChart {
  const counters = ATTEMPT_OUTCOMES.map(() => buckets.counter());
  for (const cb of rows.callbacks) {
    for (const a of cb.attempts) counters[ATTEMPT_OUTCOMES.indexOf(a.outcome)]?.add(a.at);
  }
  return {
    id: 'attempts-by-day',
    categories: buckets.dayCategories(),
    series: ATTEMPT_OUTCOMES.map((outcome, i) => ({
      key: outcome,
      label: outcome,
      unit: 'count' as const,
      values: counters[i]?.byDay() ?? [],
    })),
  };
}

const reached = (outcome: string) => outcome === 'reached-resolved' || outcome === 'reached-follow-up';

function firstAttemptChart(buckets: DayBuckets, rows: ReportRows): ReportChart {
  const first = buckets.counter();
  const firstReached = buckets.counter();
  for (const cb of rows.callbacks) {
    const earliest = cb.attempts.reduce<(typeof cb.attempts)[number] | undefined>(
      (e, a) => (e === undefined || a.at < e.at ? a : e),
      undefined,
    );
    if (!earliest) continue;
    first.add(earliest.at);
    if (reached(earliest.outcome)) firstReached.add(earliest.at);
  }
  const made = first.byDay();
  const hit = firstReached.byDay();
  return {
    id: 'first-attempt-by-day',
    categories: buckets.dayCategories(),
    series: [
      {
        key: 'first-attempt-rate',
        label: 'Reached on first attempt (%)',
        unit: 'percent',
        values: made.map((m, i) => percent(hit[i] ?? 0, m)),
      },
      { key: 'first-attempts', label: 'First attempts', unit: 'count', values: made },
      { key: 'first-attempt-reached', label: 'Reached on first attempt', unit: 'count', values: hit },
    ],
  };
}

function handleTimeChart(buckets: DayBuckets, rows: ReportRows): ReportChart {
  const contacts = buckets.counter();
  const talk = buckets.counter();
  const acw = buckets.counter();
  const handle = buckets.counter();
  for (const w of rows.wrapUps) {
    const d = contactDurations(w);
    contacts.add(w.callEndedAt);
    talk.add(w.callEndedAt, d.talkMs);
    acw.add(w.callEndedAt, d.afterCallWorkMs);
    handle.add(w.callEndedAt, d.handleMs);
  }
  const n = contacts.byDay();
  const average = (c: typeof talk) => c.byDay().map((ms, i) => averageSeconds(ms, n[i] ?? 0));
  return {
    id: 'handle-time-by-day',
    categories: buckets.dayCategories(),
    series: [
      { key: 'contacts', label: 'Contacts wrapped up', unit: 'count', values: n },
      { key: 'talk', label: 'Average talk time (s)', unit: 'seconds', values: average(talk) },
      { key: 'after-call-work', label: 'Average after-call work (s)', unit: 'seconds', values: average(acw) },
      { key: 'handle', label: 'Average handle time (s)', unit: 'seconds', values: average(handle) },
    ],
  };
}

function expeditesChart(buckets: DayBuckets, rows: ReportRows): ReportChart {
  const counts = OPERATIONAL_COMPONENT_IDS.map(() => 0);
  for (const e of rows.expedites) {
    if (buckets.contains(e.recordedAt)) bump(counts, OPERATIONAL_COMPONENT_IDS.indexOf(e.routing));
  }
  return {
    id: 'expedites-by-routing',
    categories: OPERATIONAL_COMPONENT_IDS.map((id) => ({ key: id, label: id })),
    series: [{ key: 'requests', label: 'Expedite requests', unit: 'count', values: counts }],
  };
}

const HANDLINGS: readonly AppointmentHandling[] = ['review-individually', 'next-available-slot'];

function appointmentsChart(buckets: DayBuckets, rows: ReportRows): ReportChart {
  const counts = HANDLINGS.map(() => 0);
  for (const a of rows.appointments) {
    if (!buckets.contains(a.createdAt)) continue;
    bump(counts, HANDLINGS.indexOf(appointmentPriority(a, a.createdAt).handling));
  }
  return {
    id: 'appointments-by-routing',
    categories: HANDLINGS.map((h) => ({ key: h, label: h })),
    series: [{ key: 'requests', label: 'Appointment requests', unit: 'count', values: counts }],
  };
}

function escalationCharts(buckets: DayBuckets, rows: ReportRows, now: number): ReportChart[] {
  const escalated = buckets.counter();
  const stillWaiting = buckets.counter();
  const bands = [...ESCALATION_AGE_BANDS_HOURS, Infinity].map(() => 0);
  for (const cb of rows.callbacks) {
    const handoffs = cb.handoffs ?? [];
    for (const h of handoffs) if (h.to === 2) escalated.add(h.at);
    const last = handoffs.at(-1);
    const waiting = cb.status === 'open' && cb.tier === 2 && cb.assigneeId === null && last?.to === 2;
    if (!waiting || !last || !buckets.contains(last.at)) continue;
    stillWaiting.add(last.at);
    const hours = (now - last.at) / HOUR_MS;
    const band = ESCALATION_AGE_BANDS_HOURS.findIndex((limit) => hours < limit);
    bump(bands, band === -1 ? ESCALATION_AGE_BANDS_HOURS.length : band);
  }
  const bandKeys = [
    ...ESCALATION_AGE_BANDS_HOURS.map((h) => `under-${h}h`),
    `over-${ESCALATION_AGE_BANDS_HOURS.at(-1)}h`,
  ];
  return [
    {
      id: 'escalations-by-day',
      categories: buckets.dayCategories(),
      series: [
        { key: 'escalated', label: 'Escalated to Tier 2', unit: 'count', values: escalated.byDay() },
        {
          key: 'still-waiting',
          label: 'Still waiting for Tier 2',
          unit: 'count',
          values: stillWaiting.byDay(),
        },
      ],
    },
    {
      id: 'escalations-waiting-by-age',
      categories: bandKeys.map((key) => ({ key, label: key })),
      series: [{ key: 'waiting', label: 'Waiting for Tier 2', unit: 'count', values: bands }],
    },
  ];
}
