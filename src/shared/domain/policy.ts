import { z } from 'zod';
import { DEFAULT_NOTES, notesPolicySchema } from './notes/notes';
import { DEFAULT_SERVICE_REQUESTS, serviceRequestPolicySchema } from './service-requests/policy-section';
import { clockTimeSchema, minutesOfDay } from './time/clock-time';
import { isKnownTimeZone } from './time/zoned';
import { DEFAULT_WRAP_UP, wrapUpPolicySchema } from './wrap-up/policy-section';

/**
 * THE policy: every number of the contact center's rules lives here and nowhere
 * else (PRODUCT.md, "Domain rules"). It is data: the server publishes it, IT may
 * override parts of it through managed settings, and every rule takes it as a
 * parameter. Durations are in minutes unless the name says otherwise.
 */
const weekdaySchema = z.number().int().min(0).max(6); // 0 = Sunday … 6 = Saturday (ISO-less, like Date#getDay)

const dailyWindowSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((w) => minutesOfDay(w.start) < minutesOfDay(w.end), {
    message: 'a daily window must start before it ends',
  });

const policyTeamSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a team is lower-case letters, digits and dashes');

/** Telephony bridge numbers (docs/telephony.md); a policy file without them gets these defaults. */
const telephonySchema = z.object({
  /** A signed event whose timestamp is further than this from the server clock is refused (replay window). */
  replayWindowSeconds: z.number().int().min(1),
  /** How long the server waits for the platform to answer a place-call request. */
  placeCallTimeoutMs: z.number().int().min(1),
  /** Sustained events per second one platform may send, and the burst it may send at once. */
  eventsPerSecond: z.number().int().min(1),
  eventBurst: z.number().int().min(1),
  /** Callbacks a caller requests in the IVR: their urgency and tier, and the team by caller language. */
  ivrCallback: z.object({
    urgency: z.enum(['urgent', 'non-urgent']),
    tier: z.union([z.literal(1), z.literal(2)]),
    teamByLanguage: z.object({ en: policyTeamSchema, es: policyTeamSchema }),
  }),
});
export type TelephonyPolicy = z.infer<typeof telephonySchema>;

const DEFAULT_TELEPHONY: TelephonyPolicy = {
  replayWindowSeconds: 300,
  placeCallTimeoutMs: 5000,
  eventsPerSecond: 500,
  eventBurst: 2000,
  ivrCallback: { urgency: 'non-urgent', tier: 1, teamByLanguage: { en: 'alpha', es: 'bravo' } },
};

