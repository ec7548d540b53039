/**
 * The stored shape of a customer's phone number, checked wherever one crosses a
 * trust boundary (sync push/pull, IPC). The number must already be canonical
 * E.164: the form parses free text with parseUsPhone before anything is stored.
 */
import { z } from 'zod';
import { clockTimeSchema, minutesOfDay } from '../time/clock-time';
import { isKnownTimeZone } from './customer-time';
import { parseUsPhone } from './phone-number';
import { PHONE_LABELS } from './suggest-number';

export const bestTimeWindowSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((w) => minutesOfDay(w.start) < minutesOfDay(w.end), {
    message: 'a best-time window must start before it ends (same day, customer local time)',
  });

export const customerPhoneSchema = z
  .object({
    id: z.string().min(1),
    label: z.enum(PHONE_LABELS),
    number: z.string().regex(/^\+1\d{10}$/, 'expected an E.164 U.S. number, e.g. +12025550143'),
    extension: z
      .string()
      .regex(/^\d{1,10}$/, 'an extension is 1–10 digits')
      .optional(),
    bestTime: bestTimeWindowSchema.optional(),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, { message: 'not a known IANA time zone, e.g. America/Chicago' })
      .optional(),
  })
  .superRefine((phone, ctx) => {
    const parsed = parseUsPhone(phone.number);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['number'], message: parsed.error.message });
  });

export type StoredCustomerPhone = z.infer<typeof customerPhoneSchema>;
