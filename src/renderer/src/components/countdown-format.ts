import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../shared/domain/policy';
import type { SlaState } from '../../../shared/domain/sla';
import type { Messages } from '../i18n';

/**
 * "2 d 3 h", "3 h 05 min", "12 min", "40 s": the two largest units, so a glance is
 * enough and the text changes at most once a minute until the last minute.
 */
export function formatSpan(ms: number, units: Messages['sla']['units']): string {
  const abs = Math.abs(ms);
  if (abs >= DAY_MS) {
    const d = Math.floor(abs / DAY_MS);
    const h = Math.floor((abs % DAY_MS) / HOUR_MS);
    return `${d} ${units.d} ${h} ${units.h}`;
  }
  if (abs >= HOUR_MS) {
    const h = Math.floor(abs / HOUR_MS);
    const m = Math.floor((abs % HOUR_MS) / MINUTE_MS);
    return `${h} ${units.h} ${String(m).padStart(2, '0')} ${units.min}`;
  }
  if (abs >= MINUTE_MS) return `${Math.floor(abs / MINUTE_MS)} ${units.min}`;
  return `${Math.floor(abs / 1000)} ${units.s}`;
}

/** The whole countdown sentence: state first (so it never rests on colour), then the time. */
export function countdownText(state: SlaState, remainingMs: number, t: Messages): string {
  const span = formatSpan(remainingMs, t.sla.units);
  const when = remainingMs <= 0 ? t.sla.overdueBy(span) : t.sla.dueIn(span);
  return `${t.sla[state]}, ${when}`;
}
