import { checkAttemptAllowed } from '../domain/attempts';
import { checkCustomerHours, type CustomerHoursException } from '../domain/phones/customer-hours-exception';
import { callingHoursCheck, type CustomerLocalTime } from '../domain/phones/customer-time';
import { formatUsPhone } from '../domain/phones/phone-number';
import type { Policy } from '../domain/policy';
import { err, ok, type DomainError, type Result } from '../domain/result';
import type { CallbackRow } from '../sync/rows/callback';
import { isNumberOnFile, type CustomerRow } from '../sync/rows/customer';

export interface DialAllowed {
  attemptNumber: number;
  late: boolean;
  /** The customer's wall clock where this number is (undefined: unknown zone). */
  local: CustomerLocalTime | undefined;
  /** Allowed, but the agent should know (the local time is unknown). */
  warning: DomainError | undefined;
  /** The customer-hours exception the dial needed and met (null: inside their hours). */
  exception: CustomerHoursException | null;
}

/**
 * Whether an agent may dial `numberDialed` for this callback now: the rules that
 * recording the attempt will apply (docs/telephony.md, "Dialing"), checked before the
 * call instead of after it — the callback is open and claimed by this agent, the
 * number is on file, an attempt is allowed now (attempts left, callback hours, retry
 * gap: checkAttemptAllowed), and it is within customer-local hours where the number
 * is unless the customer asked for this time (checkCustomerHours with the attempt's
 * exception: a slot they chose, or what they asked for). Every port (manual, uri, cti)
 * and the server's place-call run this same check.
 */
export function checkDial(
  callback: CallbackRow,
  customer: CustomerRow | undefined,
  numberDialed: string,
  actorId: string,
  now: number,
  policy: Policy,
  exception?: CustomerHoursException | null,
): Result<DialAllowed> {
  if (callback.status !== 'open') return err('callback.closed', 'This callback is already closed.');
  if (callback.assigneeId !== actorId) {
    return err('callback.not_claimed_by_you', 'Claim this callback before dialing.');
  }
  const [e164 = numberDialed, ext] = numberDialed.split(';ext=');
  if (customer && !isNumberOnFile(customer.phones, numberDialed)) {
    return err(
      'callback.number_not_on_file',
      `${formatUsPhone(e164, ext)} is not on file for this customer; dial one of their numbers, or add this one to the customer first.`,
    );
  }
  const allowed = checkAttemptAllowed(callback, now, policy);
  if (!allowed.ok) return allowed;
  const phone = customer?.phones.find((p) => p.e164 === e164);
  const zone = phone?.timeZone ?? customer?.timeZone ?? undefined;
  const customerHours = checkCustomerHours(
    {
      phone: { e164, ...(zone ? { timeZone: zone } : {}) },
      at: now,
      scheduledSlot: callback.scheduledSlot,
      exception,
    },
    policy,
  );
  if (!customerHours.ok) return customerHours;
  // Allowed; the warning (an unknown zone, a guess from the area code) is still shown.
  const hours = callingHoursCheck({ e164, ...(zone ? { timeZone: zone } : {}) }, now, policy);
  return ok({
    ...allowed.value,
    local: hours.local,
    warning: hours.allowed ? hours.warning : undefined,
    exception: customerHours.value.exception,
  });
}
