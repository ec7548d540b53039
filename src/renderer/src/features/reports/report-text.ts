import { APPOINTMENT_HANDLING_LABELS } from '../../../../shared/domain/appointments/priority';
import { OPERATIONAL_COMPONENT_LABELS } from '../../../../shared/domain/identifiers/operational-components';
import type { ReportChart } from '../../../../shared/reports/lead-report';
import type { UiLanguage } from '../../i18n';
import type { ReportsMessages } from './i18n/reports-en';

export interface ReportChartText {
  title: string;
  summary: string;
  categoryLabel: string;
  categories: string[];
  series: string[];
}

const values = (chart: ReportChart, key: string) => chart.series.find((s) => s.key === key)?.values ?? [];
const sum = (list: readonly (number | null)[]) => list.reduce<number>((s, v) => s + (v ?? 0), 0);
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** A category's words: a routing or handling in the screen language, an age band, else the date key. */
function categoryText(key: string, m: ReportsMessages, lang: UiLanguage): string {
  if (key in OPERATIONAL_COMPONENT_LABELS)
    return OPERATIONAL_COMPONENT_LABELS[key as keyof typeof OPERATIONAL_COMPONENT_LABELS][lang];
  if (key in APPOINTMENT_HANDLING_LABELS)
    return APPOINTMENT_HANDLING_LABELS[key as keyof typeof APPOINTMENT_HANDLING_LABELS][lang];
  return m.ages[key] ?? key;
}

/**
 * A report figure's words in the screen language. The server's figures carry keys
 * only; the summary is worked out here from the same numbers the table shows.
 */
export function reportChartText(
  chart: ReportChart,
  m: ReportsMessages,
  outcomeLabels: Record<string, string>,
  lang: UiLanguage,
): ReportChartText {
  return {
    title: m.titles[chart.id],
    summary: summaryOf(chart, m),
    categoryLabel: m.categoryLabels[chart.id],
    categories: chart.categories.map((c) => categoryText(c.key, m, lang)),
    series: chart.series.map((s) => m.series[s.key] ?? outcomeLabels[s.key] ?? s.key),
  };
}

function summaryOf(chart: ReportChart, m: ReportsMessages): string {
  const s = m.summaries;
  const total = (key: string) => sum(values(chart, key));
  switch (chart.id) {
    case 'sla-by-day':
    case 'sla-by-week': {
      const [onTime, late, open] = [total('on-time'), total('late'), total('open-past-due')];
      return s.sla(onTime, late, open, share(onTime, onTime + late + open));
    }
    case 'attempts-by-day':
      return s.attempts(
        sum(chart.series.flatMap((x) => x.values)),
        total('reached-resolved') + total('reached-follow-up'),
      );
    case 'first-attempt-by-day': {
      const [first, reached] = [total('first-attempts'), total('first-attempt-reached')];
      return s.firstAttempt(first, reached, share(reached, first));
    }
    case 'handle-time-by-day': {
      const contacts = values(chart, 'contacts');
      const handle = values(chart, 'handle');
      const weighted = sum(handle.map((v, i) => (v ?? 0) * (contacts[i] ?? 0)));
      const n = sum(contacts);
      return s.handle(n, n === 0 ? null : m.duration(Math.round(weighted / n)));
    }
    case 'expedites-by-routing':
      return s.expedites(total('requests'));
    case 'appointments-by-routing':
      return s.appointments(total('requests'), values(chart, 'requests')[0] ?? 0);
    case 'escalations-by-day':
      return s.escalations(total('escalated'), total('still-waiting'));
    case 'escalations-waiting-by-age':
      return s.waiting(total('waiting'), values(chart, 'waiting').at(-1) ?? 0);
  }
}
