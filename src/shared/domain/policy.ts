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

/** Customer notifications (text-ahead, "available now?"): the outbox worker's and the rules' numbers. */
const noticePolicySchema = z
  .object({
    /** Messages go out only inside the customer's local daytime (their zone; else the area code's). */
    customerLocalDaytime: dailyWindowSchema,
    /** A send that failed for a passing reason is tried at most this many times in all. */
    maxTries: z.number().int().min(1),
    /** Backoff before try n+1: base * 2^(n-1), at most max. */
    retryBaseSeconds: z.number().int().min(1),
    retryMaxMinutes: z.number().int().min(1),
    /** How long one server node holds a notice while it sends it (claim/lease). */
    leaseSeconds: z.number().int().min(5),
    /** A "yes" to "available now?" counts within this many minutes, and the customer waits that long. */
    availabilityReplyMinutes: z.number().int().min(1),
    /** "Available now?" checks per callback (the center tries twice). */
    availabilityMaxChecks: z.number().int().min(1),
    /**
     * The server asks "available now?" by itself when a callback's last callable window
     * (the SLA rule's) ends within `withinMinutes` — once per window, only with SMS consent
     * and while at least the reply window is left. Off unless the agency turns it on.
     */
    autoAvailability: z
      .object({
        enabled: z.boolean(),
        withinMinutes: z
          .number()
          .int()
          .min(5)
          .max(24 * 60),
      })
      .default({ enabled: false, withinMinutes: 90 }),
    /** Template length limits per channel (characters). */
    smsMaxChars: z.number().int().min(70),
    emailSubjectMaxChars: z.number().int().min(10),
    emailBodyMaxChars: z.number().int().min(100),
  })
  .refine((n) => n.retryBaseSeconds <= n.retryMaxMinutes * 60, {
    message: 'notices.retryBaseSeconds must not exceed notices.retryMaxMinutes',
  })
  .refine(
    (n) => !n.autoAvailability.enabled || n.autoAvailability.withinMinutes > n.availabilityReplyMinutes,
    {
      message:
        'notices.autoAvailability.withinMinutes must exceed notices.availabilityReplyMinutes (a "yes" needs time to be called)',
    },
  );

/** The notice defaults (also what a policy file written before notices existed gets). */
const DEFAULT_NOTICE_POLICY: z.infer<typeof noticePolicySchema> = {
  customerLocalDaytime: { start: '08:00', end: '21:00' },
  maxTries: 5,
  retryBaseSeconds: 30,
  retryMaxMinutes: 30,
  leaseSeconds: 60,
  availabilityReplyMinutes: 30,
  availabilityMaxChecks: 2,
  autoAvailability: { enabled: false, withinMinutes: 90 },
  smsMaxChars: 320,
  emailSubjectMaxChars: 120,
  emailBodyMaxChars: 2000,
};

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
    notices: noticePolicySchema.default(DEFAULT_NOTICE_POLICY),
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
      /** Failed sign-ins from all addresses together per minute (the same exemption; only failures count). */
      signInFailuresPerMinute: z.number().int().min(1).default(300),
      /**
       * Sign-ins one address may have under way at once (the same exemption). Only failures
       * count against the limits above, so this bounds a burst of guesses that all start
       * before any has failed; a contact center behind one NAT address signing in at shift
       * start stays far below it.
       */
      signInsInFlightPerAddress: z.number().int().min(1).default(100),
      /**
       * Sign-ins one server node lets run at once (the same exemption): with both failure limits
       * counting only failures, this bounds the guesses that start before any has failed. A
       * shift start queues briefly behind it (429, Retry-After 1 s), never for being many.
       */
      signInsInFlightPerNode: z.number().int().min(1).default(400),
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
    notices: DEFAULT_NOTICE_POLICY,
    security: {
      idleLockMinutes: 15,
      maxFailedSignIns: 5,
      lockoutMinutes: 15,
      sessionHours: 12,
      lockoutFirstDelaySeconds: 30,
      signInFailuresPerAddress: 30,
      signInLimitWindowMinutes: 5,
      signInFailuresPerMinute: 300,
      signInsInFlightPerAddress: 100,
      signInsInFlightPerNode: 400,
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
