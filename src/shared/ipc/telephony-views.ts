import { z } from 'zod';
import { domainErrorSchema } from '../domain/error-schema';
import { customerHoursExceptionSchema } from '../domain/phones/customer-hours-exception';
import { idSchema, instantSchema } from '../sync/rows/common';

/** The telephony ports IT chooses between (managed settings, docs/telephony.md). */
export const TELEPHONY_PORT_NAMES = ['manual', 'uri', 'cti'] as const;

const dialArgs = {
  callbackId: idSchema,
  numberDialed: z.string().regex(/^\+1\d{10}(?:;ext=\d{1,10})?$/, 'a US number in E.164 form'),
  /** Outside the customer's local hours: why the call may still be made (as on the attempt). */
  exception: customerHoursExceptionSchema.nullable().optional(),
};
export const dialCheckArgsSchema = z.object(dialArgs).strict();
export const dialArgsSchema = z.object({ ...dialArgs, attemptId: idSchema }).strict();

/**
 * What the attempt screen shows before the dial: the port, the number, the customer's
 * local time there, the rules that apply (callback hours, customer-local hours, the
 * attempt window) and whether the dial is allowed — by the rules recording the attempt
 * will apply (checkDial).
 */
export const dialPreviewSchema = z.object({
  port: z.enum(TELEPHONY_PORT_NAMES),
  numberDialed: z.string(),
  allowed: z.boolean(),
  refusal: domainErrorSchema.nullable(),
  warning: domainErrorSchema.nullable(),
  customerLocal: z
    .object({
      hour: z.number().int(),
      minute: z.number().int(),
      timeZone: z.string(),
      approximate: z.boolean(),
    })
    .nullable(),
  rules: z.object({
    callbackHours: z.object({ start: z.string(), end: z.string(), timeZone: z.string() }),
    customerLocalHours: z.object({ start: z.string(), end: z.string() }),
    attemptWindow: z.object({ earliest: instantSchema, latest: instantSchema }).nullable(),
  }),
});
export type DialPreview = z.infer<typeof dialPreviewSchema>;

/** manual: dial on the desk phone; uri: the softphone was asked to dial; cti: the platform is placing the call. */
export const dialResultSchema = z.object({
  port: z.enum(TELEPHONY_PORT_NAMES),
  opened: z.boolean(),
  callId: z.string().nullable(),
});
export type DialResult = z.infer<typeof dialResultSchema>;
