/**
 * Lead-report tests' data and their reference answer. `reportWorld` makes a seeded,
 * varied team history (callbacks due, closed on time and late, attempts, escalations
 * and hand-backs, expedite and appointment requests, wrap-ups) around a DST change;
 * `recomputeReport` works every figure out again from the rows in the plainest way
 * (a day is what Intl says the date is in the zone, a week is its Monday by calendar
 * arithmetic), sharing no code with shared/reports, so the two must agree.
 */
import { ATTEMPT_OUTCOMES } from '../../src/shared/domain/attempts';
import { OPERATIONAL_COMPONENT_IDS } from '../../src/shared/domain/identifiers/operational-components';
import type { RowOf } from '../../src/shared/sync/rows';
import {
  appointmentRequestRow,
  attemptRecord,
  callbackRow,
  expediteRequestRow,
  wrapUpRow,
} from '../fixtures/rows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small deterministic generator (mulberry32): the same world on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ReportWorld {
  callbacks: RowOf<'callbacks'>[];
  expedites: RowOf<'expedite_requests'>[];
  appointments: RowOf<'appointment_requests'>[];
  wrapUps: RowOf<'wrap_ups'>[];
}

/** `count` callbacks and some of everything else for `team`, between `start` and `start + days`. */
export function reportWorld(
  team: string,
  start: number,
  days: number,
  count: number,
  seed = 17,
): ReportWorld {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const at = () => start + Math.floor(rnd() * days * DAY);
  const id = (kind: string, i: number) => `${team}-${kind}-${i}`;
  const callbacks = Array.from({ length: count }, (_, i) => {
    const dueAt = at();
    const closed = rnd() < 0.6;
    const attempts = Array.from({ length: Math.floor(rnd() * 4) }, (_, j) => {
      const outcome = pick(ATTEMPT_OUTCOMES);
      return attemptRecord({
        id: `${id('at', i)}-${j}`,
        at: dueAt - Math.floor(rnd() * 3 * DAY),
        outcome,
        messageLeft: outcome === 'no-answer-message-left',
      });
    });
    const escalated = rnd() < 0.3;
    const handedBack = escalated && rnd() < 0.3;
    const escalatedAt = dueAt - Math.floor(rnd() * 2 * DAY);
    const handoffs = escalated
      ? [
          { to: 2 as const, code: null, reason: 'Needs Tier 2', noteId: null, by: 'u-a', at: escalatedAt },
          ...(handedBack
            ? [
                {
                  to: 1 as const,
                  code: null,
                  reason: 'Back',
                  noteId: null,
                  by: 'u-b',
                  at: escalatedAt + HOUR,
                },
              ]
            : []),
        ]
      : undefined;
    return callbackRow({
      id: id('cb', i),
      team,
      createdAt: Math.max(0, dueAt - 3 * DAY),
      dueAt,
      attempts,
      status: closed ? pick(['closed-resolved', 'closed-unable-to-reach'] as const) : 'open',
      closedAt: closed ? dueAt + Math.floor((rnd() - 0.7) * DAY) : null,
      tier: escalated && !handedBack ? 2 : 1,
      assigneeId: rnd() < 0.5 ? null : 'u-a',
      ...(handoffs ? { handoffs } : {}),
    });
  });
  const expedites = Array.from({ length: Math.ceil(count / 5) }, (_, i) =>
    expediteRequestRow({
      id: id('ex', i),
      team,
      routing: pick(OPERATIONAL_COMPONENT_IDS),
      recordedAt: at(),
    }),
  );
  const appointments = Array.from({ length: Math.ceil(count / 5) }, (_, i) => {
    const urgent = rnd() < 0.4;
    return appointmentRequestRow({
      id: id('ap', i),
      team,
      urgent,
      urgentReason: urgent ? 'medical-emergency' : null,
      createdAt: at(),
    });
  });
  const wrapUps = Array.from({ length: Math.ceil(count / 4) }, (_, i) => {
    const callEndedAt = at();
    const acw = rnd() < 0.7;
    return wrapUpRow({
      id: id('wu', i),
      team,
      callStartedAt: callEndedAt - Math.floor(rnd() * 20 * 60_000),
      callEndedAt,
      afterCallWork: acw
        ? {
            mode: 'time-boxed',
            startedAt: callEndedAt,
            endedAt: callEndedAt + Math.floor(rnd() * 300_000),
            endedBy: 'agent',
          }
        : null,
      recordedAt: callEndedAt + 300_000,
    });
  });
  return { callbacks, expedites, appointments, wrapUps };
}

/** figure|category|measure → value: the same keys the report's CSV lines carry. */
export type Figures = Map<string, number | null>;

export function reportFigures(report: {
  charts: {
    id: string;
    categories: { key: string }[];
    series: { key: string; values: (number | null)[] }[];
  }[];
}): Figures {
  const figures: Figures = new Map();
  for (const chart of report.charts) {
    chart.categories.forEach((c, i) => {
      for (const s of chart.series) figures.set(`${chart.id}|${c.key}|${s.key}`, s.values[i] ?? null);
    });
  }
  return figures;
}

