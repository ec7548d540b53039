import { z } from 'zod';
import { attemptRecordSchema } from '../../domain/attempts';
import { urgencySchema } from '../../domain/sla';
import { HANDOFF_REASON_MAX_CHARS, TIER2_REASONS } from '../../domain/handoff';
import { baseRowShape, idSchema, instantSchema, instantWindowSchema, tierSchema } from './common';
import { storedReferenceSchema } from './reference';

export const CALLBACK_STATUSES = ['open', 'closed-resolved', 'closed-unable-to-reach'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** How many times one callback may go between the tiers (a storage bound). */
export const MAX_HANDOFFS = 20;

/**
 * A Tier 1 → Tier 2 escalation (`to: 2`) or a Tier 2 officer's hand-back (`to: 1`):
 * why, who and when (server time). The note that went with it is a notes row
 * (`noteId`); the script answers are on the inquiry.
 */
export const handoffSchema = z.object({
  to: tierSchema,
  /** The script's reason for an escalation (null: none recorded, or a hand-back). */
  code: z.enum(TIER2_REASONS).nullable(),
  reason: z.string().trim().min(1, 'say why').max(HANDOFF_REASON_MAX_CHARS),
  noteId: idSchema.nullable(),
  by: idSchema,
  at: instantSchema,
});
export type Handoff = z.infer<typeof handoffSchema>;

export const textAheadSchema = z.object({
  enabled: z.boolean(),
  /** Server-computed from the slot and the policy's business-days-before rule. */
  sendAt: instantSchema.nullable(),
});

export const NOTICE_KINDS = ['text-ahead', 'available-now'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_CHANNELS = ['sms', 'email'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
/**
 * queued → sending → sent → delivered | failed; `unknown` when a node died between
 * handing it to the provider and recording that (never sent again: see docs/domain.md);
 * `cancelled` when the callback closed, was rescheduled or reassigned; `replied` once
 * the customer answered "available now?".
 */
export const NOTICE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'failed',
  'unknown',
  'cancelled',
  'replied',
] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** One customer notice as the callback shows it; written by the server's notice worker only. */
export const noticeSummarySchema = z.object({
  id: z.string().min(1).max(160),
  kind: z.enum(NOTICE_KINDS),
  channel: z.enum(NOTICE_CHANNELS),
  status: z.enum(NOTICE_STATUSES),
  /** A reason code for failed / cancelled / unknown (notice.* codes, never customer data). */
  reason: z.string().max(64).nullable(),
  sendAt: instantSchema,
  updatedAt: instantSchema,
  reply: z.enum(['yes', 'no', 'stop']).nullable(),
});
export type NoticeSummary = z.infer<typeof noticeSummarySchema>;

export const callbackRowSchema = z.object({
  ...baseRowShape,
  inquiryId: idSchema,
  customerId: idSchema,
  tier: tierSchema,
  urgency: urgencySchema,
  assigneeId: idSchema.nullable(),
  claimedAt: instantSchema.nullable(),
  /** Server time; the SLA clock. */
  createdAt: instantSchema,
  /** Server-computed from createdAt, urgency and the policy (shared/domain/sla dueAt). */
  dueAt: instantSchema,
  attempts: z.array(attemptRecordSchema).max(20),
  extraAttemptsGranted: z.number().int().min(0),
  status: z.enum(CALLBACK_STATUSES),
  scheduledSlot: instantWindowSchema.nullable(),
  textAhead: textAheadSchema,
  closedAt: instantSchema.nullable(),
  reference: storedReferenceSchema('callback').optional(),
  /** Tier 1 → Tier 2 escalations and hand-backs, oldest first (absent on rows older than handoffs). */
  handoffs: z.array(handoffSchema).max(MAX_HANDOFFS).optional(),
  /** The customer's notices for this callback (server-written; rows written before notices had none). */
  notices: z.array(noticeSummarySchema).max(20).default([]),
  /** Set by a "yes" to "available now?": the customer waits for the call until then (server time). */
  customerWaitingUntil: instantSchema.nullable().default(null),
});
export type CallbackRow = z.infer<typeof callbackRowSchema>;
