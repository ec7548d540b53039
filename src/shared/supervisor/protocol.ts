import { z } from 'zod';
import { ATTEMPT_OUTCOMES } from '../domain/attempts';
import { SLA_STATES, slaTransitionsSchema, urgencySchema } from '../domain/sla';
import { teamSchema } from '../sync/rows/common';
import { CALLBACK_STATUSES } from '../sync/rows/callback';
import { itemRefSchema, PRESENCE_STATUSES } from '../sync/rows/presence';
import { roleSchema } from '../sync/rows/user';
import type { Board, CallbackSummary } from './board';
import type { ChartData, SupervisorCharts } from './charts';
import { FIGURE_IDS } from './figures';
import type { Forecast } from './forecast/forecast';
import { MAX_HORIZON_DAYS } from './forecast/forecast';
import type { EscalationsWaiting } from './escalations';
import type { HandleTimeReport } from './handle-times';
import type { RosterEntry } from './roster';

/**
 * The supervisor channel (docs/supervisor.md is the prose). A separate socket.io
 * namespace on the sync server's port, so its events, role check and throttling
 * stay apart from push/pull/poke. Every client → server event takes one payload
 * and an ack that carries a Result, like the sync events.
 */
export const SUPERVISOR_NAMESPACE = '/supervisor';

export const SUPERVISOR_EVENTS = {
  /** client → server, with ack */
  subscribe: 'supervisor:subscribe',
  unsubscribe: 'supervisor:unsubscribe',
  drillDown: 'supervisor:drill-down',
  forecast: 'supervisor:forecast',
  /** server → client */
  snapshot: 'supervisor:snapshot',
  /**
   * `{ team, at, seq }` every HEARTBEAT_MS while subscribed: the board unchanged is still
   * current. A desktop that hears neither this nor a snapshot for two periods says its
   * figures are stale and reconnects.
   */
  heartbeat: 'supervisor:heartbeat',
  sessionExpired: 'session-expired',
  /**
   * The view ended although the session is still good (the user is no longer a lead,
   * or leads another team now), then the socket closes. Unlike `session-expired` it
   * does not sign the desktop out. Payload: a DomainError.
   */
  accessEnded: 'supervisor:access-ended',
} as const;

/** Snapshots per team per second, at most (a change shows within a second, a burst costs 4 messages). */
export const SNAPSHOTS_PER_SECOND = 4;
/** How often a subscribed board hears that it is current when nothing changed (transport, not policy). */
export const HEARTBEAT_MS = 15_000;
export const heartbeatSchema = z.object({ team: z.string(), at: z.number().int(), seq: z.number().int() });
export const DRILL_DOWN_MAX_LIMIT = 200;
export const DRILL_DOWN_DEFAULT_LIMIT = 50;

export const supervisorHandshakeSchema = z.object({
  token: z.string().min(1, 'a session token is required').max(2048),
  schemaVersion: z.number().int(),
});

export const figureIdSchema = z.enum(FIGURE_IDS);

/** `team` may be omitted (the lead's own); naming another team is refused, never silently replaced. */
export const subscribeRequestSchema = z.object({ team: teamSchema.optional() }).strict();
export const unsubscribeRequestSchema = z.object({}).strict();

export const drillDownRequestSchema = z
  .object({
    figure: figureIdSchema,
    urgency: urgencySchema.optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(DRILL_DOWN_MAX_LIMIT).optional(),
  })
  .strict();
export type DrillDownRequest = z.infer<typeof drillDownRequestSchema>;

export const forecastRequestSchema = z
  .object({
    /** Default: the team's roster members who are not offline. */
    agentsOnShift: z.number().int().min(0).max(10_000).optional(),
    averageHandleMinutes: z
      .number()
      .positive()
      .max(24 * 60),
    unreachedShare: z.number().min(0).max(1).optional(),
    arrivals: z
      .object({ perOpenHour: z.number().min(0).max(1000), urgentShare: z.number().min(0).max(1) })
      .nullable()
      .optional(),
    horizonHours: z
      .number()
      .positive()
      .max(MAX_HORIZON_DAYS * 24)
      .optional(),
  })
  .strict();
export type ForecastRequest = z.infer<typeof forecastRequestSchema>;

/* ---------- server → client ---------- */

const figureCountSchema = z.object({
  total: z.number().int(),
  urgent: z.number().int(),
  nonUrgent: z.number().int(),
});

export const boardSchema = z.object({
  team: z.string(),
  at: z.number().int(),
  today: z.string(),
  dueSoonHours: z.number(),
  figures: z.object(
    Object.fromEntries(FIGURE_IDS.map((f) => [f, figureCountSchema])) as Record<
      (typeof FIGURE_IDS)[number],
      typeof figureCountSchema
    >,
  ),
});

const outcomeCountsSchema = z.object(
  Object.fromEntries(ATTEMPT_OUTCOMES.map((o) => [o, z.number().int()])) as Record<
    (typeof ATTEMPT_OUTCOMES)[number],
    z.ZodNumber
  >,
);

export const rosterEntrySchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: roleSchema,
  presence: z.enum(PRESENCE_STATUSES),
  presenceSince: z.number().int().nullable(),
  currentItem: itemRefSchema.nullable(),
  callbacksHeld: z.number().int(),
  attemptsToday: z.number().int(),
  outcomesToday: outcomeCountsSchema,
});

