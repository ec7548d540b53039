import { z } from 'zod';
import { CONTACT_CHANNELS } from '../../domain/contact-channels';
import { urgencySchema } from '../../domain/sla';
import {
  baseRowShape,
  idSchema,
  instantSchema,
  languageSchema,
  storedReceiptNumberSchema,
  tierSchema,
} from './common';
import { storedReferenceSchema } from './reference';

/** The channels of domain/contact-channels (one source of truth), under the inquiry's name. */
export const INQUIRY_CHANNELS = CONTACT_CHANNELS;
export const INQUIRY_STATUSES = ['open', 'completed'] as const;
export const INQUIRY_OUTCOMES = [
  'resolved',
  'callback',
  'service-request',
  'tier2-escalation',
  'expedite-intake',
  'appointment-request',
  'link-sent',
] as const;
export type InquiryOutcome = (typeof INQUIRY_OUTCOMES)[number];

/** What the IVR captured before handing the caller to an agent (PRODUCT.md rule 10). */
export const ivrContextSchema = z.object({
  language: languageSchema,
  intent: z.string().max(120).nullable(),
  receiptNumber: storedReceiptNumberSchema.nullable(),
});

const answerValueSchema = z.union([
  z.string().max(4000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(400)),
]);

export const scriptProgressSchema = z.object({
  scriptId: idSchema,
  scriptVersion: z.number().int().min(1),
  answers: z.record(z.string().max(80), answerValueSchema),
});

export const inquiryRowSchema = z.object({
  ...baseRowShape,
  customerId: idSchema,
  receiptNumber: storedReceiptNumberSchema.nullable(),
  topic: z.string().trim().min(1, 'an inquiry needs a topic').max(200),
  /** The topic in Spanish, when its source has one (a script's topic); screens in Spanish show it. */
  topicEs: z.string().trim().min(1).max(200).optional(),
  channel: z.enum(INQUIRY_CHANNELS),
  ivr: ivrContextSchema.nullable(),
  urgency: urgencySchema,
  tier: tierSchema,
  status: z.enum(INQUIRY_STATUSES),
  script: scriptProgressSchema.nullable(),
  outcome: z.enum(INQUIRY_OUTCOMES).nullable(),
  /** Server time (the SLA clock starts here; never a desktop's clock). */
  createdAt: instantSchema,
  createdBy: idSchema,
  completedAt: instantSchema.nullable(),
  /** What the agent read back to the caller (optional: rows older than reference numbers). */
  reference: storedReferenceSchema('inquiry').optional(),
});
export type InquiryRow = z.infer<typeof inquiryRowSchema>;
