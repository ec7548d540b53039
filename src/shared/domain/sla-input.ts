import { allowedAttempts, attemptPlan, type CallbackAttemptState } from './attempts';
import { customerZone, type PhoneWithZone } from './phones/customer-time';
import type { Policy } from './policy';
import type { SlaInput, Urgency } from './sla';

/** What the SLA rule needs of a customer: where their numbers ring. */
export interface SlaCustomer {
  phones: readonly PhoneWithZone[];
  /** The customer's stated zone (beats the area code, loses to a number's own zone). */
  timeZone?: string | null;
}

/**
 * The zones the customer's numbers ring in, one per number that has one (a number's
 * own zone, else the customer's stated zone, else its area code's). No PII: the
 * supervisor index keeps these instead of the phones.
 */
export function customerZones(customer: SlaCustomer | undefined): string[] {
  const zones: string[] = [];
  for (const phone of customer?.phones ?? []) {
    const zone = customerZone(phone.e164, phone.timeZone ?? customer?.timeZone ?? undefined);
    if (zone) zones.push(zone.timeZone);
  }
  return zones;
}

/**
 * The SLA rule's input for an open callback: its due time, the attempts still
 * allowed, when the next may start, and the zones of the customer's numbers (so the
 * desktop's worklist and the server's board judge every callback the same way).
 * An unknown customer or zone leaves callback hours alone to decide. `customer` may be
 * given as its zones already (customerZones), as the supervisor index keeps them.
 */
export function slaInputFor(
  callback: CallbackAttemptState & { urgency: Urgency },
  customer: SlaCustomer | readonly string[] | undefined,
  policy: Policy,
): SlaInput {
  const attemptsLeft = Math.max(1, allowedAttempts(callback, policy) - callback.attempts.length);
  const plan = attemptPlan(callback, callback.createdAt, policy);
  const zones = isZoneList(customer) ? [...customer] : customerZones(customer);
  return {
    dueAt: callback.dueAt,
    urgency: callback.urgency,
    attemptsLeft,
    ...(plan.kind === 'next' ? { earliestNextAttempt: plan.window.earliest } : {}),
    zones,
  };
}

function isZoneList(customer: SlaCustomer | readonly string[] | undefined): customer is readonly string[] {
  return Array.isArray(customer);
}