/** One column of a chart's table (the supervisor's charts and the lead reports'). */
export const chartSeriesSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(['count', 'percent', 'seconds']),
  values: z.array(z.number().nullable()),
});

export const chartDataSchema = z.object({
  id: z.enum(['sla-compliance', 'backlog-by-due-day', 'attempt-outcomes']),
  title: z.string(),
  summary: z.string(),
  categoryLabel: z.string(),
  categories: z.array(z.object({ key: z.string(), label: z.string() })),
  series: z.array(chartSeriesSchema),
});

export const chartsSchema = z.object({
  slaCompliance: chartDataSchema,
  backlogByDueDay: chartDataSchema,
  attemptOutcomes: chartDataSchema,
});

const handleTotalsSchema = z.object({
  contacts: z.number().int(),
  talkMs: z.number(),
  afterCallWorkMs: z.number(),
  handleMs: z.number(),
});

const handleTimeLineSchema = z.object({
  agentId: z.string().nullable(),
  today: handleTotalsSchema,
  period: handleTotalsSchema,
});

export const handleTimeReportSchema = z.object({
  days: z.number().int(),
  today: z.string(),
  agents: z.array(handleTimeLineSchema),
  team: handleTimeLineSchema,
});

export const escalationsWaitingSchema = z.object({
  count: z.number().int(),
  items: z.array(
    z.object({
      callbackId: z.string(),
      customerId: z.string(),
      urgency: urgencySchema,
      escalatedAt: z.number(),
      escalatedBy: z.string(),
    }),
  ),
});

export const supervisorSnapshotSchema = z.object({
  team: z.string(),
  at: z.number().int(),
  /** Increases with every snapshot sent to this team (drop an older one arriving late). */
  seq: z.number().int().min(1),
  board: boardSchema,
  roster: z.array(rosterEntrySchema),
  charts: chartsSchema,
  /** Handle time and after-call work per agent and for the team, today and the last days (issue 14). */
  handleTimes: handleTimeReportSchema,
  /** Escalations waiting for Tier 2 and how long (ids and times: the desktop joins the rest). */
  escalations: escalationsWaitingSchema,
});
export type SupervisorSnapshot = z.infer<typeof supervisorSnapshotSchema>;

export const callbackSummarySchema = z.object({
  id: z.string(),
  inquiryId: z.string(),
  customerId: z.string(),
  tier: z.union([z.literal(1), z.literal(2)]),
  urgency: urgencySchema,
  status: z.enum(CALLBACK_STATUSES),
  assigneeId: z.string().nullable(),
  createdAt: z.number().int(),
  dueAt: z.number().int(),
  closedAt: z.number().int().nullable(),
  attemptsMade: z.number().int(),
  allowedAttempts: z.number().int(),
  sla: z
    .object({
      state: z.enum(SLA_STATES),
      remainingMs: z.number(),
      lastWindow: z.object({ start: z.number(), end: z.number() }).nullable(),
      /** The rule's transitions (the customer's zones, attempts left): the drill-down's countdown follows them. */
      transitions: slaTransitionsSchema,
    })
    .nullable(),
  nextAttempt: z
    .object({ number: z.number().int(), earliest: z.number(), latest: z.number(), timing: z.string() })
    .nullable(),
});

export const drillDownResponseSchema = z.object({
  figure: figureIdSchema,
  urgency: urgencySchema.nullable(),
  at: z.number().int(),
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(callbackSummarySchema),
});
export type DrillDownResponse = z.infer<typeof drillDownResponseSchema>;

export const forecastSchema = z.object({
  at: z.number(),
  horizonEnd: z.number(),
  settings: z.object({
    agentsOnShift: z.number(),
    averageHandleMinutes: z.number(),
    unreachedShare: z.number(),
    arrivals: z.object({ perOpenHour: z.number(), urgentShare: z.number() }).nullable(),
  }),
  openCallbacks: z.number().int(),
  projectedArrivals: z.number().int(),
  breaches: z.array(
    z.object({
      callbackId: z.string(),
      urgency: urgencySchema,
      dueAt: z.number(),
      projectedCloseAt: z.number().nullable(),
      cause: z.enum(['already-overdue', 'capacity', 'hours']),
      projected: z.boolean(),
    }),
  ),
  counts: z.object({
    'already-overdue': z.number().int(),
    capacity: z.number().int(),
    hours: z.number().int(),
    total: z.number().int(),
  }),
  prevention: z
    .object({ extraAgents: z.number().int(), agentHours: z.number(), until: z.number() })
    .nullable(),
  clearsAt: z.number().nullable(),
});

/* Compile-time: the schemas describe exactly what the pure modules produce. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(_: T) => undefined;
assertSame<Same<z.infer<typeof boardSchema>, Board>>(true);
assertSame<Same<z.infer<typeof rosterEntrySchema>, RosterEntry>>(true);
assertSame<Same<z.infer<typeof chartDataSchema>, ChartData>>(true);
assertSame<Same<z.infer<typeof chartsSchema>, SupervisorCharts>>(true);
assertSame<Same<z.infer<typeof callbackSummarySchema>, CallbackSummary>>(true);
assertSame<Same<z.infer<typeof forecastSchema>, Forecast>>(true);
assertSame<Same<z.infer<typeof handleTimeReportSchema>, HandleTimeReport>>(true);
assertSame<Same<z.infer<typeof escalationsWaitingSchema>, EscalationsWaiting>>(true);
