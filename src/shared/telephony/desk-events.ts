import { z } from 'zod';
import { customerHoursExceptionSchema } from '../domain/phones/customer-hours-exception';
import { idSchema, instantSchema } from '../sync/rows/common';
import { END_REASONS, PROGRESS_STATUSES, ivrDataSchema } from './events';

/**
 * What the server tells an agent's desktop about their calls (socket event
 * `telephony:call`, docs/telephony.md "To the desktop"). Times are the server's.
 */
export const TELEPHONY_EVENTS = {
  /** server → desktop */
  call: 'telephony:call',
  /** desktop → server, with ack: place a call through the platform (cti port). */
  placeCall: 'telephony:place-call',
} as const;

const callRef = {
  /** The platform's call id, qualified by platform (`<platform>:<call id>`). */
  callId: z.string().min(1).max(200),
  at: instantSchema,
};

/** Present on events of a call placed for a callback attempt. */
const attemptRefSchema = z
  .object({ callbackId: idSchema, attemptId: idSchema, numberDialed: z.string() })
  .nullable();

export const deskCallEventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...callRef,
    kind: z.literal('offered'),
    /** The caller's number (E.164). */
    from: z.string(),
    /** The customer found by receipt number, A-number or number; null: a new customer. */
    customerId: idSchema.nullable(),
    ivr: ivrDataSchema,
  }),
  z.object({
    ...callRef,
    kind: z.literal('progress'),
    status: z.enum(PROGRESS_STATUSES),
    attempt: attemptRefSchema,
  }),
  z.object({ ...callRef, kind: z.literal('answered'), attempt: attemptRefSchema }),
  z.object({
    ...callRef,
    kind: z.literal('ended'),
    reason: z.enum(END_REASONS),
    durationSeconds: z.number().int().min(0),
    /** When the call started (placed or offered): the attempt's time. */
    startedAt: instantSchema,
    attempt: attemptRefSchema,
  }),
]);
export type DeskCallEvent = z.infer<typeof deskCallEventSchema>;

export const placeCallArgsSchema = z.strictObject({
  callbackId: idSchema,
  attemptId: idSchema,
  numberDialed: z.string().regex(/^\+1\d{10}(?:;ext=\d{1,10})?$/, 'a US number in E.164 form'),
  /** Outside the customer's local hours: why the call may still be made; checked and audited as the attempt's. */
  exception: customerHoursExceptionSchema.nullable().optional(),
});
export type PlaceCallArgs = z.infer<typeof placeCallArgsSchema>;
export const placeCallResultSchema = z.object({ callId: z.string() });
