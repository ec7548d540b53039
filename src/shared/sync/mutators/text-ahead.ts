import { businessDateOf, openingOn, shiftBusinessDays } from '../../domain/calendar/business-calendar';
import type { Policy } from '../../domain/policy';

/**
 * When the text/e-mail notice for a scheduled callback goes out (PRODUCT.md rule 6):
 * at the opening of the business day `maxBusinessDaysBefore` before the slot, or,
 * when that has passed, the latest day still at least `minBusinessDaysBefore`
 * before it. Undefined when even that has passed (too late to announce).
 */
export function textAheadSendAt(slotStart: number, now: number, policy: Policy): number | undefined {
  const slotDate = businessDateOf(slotStart, policy);
  const { minBusinessDaysBefore, maxBusinessDaysBefore } = policy.textAhead;
  for (let days = maxBusinessDaysBefore; days >= minBusinessDaysBefore; days--) {
    const sendAt = openingOn(shiftBusinessDays(slotDate, -days, policy), policy);
    if (sendAt >= now && sendAt <= slotStart) return sendAt;
  }
  return undefined;
}