/** The independent recomputation (see the file's comment). */
export function recomputeReport(
  world: ReportWorld,
  range: { from: string; to: string },
  now: number,
  timeZone: string,
): Figures {
  const dayFormat = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const dayOf = (instant: number) => dayFormat.format(new Date(instant));
  const inRange = (instant: number) => dayOf(instant) >= range.from && dayOf(instant) <= range.to;
  const days: string[] = [];
  for (let t = Date.parse(`${range.from}T12:00:00Z`); ; t += DAY) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (d > range.to) break;
    days.push(d);
  }
  const mondayOf = (day: string) => {
    const t = Date.parse(`${day}T12:00:00Z`);
    const back = (new Date(t).getUTCDay() + 6) % 7;
    return new Date(t - back * DAY).toISOString().slice(0, 10);
  };
  const weeks = [...new Set(days.map(mondayOf))];
  const f: Figures = new Map();
  const set = (figure: string, category: string, measure: string, value: number | null) =>
    f.set(`${figure}|${category}|${measure}`, value);
  const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

  // SLA by due day and week.
  const sla = (keep: (day: string) => boolean) => {
    const due = world.callbacks.filter((cb) => inRange(cb.dueAt) && keep(dayOf(cb.dueAt)));
    const onTime = due.filter(
      (cb) => cb.status !== 'open' && cb.closedAt !== null && cb.closedAt <= cb.dueAt,
    ).length;
    const late = due.filter(
      (cb) => cb.status !== 'open' && cb.closedAt !== null && cb.closedAt > cb.dueAt,
    ).length;
    const open = due.filter((cb) => cb.status === 'open' && cb.dueAt <= now).length;
    return { onTime, late, open, rate: pct(onTime, onTime + late + open) };
  };
  for (const [figure, keys, keep] of [
    ['sla-by-day', days, (k: string) => (d: string) => d === k],
    ['sla-by-week', weeks, (k: string) => (d: string) => mondayOf(d) === k],
  ] as const) {
    for (const k of keys) {
      const r = sla(keep(k));
      set(figure, k, 'compliance', r.rate);
      set(figure, k, 'on-time', r.onTime);
      set(figure, k, 'late', r.late);
      set(figure, k, 'open-past-due', r.open);
    }
  }
  for (const day of days) {
    const attempts = world.callbacks
      .flatMap((cb) => cb.attempts)
      .filter((a) => inRange(a.at) && dayOf(a.at) === day);
    for (const o of ATTEMPT_OUTCOMES)
      set('attempts-by-day', day, o, attempts.filter((a) => a.outcome === o).length);
    const firsts = world.callbacks
      .filter((cb) => cb.attempts.length > 0)
      .map((cb) => [...cb.attempts].sort((a, b) => a.at - b.at)[0]!)
      .filter((a) => inRange(a.at) && dayOf(a.at) === day);
    const reached = firsts.filter((a) => a.outcome.startsWith('reached-')).length;
    set('first-attempt-by-day', day, 'first-attempt-rate', pct(reached, firsts.length));
    set('first-attempt-by-day', day, 'first-attempts', firsts.length);
    set('first-attempt-by-day', day, 'first-attempt-reached', reached);
    const wrapped = world.wrapUps.filter((w) => inRange(w.callEndedAt) && dayOf(w.callEndedAt) === day);
    const avg = (ms: (w: (typeof wrapped)[number]) => number) =>
      wrapped.length === 0
        ? null
        : Math.round(wrapped.reduce((s, w) => s + ms(w), 0) / wrapped.length / 1000);
    const talk = (w: (typeof wrapped)[number]) => w.callEndedAt - w.callStartedAt;
    const acw = (w: (typeof wrapped)[number]) =>
      w.afterCallWork ? w.afterCallWork.endedAt - w.afterCallWork.startedAt : 0;
    set('handle-time-by-day', day, 'contacts', wrapped.length);
    set('handle-time-by-day', day, 'talk', avg(talk));
    set('handle-time-by-day', day, 'after-call-work', avg(acw));
    set(
      'handle-time-by-day',
      day,
      'handle',
      avg((w) => talk(w) + acw(w)),
    );
    const escalations = world.callbacks.flatMap((cb) =>
      (cb.handoffs ?? []).filter((h) => h.to === 2 && inRange(h.at) && dayOf(h.at) === day),
    );
    set('escalations-by-day', day, 'escalated', escalations.length);
    set(
      'escalations-by-day',
      day,
      'still-waiting',
      waiting(world, inRange).filter((w) => dayOf(w.at) === day).length,
    );
  }
  for (const routing of OPERATIONAL_COMPONENT_IDS) {
    set(
      'expedites-by-routing',
      routing,
      'requests',
      world.expedites.filter((e) => e.routing === routing && inRange(e.recordedAt)).length,
    );
  }
  const inRangeAppointments = world.appointments.filter((a) => inRange(a.createdAt));
  set(
    'appointments-by-routing',
    'review-individually',
    'requests',
    inRangeAppointments.filter((a) => a.urgent).length,
  );
  set(
    'appointments-by-routing',
    'next-available-slot',
    'requests',
    inRangeAppointments.filter((a) => !a.urgent).length,
  );
  const ages = waiting(world, inRange).map((w) => (now - w.at) / HOUR);
  set('escalations-waiting-by-age', 'under-4h', 'waiting', ages.filter((h) => h < 4).length);
  set('escalations-waiting-by-age', 'under-24h', 'waiting', ages.filter((h) => h >= 4 && h < 24).length);
  set('escalations-waiting-by-age', 'under-72h', 'waiting', ages.filter((h) => h >= 24 && h < 72).length);
  set('escalations-waiting-by-age', 'over-72h', 'waiting', ages.filter((h) => h >= 72).length);
  return f;
}

/** Open Tier 2 callbacks nobody holds whose last handoff (in the range) was an escalation. */
function waiting(world: ReportWorld, inRange: (instant: number) => boolean): { at: number }[] {
  return world.callbacks.flatMap((cb) => {
    const last = cb.handoffs?.at(-1);
    return cb.status === 'open' &&
      cb.tier === 2 &&
      cb.assigneeId === null &&
      last?.to === 2 &&
      inRange(last.at)
      ? [{ at: last.at }]
      : [];
  });
}
