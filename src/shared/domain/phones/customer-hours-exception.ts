/**
 * Customer-local calling hours as a rule the server enforces (PRODUCT.md rule 3: no
 * calls before 08:00 or after 21:00 where the customer is), with ONE explicit
 * exception: the customer asked to be called at that time — a scheduled slot they
 * chose, or a reason the agent writes down. The exception is recorded on the attempt
 * (and its kind audited), so "called at 06:45 their time" always says why.
 */
import { z } from 'zod';
import type { Policy } from '../policy';
import { err, ok, type Result } from '../result';
import { callingHoursCheck, type CustomerLocalTime, type PhoneWithZone } from './customer-time';

export const CUSTOMER_HOURS_EXCEPTION_KINDS = ['scheduled-slot', 'customer-request'] as const;
export type CustomerHoursExceptionKind = (typeof CUSTOMER_HOURS_EXCEPTION_KINDS)[number];

/** Long enough to say who asked and for when ("asked for 7:30 before work"); short enough for a note. */
export const EXCEPTION_NOTE_MIN = 5;
export const EXCEPTION_NOTE_MAX = 300;

export const customerHoursExceptionSchema = z.discriminatedUnion('kind', [
  /** The customer chose the scheduled slot this attempt falls in. */
  z.object({ kind: z.literal('scheduled-slot') }),
  /** The customer asked for this time; the agent writes what they said. */
  z.object({
    kind: z.literal('customer-request'),
    note: z
      .string()
      .trim()
      .min(
        EXCEPTION_NOTE_MIN,
        `write what the customer asked for (at least ${EXCEPTION_NOTE_MIN} characters)`,
      )
      .max(EXCEPTION_NOTE_MAX, `keep the note under ${EXCEPTION_NOTE_MAX} characters`),
  }),
]);
export type CustomerHoursException = z.infer<typeof customerHoursExceptionSchema>;

export interface CustomerHoursCallInput {
  /** The number dialed, with the zone stated for it (if any). */
  phone: PhoneWithZone;
  /** The customer's stated zone: used when the number has none of its own. */
  customerTimeZone?: string | null | undefined;
  /** When the call is made (server time, or the desktop's estimate of it). */
  at: number;
  /** The slot the customer chose, if the callback is scheduled. */
  scheduledSlot?: { start: number; end: number } | null | undefined;
  exception?: CustomerHoursException | null | undefined;
}

export interface CustomerHoursVerdict {
  /** The exception to record on the attempt: set only when it was needed and holds. */
  exception: CustomerHoursException | null;
  /** The customer's wall clock at `at`; undefined when no zone is known (the desktop warns). */
  local?: CustomerLocalTime;
}

/**
 * Whether a call at `at` respects the customer's local hours, or is covered by the
 * exception. Inside the hours no exception is recorded even if one was offered (it
 * was not needed); with no known zone the call is allowed and the screens warn, as
 * before. Outside the hours:
 * - no exception → `attempt.outside_customer_hours`;
 * - `scheduled-slot` → only inside the slot the customer chose (`attempt.exception_no_slot`);
 * - `customer-request` → allowed; the note says what the customer asked for.
 */
export function checkCustomerHours(
  input: CustomerHoursCallInput,
  policy: Policy,
): Result<CustomerHoursVerdict> {
  const zone = input.phone.timeZone ?? input.customerTimeZone ?? undefined;
  const check = callingHoursCheck(
    { e164: input.phone.e164, ...(zone ? { timeZone: zone } : {}) },
    input.at,
    policy,
  );
  const local = check.local;
  if (check.allowed || !local) return ok({ exception: null, ...(local ? { local } : {}) });
  const { start, end } = policy.customerLocalHours;
  const params = {
    at: input.at,
    timeZone: local.timeZone,
    approximate: local.approximate ? 'yes' : 'no',
    start,
    end,
  };
  const exception = input.exception;
  if (!exception) {
    return err(
      'attempt.outside_customer_hours',
      `${check.warning?.message ?? 'It is outside the customer’s calling hours.'} ` +
        `Call between ${start} and ${end} their time, or record that the customer asked to be called now.`,
      params,
    );
  }
  if (exception.kind === 'scheduled-slot') {
    const slot = input.scheduledSlot;
    if (!slot || input.at < slot.start || input.at >= slot.end) {
      return err(
        'attempt.exception_no_slot',
        'This call is not inside a slot the customer chose, so "the customer chose this time" does not apply; ' +
          'record what the customer asked for instead, or call between their calling hours.',
        params,
      );
    }
  }
  return ok({ exception, local });
}
