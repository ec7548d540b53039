import { z } from 'zod';
import { parseANumber } from '../../domain/identifiers/a-number';
import { isKnownTimeZone } from '../../domain/phones/customer-time';
import { bestTimeWindowSchema } from '../../domain/phones/customer-phone-schema';
import { parseUsPhone } from '../../domain/phones/phone-number';
import { PHONE_LABELS, type CustomerPhone } from '../../domain/phones/suggest-number';
import { baseRowShape, languageSchema } from './common';

/** The phone labels of domain/phones (one source of truth), re-exported under the sync name. */
export { PHONE_LABELS };

const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, { message: 'not a known IANA time zone, e.g. America/Chicago' });

/**
 * A stored phone: already normalized to E.164 (US only) by the form that captured it.
 * The row keeps its own field names (`e164`, `ext`, nullable `bestTime`). Its field
 * rules are the domain's customerPhoneSchema rules (same label list, number and
 * extension patterns, best-time window and zone check), so the one rule left to
 * run is the number itself: parseUsPhone, run once per phone (not the whole domain
 * schema a second time), so a number parseUsPhone refuses never reaches a worklist.
 */
export const storedPhoneSchema = z
  .object({
    label: z.enum(PHONE_LABELS),
    e164: z.string().regex(/^\+1\d{10}$/, 'a phone is a US number in E.164 form, e.g. +12025550123'),
    ext: z
      .string()
      .regex(/^\d{1,10}$/, 'an extension is 1–10 digits')
      .nullable(),
    bestTime: bestTimeWindowSchema.nullable(),
    /** The zone stated for this number (an attorney's office); beats the customer's zone and the area code. */
    timeZone: timeZoneSchema.optional(),
  })
  .superRefine((phone, ctx) => {
    const problem = e164Problem(phone.e164);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, path: ['e164'] });
  });
export type StoredPhone = z.infer<typeof storedPhoneSchema>;

/** parseUsPhone's verdicts on numbers already seen (a pure function of the text; bounded). */
const e164Verdicts = new Map<string, string | undefined>();
const E164_VERDICTS_MAX = 10_000;

/** Why parseUsPhone refuses this number, or undefined when it accepts it. */
function e164Problem(e164: string): string | undefined {
  if (e164Verdicts.has(e164)) return e164Verdicts.get(e164);
  const parsed = parseUsPhone(e164);
  const problem = parsed.ok ? undefined : parsed.error.message;
  if (e164Verdicts.size >= E164_VERDICTS_MAX) e164Verdicts.clear();
  e164Verdicts.set(e164, problem);
  return problem;
}

/** The domain form of a stored phone (for suggestNumber, calling-hours checks). `id` is its position. */
export function toCustomerPhone(
  phone: Pick<StoredPhone, 'label' | 'e164' | 'ext' | 'bestTime' | 'timeZone'>,
  index: number,
): CustomerPhone {
  return {
    id: String(index),
    label: phone.label,
    number: phone.e164,
    ...(phone.ext ? { extension: phone.ext } : {}),
    ...(phone.bestTime ? { bestTime: phone.bestTime } : {}),
    ...(phone.timeZone ? { timeZone: phone.timeZone } : {}),
  };
}

/** Whether `numberDialed` (`+12025550143` or `+12025550143;ext=12`) is one of these phones. */
export function isNumberOnFile(phones: readonly StoredPhone[], numberDialed: string): boolean {
  const [e164, ext] = numberDialed.split(';ext=');
  // Dialing the main line of a number that has an extension reaches the same place; a different extension does not.
  return phones.some((p) => p.e164 === e164 && (ext === undefined || ext === p.ext));
}

/** A stored A-number: `A` + 9 digits, one that domain/identifiers accepts. */
export const storedANumberSchema = z
  .string()
  .regex(/^A\d{9}$/, 'an A-number is stored as A + 9 digits, e.g. A012345678')
  .superRefine((value, ctx) => {
    const parsed = parseANumber(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
  });

/** How the customer agreed to receive messages (recorded with when and by whom). */
export const CONSENT_METHODS = ['verbal-on-call', 'written', 'ivr'] as const;

/** The customer's agreement to receive notices at one address; revoked by STOP (or an agent) at once. */
export const noticeConsentSchema = z.object({
  /** E.164 for SMS, the e-mail address for e-mail. */
  address: z.string().min(3).max(254),
  at: z.number().int().min(0),
  how: z.enum(CONSENT_METHODS),
  by: z.string().min(1).max(64),
  revokedAt: z.number().int().min(0).nullable(),
  revokedHow: z.enum(['stop-keyword', 'agent']).nullable(),
});
export type NoticeConsent = z.infer<typeof noticeConsentSchema>;

export const customerRowSchema = z.object({
  ...baseRowShape,
  name: z.string().trim().min(1, 'a customer needs a name').max(120),
  preferredLanguage: languageSchema,
  phones: z.array(storedPhoneSchema).max(10, 'at most 10 phone numbers'),
  email: z.email('not an e-mail address').max(254).nullable(),
  aNumber: storedANumberSchema.nullable(),
  /** The customer's own IANA zone as they stated it (drives the 08:00–21:00 local-time rule). */
  timeZone: timeZoneSchema.nullable(),
  /** Consent to notices per channel (customer.set-notice-consent; the server revokes it on STOP). */
  noticeConsent: z
    .object({ sms: noticeConsentSchema.nullable(), email: noticeConsentSchema.nullable() })
    .default({ sms: null, email: null }),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;
