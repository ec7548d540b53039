import { z } from 'zod';
import { parseANumber } from '../domain/identifiers/a-number';
import { receiptNumberSchema } from '../domain/identifiers/receipt-number';
import { parseUsPhone } from '../domain/phones/phone-number';
import { languageSchema } from '../sync/rows/common';

/**
 * The telephony bridge's event schema (docs/telephony.md): what a contact center's
 * telephony platform sends to `POST /telephony/v1/events`, provider-neutral. Each
 * vendor's events are mapped onto these by a small adapter on the platform side
 * (an Amazon Connect Lambda, a Genesys Cloud process automation, a Twilio function).
 */

/** The platform's own identifiers: opaque, bounded, printable. */
export const platformIdSchema = z
  .string()
  .min(1, 'an id must not be empty')
  .max(128, 'an id must be at most 128 characters')
  .regex(/^[\x21-\x7e]+$/, 'an id is printable ASCII without spaces');

/** A caller's number as the platform gives it; stored normalized to E.164. */
export const callerNumberSchema = z.string().transform((value, ctx) => {
  const parsed = parseUsPhone(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error.message, input: value });
    return z.NEVER;
  }
  return parsed.value.e164;
});

const aNumberSchema = z.string().transform((value, ctx) => {
  const parsed = parseANumber(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error.message, input: value });
    return z.NEVER;
  }
  return parsed.value.normalized;
});

/** What the IVR collected before the caller reached an agent (or asked to be called back). */
export const ivrDataSchema = z.strictObject({
  language: languageSchema,
  receiptNumber: receiptNumberSchema.nullable().default(null),
  aNumber: aNumberSchema.nullable().default(null),
  /** The menu options chosen, in order (e.g. ["case-status", "speak-to-agent"]). */
  menuPath: z.array(z.string().min(1).max(60)).max(20).default([]),
  /** The caller's stated intent, when the IVR classified one. */
  intent: z.string().min(1).max(120).nullable().default(null),
  callbackRequested: z.boolean().default(false),
});
export type IvrData = z.infer<typeof ivrDataSchema>;

export const END_REASONS = ['completed', 'no-answer', 'busy', 'voicemail', 'failed'] as const;
export const endReasonSchema = z.enum(END_REASONS);
export type EndReason = z.infer<typeof endReasonSchema>;

export const PROGRESS_STATUSES = ['initiated', 'ringing'] as const;

const envelope = {
  /** The platform's id for this event: a resend with the same id is answered as a duplicate. */
  eventId: platformIdSchema,
  /** When it happened at the platform (ISO 8601 with zone). Informational: the server stamps its own time. */
  occurredAt: z.iso.datetime({ offset: true }),
  callId: platformIdSchema,
};

/** The agent as the platform knows them: their Agent Desk username (docs/telephony.md, "Agents"). */
const agentSchema = z.string().min(1).max(64);

export const callOfferedSchema = z.strictObject({
  ...envelope,
  type: z.literal('call.offered'),
  agent: agentSchema,
  from: callerNumberSchema,
  ivr: ivrDataSchema,
});

export const callProgressSchema = z.strictObject({
  ...envelope,
  type: z.literal('call.progress'),
  agent: agentSchema,
  status: z.enum(PROGRESS_STATUSES),
});

export const callAnsweredSchema = z.strictObject({
  ...envelope,
  type: z.literal('call.answered'),
  agent: agentSchema,
});

export const callEndedSchema = z.strictObject({
  ...envelope,
  type: z.literal('call.ended'),
  agent: agentSchema,
  reason: endReasonSchema,
  durationSeconds: z.number().int().min(0).max(86_400),
});

export const callbackRequestedSchema = z.strictObject({
  ...envelope,
  type: z.literal('callback.requested'),
  from: callerNumberSchema,
  ivr: ivrDataSchema,
});

export const telephonyEventSchema = z.discriminatedUnion('type', [
  callOfferedSchema,
  callProgressSchema,
  callAnsweredSchema,
  callEndedSchema,
  callbackRequestedSchema,
]);
export type TelephonyEvent = z.infer<typeof telephonyEventSchema>;
export type TelephonyEventType = TelephonyEvent['type'];

/** The server's request to the platform to place a call for an agent (call-control adapter). */
export const placeCallRequestSchema = z.strictObject({
  /** Unique per request; the platform may use it to de-duplicate a retry. */
  requestId: platformIdSchema,
  agent: agentSchema,
  to: z.string().regex(/^\+1\d{10}$/),
  extension: z
    .string()
    .regex(/^\d{1,10}$/)
    .nullable(),
  /** Ours, echoed back in the call's events is not required: the server keeps the call id. */
  reference: z.strictObject({ callbackId: z.string(), attemptId: z.string() }),
});
export type PlaceCallRequest = z.infer<typeof placeCallRequestSchema>;

/** The platform's answer: the call id its later events carry. */
export const placeCallResponseSchema = z.object({ callId: platformIdSchema });
