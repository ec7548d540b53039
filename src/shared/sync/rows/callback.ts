import { z } from 'zod';
import { attemptRecordSchema } from '../../domain/attempts';
import { urgencySchema } from '../../domain/sla';
import { baseRowShape, idSchema, instantSchema, instantWindowSchema, tierSchema } from './common';

export const CALLBACK_STATUSES = ['open', 'closed-resolved', 'closed-unable-to-reach'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const textAheadSchema = z.object({
  enabled: z.boolean(),
  /** Server-computed from the slot and the policy's business-days-before rule. */
  sendAt: instantSchema.nullable(),
});

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
});
export type CallbackRow = z.infer<typeof callbackRowSchema>;
