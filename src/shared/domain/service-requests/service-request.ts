import { businessDateOf, nextOpening, shiftBusinessDays } from '../calendar/business-calendar';
import { componentForReceipt } from '../identifiers/component-for-receipt';
import type { OperationalComponent } from '../identifiers/operational-components';
import type { ReceiptNumber } from '../identifiers/receipt-number';
import type { Policy } from '../policy';
import { err, ok, type Result } from '../result';
import { formatLocalDate, parseLocalDate, compareDates } from '../time/zoned';
import type { ServiceRequestCategory } from './policy-section';

/**
 * A service request's life as a lead follows it: opened by the agent, sent to the
 * office, answered by the office, closed. It only moves forward.
 */
export const SERVICE_REQUEST_STATUSES = ['open', 'sent-to-office', 'answered', 'closed'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];

/** The category the agent may pick: known and not retired. */
export function findCategory(
  categories: readonly ServiceRequestCategory[],
  id: string,
  { forNewRequest }: { forNewRequest: boolean },
): Result<ServiceRequestCategory> {
  const found = categories.find((c) => c.id === id);
  if (!found) {
    return err(
      'service_request.unknown_category',
      `"${id}" is not a service-request category of the current policy.`,
      {
        category: id,
      },
    );
  }
  if (forNewRequest && found.retired) {
    return err(
      'service_request.category_retired',
      `The category "${found.label.en}" is no longer used; pick another.`,
      {
        category: id,
      },
    );
  }
  return ok(found);
}

/**
 * The target date: `targetBusinessDays` business days (the callback calendar: policy
 * weekdays, no observed federal holidays) after the business day the request is
 * received — the day it is made, or the next business day when it is made outside
 * callback hours. A request made on Friday evening with a 5-day target is received
 * Monday and due the Monday after.
 */
export function serviceRequestTargetDate(
  createdAt: number,
  category: Pick<ServiceRequestCategory, 'targetBusinessDays'>,
  policy: Policy,
): string {
  const received = businessDateOf(nextOpening(createdAt, policy), policy);
  return formatLocalDate(shiftBusinessDays(received, category.targetBusinessDays, policy));
}

/** Still waiting on the office (open or sent) and the target date is behind us (in the policy zone). */
export function isPastTarget(
  request: { status: ServiceRequestStatus; targetDate: string },
  now: number,
  policy: Policy,
): boolean {
  if (request.status === 'answered' || request.status === 'closed') return false;
  const target = parseLocalDate(request.targetDate);
  return target !== undefined && compareDates(businessDateOf(now, policy), target) > 0;
}

export interface ServiceRequestRouting {
  routing: OperationalComponent;
  /** The office that has the case (from the receipt number), when known. */
  office: string | null;
  source: 'category' | 'receipt' | 'agent';
}

/**
 * Where a request goes: the category's component, or the office that has the case.
 * When the receipt cannot tell (none recorded, IOE), the agent's choice is needed.
 */
export function routeServiceRequest(
  category: Pick<ServiceRequestCategory, 'routesTo'>,
  receipt: ReceiptNumber | undefined,
  agentChoice: OperationalComponent | null,
): Result<ServiceRequestRouting> {
  if (category.routesTo !== 'case-office') {
    return ok({ routing: category.routesTo, office: null, source: 'category' });
  }
  const suggestion = componentForReceipt(receipt);
  if (suggestion.kind === 'default') {
    return ok({ routing: suggestion.routing, office: receipt?.office ?? null, source: 'receipt' });
  }
  if (agentChoice === null) {
    return err(
      'service_request.routing_required',
      `Choose where this service request goes: ${suggestion.reason}.`,
    );
  }
  return ok({ routing: agentChoice, office: receipt?.office ?? null, source: 'agent' });
}

/** Forward only: a lead or Tier 2 officer records what the office did. */
export function checkStatusChange(from: ServiceRequestStatus, to: ServiceRequestStatus): Result<void> {
  const order = SERVICE_REQUEST_STATUSES.indexOf.bind(SERVICE_REQUEST_STATUSES);
  if (from === 'closed') {
    return err('service_request.closed', 'This service request is closed.');
  }
  if (order(to) <= order(from)) {
    return err(
      'service_request.status_backwards',
      `A service request moves forward only: it is "${from}", so it cannot become "${to}".`,
      { from, to },
    );
  }
  return ok(undefined);
}
