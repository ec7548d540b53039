import { formatUsPhone } from '../domain/phones/phone-number';
import type { Policy } from '../domain/policy';
import { err, ok, type Result } from '../domain/result';
import { dueAt } from '../domain/sla';
import { put, type RowWrite } from '../sync/mutator';
import { ROW_SCHEMAS } from '../sync/rows';
import type { IvrData } from './events';

export interface IvrCallbackIds {
  customerId: string;
  inquiryId: string;
  callbackId: string;
}

export interface IvrCallbackInput {
  ids: IvrCallbackIds;
  /** The caller's number (E.164), where the callback will be made. */
  from: string;
  ivr: IvrData;
  /** The customer the caller was recognised as (same team), or none: a new customer is created. */
  existingCustomerId: string | undefined;
  /** Who the rows are created by: the platform (`telephony:<platform id>`). */
  createdBy: string;
  now: number;
  policy: Policy;
}

/** The team a callback requested in the IVR goes to: by the caller's language (policy data). */
export function ivrCallbackTeam(ivr: IvrData, policy: Policy): string {
  return policy.telephony.ivrCallback.teamByLanguage[ivr.language];
}

/**
 * A callback the caller asked for in the IVR (PRODUCT.md rule 10): an inquiry that
 * ended in "callback" with the IVR's context, the callback due by the policy's SLA for
 * the configured urgency, and the customer when the caller is new (named by their
 * number until an agent learns their name). Every row is checked against its schema.
 */
export function planIvrCallback(input: IvrCallbackInput): Result<RowWrite[]> {
  const { ids, ivr, policy, now } = input;
  const team = ivrCallbackTeam(ivr, policy);
  const { urgency, tier } = policy.telephony.ivrCallback;
  const writes: RowWrite[] = [];
  if (!input.existingCustomerId) {
    writes.push(
      put('customers', {
        id: ids.customerId,
        team,
        name: formatUsPhone(input.from),
        preferredLanguage: ivr.language,
        phones: [{ label: 'other', e164: input.from, ext: null, bestTime: null }],
        email: null,
        aNumber: ivr.aNumber,
        timeZone: null,
        noticeConsent: { sms: null, email: null },
      }),
    );
  }
  const customerId = input.existingCustomerId ?? ids.customerId;
  writes.push(
    put('inquiries', {
      id: ids.inquiryId,
      team,
      customerId,
      receiptNumber: ivr.receiptNumber,
      topic: (ivr.intent ?? ivr.menuPath.join(' / ')) || 'IVR callback request',
      channel: 'phone',
      ivr: { language: ivr.language, intent: ivr.intent, receiptNumber: ivr.receiptNumber },
      urgency,
      tier,
      status: 'completed',
      script: null,
      outcome: 'callback',
      createdAt: now,
      createdBy: input.createdBy,
      completedAt: now,
    }),
    put('callbacks', {
      id: ids.callbackId,
      team,
      inquiryId: ids.inquiryId,
      customerId,
      tier,
      urgency,
      assigneeId: null,
      claimedAt: null,
      createdAt: now,
      dueAt: dueAt(now, urgency, policy),
      attempts: [],
      extraAttemptsGranted: 0,
      status: 'open',
      scheduledSlot: null,
      textAhead: { enabled: false, sendAt: null },
      closedAt: null,
      notices: [],
      customerWaitingUntil: null,
    }),
  );
  for (const write of writes) {
    const valid = ROW_SCHEMAS[write.table].safeParse({ ...write.row, version: 0 });
    if (!valid.success) {
      return err('telephony.invalid_callback', `The IVR callback's ${write.table} row is not valid.`);
    }
  }
  return ok(writes);
}
