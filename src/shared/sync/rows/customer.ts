import { z } from 'zod';
import { baseRowShape, languageSchema, localWindowSchema } from './common';

export const PHONE_LABELS = ['mobile', 'home', 'work', 'attorney', 'other'] as const;

/** A stored phone: already normalized to E.164 (US only) by the form that captured it. */
export const storedPhoneSchema = z.object({
  label: z.enum(PHONE_LABELS),
  e164: z
    .string()
    .regex(/^\+1[2-9]\d{2}[2-9]\d{6}$/, 'a phone is a US number in E.164 form, e.g. +12025550123'),
  ext: z
    .string()
    .regex(/^\d{1,6}$/, 'an extension is 1–6 digits')
    .nullable(),
  bestTime: localWindowSchema.nullable(),
});
export type StoredPhone = z.infer<typeof storedPhoneSchema>;

export const customerRowSchema = z.object({
  ...baseRowShape,
  name: z.string().trim().min(1, 'a customer needs a name').max(120),
  preferredLanguage: languageSchema,
  phones: z.array(storedPhoneSchema).max(10, 'at most 10 phone numbers'),
  email: z.email('not an e-mail address').max(254).nullable(),
  aNumber: z
    .string()
    .regex(/^A\d{9}$/, 'an A-number is stored as A + 9 digits, e.g. A012345678')
    .nullable(),
  /** The customer's own IANA zone as they stated it (drives the 08:00–21:00 local-time rule). */
  timeZone: z.string().min(1).max(64).nullable(),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;