export const policySchema = z
  .object({
    /** Bumped when the policy's shape changes; stored with data computed from it. */
    version: z.literal(1),
    sla: z.object({
      /** Urgent inquiry: callback due within this many hours of creation. */
      urgentDueHours: z.number().positive(),
      /** Non-urgent inquiry: callback due within this many days of creation. */
      nonUrgentDueDays: z.number().positive(),
      /** A callback is "at risk" when less than this many hours of CALLABLE time remain (per urgency; sla.ts). */
      urgentAtRiskHours: z.number().positive(),
      nonUrgentAtRiskHours: z.number().positive(),
      /** Supervisor "due soon" window. */
      dueSoonHours: z.number().positive(),
    }),
    attempts: z.object({
      /** Callback attempts before the callback closes as unable to reach. */
      maxAttempts: z.number().int().min(1),
      /** The next attempt after a failed one is due between earliest and latest minutes later. */
      retryEarliestMinutes: z.number().int().min(0),
      retryLatestMinutes: z.number().int().min(1),
      /** How many extra attempts a lead may grant on one callback. */
      maxExtraAttemptsGranted: z.number().int().min(0),
    }),
    callbackHours: z.object({
      timeZone: z.string().min(1),
      daily: dailyWindowSchema,
      weekdays: z.array(weekdaySchema).min(1),
      observeFederalHolidays: z.boolean(),
    }),
    /** The customer's own local time: no calls before start or after end. */
    customerLocalHours: dailyWindowSchema,
    /** Area code shown as caller ID; voicemail scripts say it. */
    callerIdAreaCode: z.string().regex(/^\d{3}$/),
    textAhead: z.object({
      /** Text/e-mail notice goes out this many business days before a scheduled callback. */
      minBusinessDaysBefore: z.number().int().min(0),
      maxBusinessDaysBefore: z.number().int().min(0),
    }),
    security: z.object({
      idleLockMinutes: z.number().int().min(1),
      /** Wrong passwords in a row (per account, or per account on its owner's desktop) before sign-in is delayed. */
      maxFailedSignIns: z.number().int().min(1),
      /** The longest delay; also how long failures are remembered. */
      lockoutMinutes: z.number().int().min(1),
      sessionHours: z.number().positive(),
      // Added after policies were first stored: the defaults fill them in, so a policy
      // file, managed setting or cached session written before them still parses.
      /** The first delay after maxFailedSignIns failures; each further failure doubles it, up to lockoutMinutes. */
      lockoutFirstDelaySeconds: z.number().int().min(1).default(30),
      /** Failed sign-ins one network address may cause per signInLimitWindowMinutes (desktops the user synced from are exempt). */
      signInFailuresPerAddress: z.number().int().min(1).default(30),
      signInLimitWindowMinutes: z.number().int().min(1).default(5),
      /** Failed sign-ins from all addresses together per minute (the same exemption). */
      signInFailuresPerMinute: z.number().int().min(1).default(300),
      /** New desktops (client ids) one user may register per day. */
      newDesktopsPerUserPerDay: z.number().int().min(1).default(10),
      /** Socket connections one user may open per minute (desktops reconnect with backoff, far below it). */
      connectionsPerUserPerMinute: z.number().int().min(1).default(30),
    }),
    // Sections added after policies were first stored: the defaults fill them in, so a
    // policy file, managed setting or cached session written before them still parses.
    /** Wrap-up codes and after-call work per team (domain/wrap-up). */
    wrapUp: wrapUpPolicySchema.default(DEFAULT_WRAP_UP),
    /** Service-request categories: target business days and routing (domain/service-requests). */
    serviceRequests: serviceRequestPolicySchema.default(DEFAULT_SERVICE_REQUESTS),
    /** Notes on customers and contacts (domain/notes). */
    notes: notesPolicySchema.default(DEFAULT_NOTES),
    /** Telephony: IVR callbacks' due time and routing (docs/telephony.md). */
    telephony: telephonySchema.default(DEFAULT_TELEPHONY),
  })
  .refine((p) => p.attempts.retryEarliestMinutes <= p.attempts.retryLatestMinutes, {
    message: 'attempts.retryEarliestMinutes must not exceed attempts.retryLatestMinutes',
    path: ['attempts'],
  })
  .refine((p) => p.textAhead.minBusinessDaysBefore <= p.textAhead.maxBusinessDaysBefore, {
    message: 'textAhead.minBusinessDaysBefore must not exceed maxBusinessDaysBefore',
    path: ['textAhead'],
  })
  .refine((p) => isKnownTimeZone(p.callbackHours.timeZone), {
    message: 'callbackHours.timeZone is not a known IANA time zone',
    path: ['callbackHours', 'timeZone'],
  });

export type Policy = z.infer<typeof policySchema>;

/** The defaults from PRODUCT.md (the USCIS Contact Center's published rules). */
export const DEFAULT_POLICY: Policy = Object.freeze(
  policySchema.parse({
    version: 1,
    sla: {
      urgentDueHours: 72,
      nonUrgentDueDays: 14,
      urgentAtRiskHours: 12,
      nonUrgentAtRiskHours: 48,
      dueSoonHours: 4,
    },
    attempts: {
      maxAttempts: 2,
      retryEarliestMinutes: 60,
      retryLatestMinutes: 90,
      maxExtraAttemptsGranted: 1,
    },
    callbackHours: {
      timeZone: 'America/New_York',
      daily: { start: '07:00', end: '18:30' },
      weekdays: [1, 2, 3, 4, 5],
      observeFederalHolidays: true,
    },
    customerLocalHours: { start: '08:00', end: '21:00' },
    callerIdAreaCode: '202',
    textAhead: { minBusinessDaysBefore: 1, maxBusinessDaysBefore: 2 },
    security: {
      idleLockMinutes: 15,
      maxFailedSignIns: 5,
      lockoutMinutes: 15,
      sessionHours: 12,
      lockoutFirstDelaySeconds: 30,
      signInFailuresPerAddress: 30,
      signInLimitWindowMinutes: 5,
      signInFailuresPerMinute: 300,
      newDesktopsPerUserPerDay: 10,
      connectionsPerUserPerMinute: 30,
    },
    telephony: DEFAULT_TELEPHONY,
  }),
) as Policy;

/** Validates a policy from outside (server config, managed settings) with readable errors. */
export function parsePolicy(input: unknown): { ok: true; value: Policy } | { ok: false; error: string } {
  const parsed = policySchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((i) => `${i.path.join('.') || 'policy'}: ${i.message}`).join('; '),
  };
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
