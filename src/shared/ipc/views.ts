import { z } from 'zod';
import { attemptOutcomeSchema } from '../domain/attempts';
import { policySchema } from '../domain/policy';
import { SLA_REASONS, SLA_STATES, slaTransitionsSchema, urgencySchema } from '../domain/sla';
import { noticeChannelsSchema, sessionUserSchema } from '../sync/protocol';
import { CALLBACK_STATUSES, callbackRowSchema } from '../sync/rows/callback';
import { idSchema, instantSchema, languageSchema, tierSchema } from '../sync/rows/common';
import { customerRowSchema, PHONE_LABELS } from '../sync/rows/customer';
import { inquiryRowSchema } from '../sync/rows/inquiry';
import { noteRowSchema } from '../sync/rows/note';
import { domainErrorSchema, errorParamsSchema } from '../domain/error-schema';

/** The view models the desktop core serves to the renderer (and only these cross IPC). */

export const CONNECTION_STATES = ['online', 'offline', 'syncing', 'signed-out'] as const;
export type ConnectionStateName = (typeof CONNECTION_STATES)[number];

export const syncProgressSchema = z.object({
  /** Server version reached so far (pull cursor). */
  done: z.number().int().min(0),
  /** The server's version at the start of the sync; null when the server did not say. */
  total: z.number().int().min(0).nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const connectionStateSchema = z.object({
  state: z.enum(CONNECTION_STATES),
  /** Local changes not yet confirmed by the server. */
  pending: z.number().int().min(0),
  /** Rejected changes the agent has not dismissed yet. */
  rejected: z.number().int().min(0),
  lastSyncedAt: instantSchema.nullable(),
  /** Set while the first (snapshot) sync runs. */
  firstSync: syncProgressSchema.nullable(),
  /** Why the last connection attempt failed, when it did. */
  error: domainErrorSchema.nullable(),
  /** When the next reconnection attempt is due (offline only). */
  retryAt: instantSchema.nullable(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const SESSION_STATUSES = ['signed-out', 'signed-in', 'locked'] as const;

export const sessionStateSchema = z.object({
  status: z.enum(SESSION_STATUSES),
  user: sessionUserSchema.nullable(),
  policy: policySchema.nullable(),
  /** The server ended the session (expiry, sign-out elsewhere): sign in again; local work is kept. */
  expired: z.boolean(),
  /** The ended session was stored without its user name: the lock screen asks for it (once). */
  needsUsername: z.boolean(),
  idleLockMinutes: z.number().int().min(1),
  /** The notice channels the server can send by; null: not known (signed out, or an older server). */
  noticeChannels: noticeChannelsSchema.nullable().default(null),
  /** Signed in through single sign-on with this provider: the lock screen unlocks through it. */
  ssoName: z.string().nullable().default(null),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** Nobody signed in (what a screen assumes before the host answers). */
export function signedOutState(idleLockMinutes: number): SessionState {
  return sessionStateSchema.parse({
    status: 'signed-out',
    user: null,
    policy: null,
    expired: false,
    needsUsername: false,
    idleLockMinutes,
  });
}

export const slaViewSchema = z.object({
  state: z.enum(SLA_STATES),
  remainingMs: z.number(),
  /** The callback detail says why (the worklist row needs the state alone). */
  callableMsLeft: z.number().min(0).optional(),
  lastWindow: z.object({ start: instantSchema, end: instantSchema }).nullable().optional(),
  reason: z.enum(SLA_REASONS).optional(),
  /** The whole rule's transitions (customer zones, attempts left): the row's countdown follows them. */
  transitions: slaTransitionsSchema.optional(),
});

export const WORKLIST_SCOPES = ['mine', 'queue', 'team'] as const;

export const worklistQuerySchema = z
  .object({
    /** mine: claimed by me; queue: unclaimed; team: everything I can see. */
    scope: z.enum(WORKLIST_SCOPES).default('team'),
    status: z.array(z.enum(CALLBACK_STATUSES)).max(3).default(['open']),
    urgency: z.array(urgencySchema).max(2).optional(),
    tier: z.array(tierSchema).max(2).optional(),
    language: z.array(languageSchema).max(2).optional(),
    /** SLA states to include (the "due window" filter). */
    sla: z.array(z.enum(SLA_STATES)).max(4).optional(),
    /** Only callbacks due before this instant. */
    dueBefore: instantSchema.optional(),
    /** Only open callbacks whose first attempt failed and a next one is still allowed. */
    secondAttemptPending: z.boolean().optional(),
    /** Name, receipt number or phone digits; every word must match. */
    search: z.string().trim().max(100).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type WorklistQuery = z.input<typeof worklistQuerySchema>;

export const nextAttemptViewSchema = z.object({
  attemptNumber: z.number().int().min(1),
  earliest: instantSchema,
  latest: instantSchema,
  timing: z.enum(['too-early', 'in-window', 'late']),
});

export const worklistRowSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  customerName: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  language: languageSchema.nullable(),
  urgency: urgencySchema,
  tier: tierSchema,
  status: z.enum(CALLBACK_STATUSES),
  assigneeId: idSchema.nullable(),
  assigneeName: z.string().nullable(),
  mine: z.boolean(),
  createdAt: instantSchema,
  dueAt: instantSchema,
  sla: slaViewSchema,
  attemptsMade: z.number().int().min(0),
  nextAttempt: nextAttemptViewSchema.nullable(),
  scheduledSlot: z.object({ start: instantSchema, end: instantSchema }).nullable(),
  /** The customer said "yes" to "available now?" and waits for the call until then (the row comes first). */
  customerWaitingUntil: instantSchema.nullable(),
  /** A local change to this callback has not been confirmed by the server yet. */
  pendingSync: z.boolean(),
  /** The latest handoff between the tiers: why and who, shown on the row before claiming. */
  handoff: z
    .object({ to: tierSchema, reason: z.string(), byName: z.string().nullable(), at: instantSchema })
    .nullable(),
});
export type WorklistRow = z.infer<typeof worklistRowSchema>;

export const worklistPageSchema = z.object({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  rows: z.array(worklistRowSchema),
  /** The (server-estimated) instant the SLA states were computed at. */
  now: instantSchema,
});
export type WorklistPage = z.infer<typeof worklistPageSchema>;

const closedReasonSchema = z.object({ code: z.string(), message: z.string() });

export const attemptPlanViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('completed'), outcome: attemptOutcomeSchema, at: instantSchema }),
  z.object({
    kind: z.literal('unable-to-reach'),
    attemptsMade: z.number().int(),
    canGrantExtra: z.boolean(),
  }),
  z.object({
    kind: z.literal('next'),
    attemptNumber: z.number().int(),
    allowedAttempts: z.number().int(),
    basis: z.enum(['creation', 'scheduled-slot', 'retry']),
    window: z.object({ earliest: instantSchema, latest: instantSchema }),
    adjustment: z
      .object({ code: z.enum(['moved', 'shortened']), reason: closedReasonSchema, message: z.string() })
      .optional(),
    timing: z.enum(['too-early', 'in-window', 'late']),
  }),
]);

export const phoneOptionSchema = z.object({
  label: z.enum(PHONE_LABELS),
  e164: z.string(),
  ext: z.string().nullable(),
  callable: z.boolean(),
  status: z.string(),
  reason: z.string(),
  callableFrom: instantSchema.nullable(),
});

export const numberSuggestionViewSchema = z.object({
  /** Index into `phones` of the number to dial now; null when none may be called now. */
  suggested: z.number().int().min(0).nullable(),
  phones: z.array(phoneOptionSchema),
  reason: z.string(),
  nextCallableAt: instantSchema.nullable(),
});

/** Whether the agent may do an action now; if not, the rule's refusal (code, English message, params). */
export const permissionSchema = z.object({ allowed: z.boolean(), reason: domainErrorSchema.nullable() });

export const CALLBACK_ACTIONS = [
  'claim',
  'release',
  'recordAttempt',
  'schedule',
  'grantExtraAttempt',
  'reassign',
  'askAvailability',
] as const;

export const callbackDetailSchema = z.object({
  callback: callbackRowSchema,
  customer: customerRowSchema.nullable(),
  inquiry: inquiryRowSchema.nullable(),
  sla: slaViewSchema,
  plan: attemptPlanViewSchema,
  numbers: numberSuggestionViewSchema,
  /** The same authorize rules the server enforces, so buttons can be disabled with the reason. */
  permissions: z.record(z.enum(CALLBACK_ACTIONS), permissionSchema),
  pendingSync: z.boolean(),
  now: instantSchema,
  /** The notes the handoffs name (the Tier 1 agent's note for the officer), and the names of the people the screen mentions (handoffs, assignee, attempts). */
  handoffNotes: z.array(noteRowSchema),
  names: z.record(z.string(), z.string()),
});
export type CallbackDetail = z.infer<typeof callbackDetailSchema>;

export const scriptSummarySchema = z.object({
  scriptId: idSchema,
  latestVersion: z.number().int().min(1),
  publishedAt: instantSchema.nullable(),
  /** content.title in both languages (the id on a side the script lacks); the screen shows its own. */
  title: z.object({ en: z.string(), es: z.string() }),
  /** The IVR intents the script answers (a screen pop picks the script by them). */
  intents: z.array(z.string()),
});

export const scriptViewSchema = z.object({
  scriptId: idSchema,
  scriptVersion: z.number().int().min(1),
  content: z.json(),
  publishedAt: instantSchema.nullable(),
});

export const rejectionSchema = z.object({
  mutationId: idSchema,
  name: z.string(),
  code: z.string(),
  message: z.string(),
  /** The reason's specifics, so the screen can say it in the agent's language (DomainError.params). */
  params: errorParamsSchema.optional(),
  /** The subject the mutation was about, when known (e.g. the callback). */
  subject: z.object({ table: z.string(), id: z.string() }).nullable(),
  at: instantSchema,
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const mutationAckSchema = z.object({
  /** Outbox id of the queued change; its confirmation or rejection arrives as an event. */
  mutationId: idSchema,
});

export const dueSoonItemSchema = z.object({
  callbackId: idSchema,
  state: z.enum(SLA_STATES),
  dueAt: instantSchema,
});
