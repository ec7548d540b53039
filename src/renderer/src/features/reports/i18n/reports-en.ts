import type { ReportChartId } from '../../../../../shared/reports/lead-report';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The lead reports' text, English. Plugged into the one UI catalog (i18n/catalog-en.ts,
 * key `reports`); the Spanish twin has the same shape.
 */
export const reportsEn = {
  title: 'Reports',
  intro:
    'Figures for a range of days, computed by the server from what is stored. Days are the contact center’s (times in its zone).',
  onlyLeads: 'Only team leads and administrators can read reports.',
  teamOf: (team: string) => `Team ${team}`,
  allTeams: 'All teams',
  form: 'Report range',
  team: 'Team (empty: all teams)',
  from: 'From (first day)',
  to: 'To (last day)',
  show: 'Show report',
  exportCsv: 'Export CSV',
  print: 'Print',
  exported: (lines: number) => `Exported ${plural(lines, 'figure line', 'figure lines')} as CSV.`,
  heading: (who: string, from: string, to: string) => `${who}, ${from} to ${to}`,
  generated: (when: string, zone: string) => `Computed ${when}; days in ${zone}.`,
  figuresNav: 'Figures in this report',
  noData: 'no data',
  titles: {
    'sla-by-day': 'SLA compliance by due day',
    'sla-by-week': 'SLA compliance by week (weeks start on Monday)',
    'attempts-by-day': 'Attempts and outcomes by day',
    'first-attempt-by-day': 'Reached on the first attempt, by day',
    'handle-time-by-day': 'Handle and after-call-work time by day',
    'expedites-by-routing': 'Expedite requests by routing',
    'appointments-by-routing': 'Appointment requests by routing',
    'escalations-by-day': 'Escalations to Tier 2 by day',
    'escalations-waiting-by-age': 'Escalations still waiting for Tier 2, by age',
  } satisfies Record<ReportChartId, string>,
  categoryLabels: {
    'sla-by-day': 'Day due',
    'sla-by-week': 'Week of',
    'attempts-by-day': 'Day',
    'first-attempt-by-day': 'Day',
    'handle-time-by-day': 'Day the call ended',
    'expedites-by-routing': 'Operational component',
    'appointments-by-routing': 'Handling',
    'escalations-by-day': 'Day escalated',
    'escalations-waiting-by-age': 'Waiting for',
  } satisfies Record<ReportChartId, string>,
  series: {
    compliance: 'On time (%)',
    'on-time': 'Closed on time',
    late: 'Closed late',
    'open-past-due': 'Open past due',
    'first-attempt-rate': 'Reached on first attempt (%)',
    'first-attempts': 'First attempts',
    'first-attempt-reached': 'Reached on first attempt',
    contacts: 'Contacts wrapped up',
    talk: 'Average talk time',
    'after-call-work': 'Average after-call work',
    handle: 'Average handle time',
    requests: 'Requests',
    escalated: 'Escalated to Tier 2',
    'still-waiting': 'Still waiting for Tier 2',
    waiting: 'Waiting for Tier 2',
  } as Record<string, string>,
  ages: {
    'under-4h': 'Less than 4 hours',
    'under-24h': '4 to 24 hours',
    'under-72h': '1 to 3 days',
    'over-72h': 'More than 3 days',
  } as Record<string, string>,
  duration: (seconds: number) =>
    seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`,
  summaries: {
    sla: (onTime: number, late: number, open: number, rate: number | null) =>
      rate === null
        ? 'No callbacks came due in this range.'
        : `Of ${plural(onTime + late + open, 'callback', 'callbacks')} due, ${onTime} closed on time, ${late} closed late and ${open} are open past due: ${rate}% on time.`,
    attempts: (total: number, reached: number) =>
      total === 0
        ? 'No attempts in this range.'
        : `${plural(total, 'attempt', 'attempts')}; ${reached} reached the customer.`,
    firstAttempt: (first: number, reached: number, rate: number | null) =>
      rate === null
        ? 'No callback had its first attempt in this range.'
        : `${plural(first, 'callback', 'callbacks')} had a first attempt in this range; ${reached} (${rate}%) reached the customer on it.`,
    handle: (contacts: number, average: string | null) =>
      average === null
        ? 'No contact was wrapped up in this range (handle times come from wrap-ups).'
        : `${plural(contacts, 'contact', 'contacts')} wrapped up; average handle time ${average}.`,
    expedites: (total: number) => `${plural(total, 'expedite request', 'expedite requests')} recorded.`,
    appointments: (total: number, individual: number) =>
      `${plural(total, 'appointment request', 'appointment requests')}, ${individual} of them for individual review.`,
    escalations: (total: number, waiting: number) =>
      `${plural(total, 'escalation', 'escalations')} to Tier 2; ${waiting} of those still wait for a Tier 2 agent.`,
    waiting: (total: number, oldBand: number) =>
      total === 0
        ? 'No escalation from this range is waiting.'
        : `${plural(total, 'escalation', 'escalations')} from this range wait for Tier 2 now; ${oldBand} for more than 3 days.`,
  },
};

export type ReportsMessages = typeof reportsEn;
