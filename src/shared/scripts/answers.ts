/**
 * Typed answers: checking what the agent typed against the question's type with the
 * shared domain parsers (so the message is the same one every other form shows), and
 * storing the normalized form (receipt `EAC2212345678`, A-number `A012345678`, phone
 * E.164, date `YYYY-MM-DD`, yes/no as a boolean). Dates are typed the way the agent's
 * screen language writes them (11/02/2026 in English, 02/11/2026 in Spanish, or ISO)
 * and read back to the caller in words in the caller's language.
 */
import { parseANumber, parseReceiptNumber } from '../domain/identifiers';
import { formatUsPhone, parseUsPhone } from '../domain/phones';
import { err, ok } from '../domain/result';
import type { Result } from '../domain/result';
import { dateInWords, parseDateInput } from '../domain/language';
import { formatLocalDate, parseLocalDate } from '../domain/time/zoned';
import type { Language } from '../sync/rows/common';
import type { AnswerSpec } from './schema';

/** A stored answer; `null` means the agent left an optional question empty. */
export type AnswerValue = string | boolean | null;

/** Matches the inquiry row's limit on one answer (sync/rows/inquiry.ts). */
export const MAX_TEXT_ANSWER = 4000;

const YES = new Set(['yes', 'y', 'true', 'si', 'sí', 's']);
const NO = new Set(['no', 'n', 'false']);
/** Stored phone with an extension: `+12025550143;ext=12` (RFC 3966 style, parses back). */
const EXT_SEPARATOR = ';ext=';

/**
 * Checks one raw answer — what the input holds right now — and returns the value to
 * store. Safe to call on every keystroke; never throws. `inputLanguage` is the
 * language of the screen the answer was typed on (it decides 11/02 vs 02/11).
 */
export function checkAnswer(
  spec: AnswerSpec,
  raw: unknown,
  inputLanguage: Language = 'en',
): Result<AnswerValue> {
  if (isEmpty(raw)) {
    return spec.required ? err('answer.required', 'this question needs an answer') : ok(null);
  }
  switch (spec.type) {
    case 'yes-no':
      return yesNo(raw);
    case 'choice':
      return choice(spec, raw);
    default:
      break;
  }
  if (typeof raw !== 'string') {
    return err('answer.not_text', `expected typed text for a ${spec.type} answer, got ${typeof raw}`);
  }
  switch (spec.type) {
    case 'receipt-number': {
      const r = parseReceiptNumber(raw);
      return r.ok ? ok(r.value.normalized) : r;
    }
    case 'a-number': {
      const r = parseANumber(raw);
      return r.ok ? ok(r.value.normalized) : r;
    }
    case 'phone': {
      const r = parseUsPhone(raw);
      if (!r.ok) return r;
      return ok(r.value.extension ? `${r.value.e164}${EXT_SEPARATOR}${r.value.extension}` : r.value.e164);
    }
    case 'date': {
      const date = parseDateInput(raw, inputLanguage);
      return date.ok ? ok(formatLocalDate(date.value)) : date;
    }
    default: {
      const text = raw.trim();
      return text.length > MAX_TEXT_ANSWER
        ? err(
            'answer.too_long',
            `this answer has ${text.length} characters; keep it under ${MAX_TEXT_ANSWER}`,
          )
        : ok(text);
    }
  }
}

/** How a stored answer reads in a sentence, in the caller's language. */
export function formatAnswer(spec: AnswerSpec, value: AnswerValue, language: Language): string {
  if (value === null) return '';
  if (typeof value === 'boolean') {
    if (language === 'es') return value ? 'sí' : 'no';
    return value ? 'yes' : 'no';
  }
  if (spec.type === 'choice') {
    const label = spec.choices?.find((c) => c.value === value)?.label[language];
    return label ?? value;
  }
  if (spec.type === 'phone') {
    const [e164 = value, ext] = value.split(EXT_SEPARATOR);
    return formatUsPhone(e164, ext);
  }
  if (spec.type === 'date') {
    const date = parseLocalDate(value);
    return date ? dateInWords(date, language) : value;
  }
  return value;
}

function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

function yesNo(raw: unknown): Result<AnswerValue> {
  if (typeof raw === 'boolean') return ok(raw);
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase();
    if (YES.has(word)) return ok(true);
    if (NO.has(word)) return ok(false);
  }
  return err('answer.yes_no', 'answer yes or no');
}

function choice(spec: AnswerSpec, raw: unknown): Result<AnswerValue> {
  const values = (spec.choices ?? []).map((c) => c.value);
  if (typeof raw === 'string' && values.includes(raw)) return ok(raw);
  return err('answer.choice', `pick one of the listed answers (${values.join(', ')})`);
}
