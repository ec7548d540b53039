import { customerZone, nextLocalOpening } from '../phones/customer-time';
import type { Policy } from '../policy';

/**
 * When a notice to `phone` may go out (docs/domain.md, "Customer notices"): `now`
 * inside the customer's local daytime (policy notices.customerLocalDaytime), else the
 * next opening of it. Their zone: the one they stated, else the number's area code's,
 * else the center's.
 */
export function noticeDaytimeOpening(
  customer: { timeZone?: string | null | undefined } | undefined,
  phone: string,
  now: number,
  policy: Policy,
): { opensAt: number; timeZone: string } {
  const timeZone =
    customerZone(phone, customer?.timeZone ?? undefined)?.timeZone ?? policy.callbackHours.timeZone;
  return { opensAt: nextLocalOpening(timeZone, now, policy.notices.customerLocalDaytime), timeZone };
}
