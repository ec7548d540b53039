import { z } from 'zod';
import { parseUsPhone } from '../../../../shared/domain/phones';
import { parseANumber, parseReceiptNumber } from '../../../../shared/domain/identifiers';
import type { Messages } from '../../i18n';
import { errorText } from '../../i18n/error-text';

/** The caller as the agent types them at the start of an inquiry. */
export interface CallerDraft {
  name: string;
  phone: string;
  email: string;
  language: 'en' | 'es';
  receipt: string;
  /** The caller's A-number, if they have one (the customer search finds them by it). */
  aNumber: string;
  /** The customer a screen pop found: the inquiry is theirs (their record is not rewritten). */
  customerId?: string;
}

export const EMPTY_CALLER: CallerDraft = {
  name: '',
  phone: '',
  email: '',
  language: 'en',
  receipt: '',
  aNumber: '',
};

/** A caller kept in a draft, read back from the cache (the draft is dropped if it does not parse). */
export const callerDraftSchema = z.object({
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  language: z.enum(['en', 'es']),
  receipt: z.string(),
  aNumber: z.string(),
  customerId: z.string().optional(),
});

/** Whether nothing was typed for the caller. */
export function isEmptyCaller(caller: CallerDraft): boolean {
  return JSON.stringify(caller) === JSON.stringify(EMPTY_CALLER);
}

export interface CallerCheck {
  name?: string;
  phone?: string;
  receipt?: string;
  aNumber?: string;
}

/** Problems per field, with the shared parsers' own messages; empty when the caller can be saved. */
export function checkCaller(caller: CallerDraft, t: Messages): CallerCheck {
  const problems: CallerCheck = {};
  if (caller.name.trim() === '') problems.name = t.inquiry.callerNameRequired;
  const phone = parseUsPhone(caller.phone);
  if (!phone.ok) problems.phone = t.inquiry.phoneInvalid(errorText(phone.error, t));
  if (caller.receipt.trim() !== '') {
    const receipt = parseReceiptNumber(caller.receipt);
    if (!receipt.ok) problems.receipt = errorText(receipt.error, t);
  }
  if (caller.aNumber.trim() !== '') {
    const aNumber = parseANumber(caller.aNumber);
    if (!aNumber.ok) problems.aNumber = errorText(aNumber.error, t);
  }
  return problems;
}

/** The customer fields inquiry.submit takes (only call once checkCaller found nothing); a script's A-number beats the caller's. */
export function customerFields(caller: CallerDraft, scriptANumber: string | null) {
  const typed = caller.aNumber.trim() ? parseANumber(caller.aNumber) : undefined;
  const aNumber = scriptANumber ?? (typed?.ok ? typed.value.normalized : null);
  const phone = parseUsPhone(caller.phone);
  const email = caller.email.trim();
  return {
    name: caller.name.trim(),
    preferredLanguage: caller.language,
    phones: phone.ok
      ? [
          {
            label: 'mobile' as const,
            e164: phone.value.e164,
            ext: phone.value.extension ?? null,
            bestTime: null,
          },
        ]
      : [],
    email: email === '' ? null : email,
    aNumber,
    timeZone: null,
  };
}

export function normalizedReceipt(text: string): string | null {
  if (text.trim() === '') return null;
  const parsed = parseReceiptNumber(text);
  return parsed.ok ? parsed.value.normalized : null;
}
