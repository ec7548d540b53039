import { err, ok, type Result } from '../../shared/domain/result';
import type { ParsedChannelArgs } from '../../shared/ipc/channels';
import {
  createInquiry,
  createServiceRequest,
  recordExpediteRequest,
  recordInquiryOutcome,
  requestAppointment,
  upsertCustomer,
} from '../../shared/sync/registry';
import { createsCallback } from '../../shared/sync/mutators/inquiry-record-outcome';
import type { PlannedMutation } from '../store/local-store';

export interface SubmitPlan {
  mutations: PlannedMutation[];
  ids: {
    customerId: string;
    inquiryId: string;
    callbackId: string | null;
    expediteId: string | null;
    appointmentId: string | null;
    serviceRequestId: string | null;
  };
}

const REQUIRED_PART = {
  'expedite-intake': ['expedite', 'the expedite checklist'],
  'appointment-request': ['appointment', 'the appointment request'],
  'service-request': ['serviceRequest', 'the service request'],
} as const;

/**
 * The inquiry form's "finish" as mutations, in the order the server must see
 * them: the customer, the inquiry, its follow-up record, then the outcome (which
 * completes the inquiry and may create the callback). Enqueued atomically.
 */
export function planInquirySubmit(
  args: ParsedChannelArgs<'inquiry.submit'>,
  newId: () => string,
): Result<SubmitPlan> {
  const required = REQUIRED_PART[args.outcome as keyof typeof REQUIRED_PART] as
    (typeof REQUIRED_PART)[keyof typeof REQUIRED_PART] | undefined;
  if (required && args[required[0]] === undefined) {
    return err('inquiry.missing_part', `The outcome "${args.outcome}" needs ${required[1]}.`);
  }
  const mutations: PlannedMutation[] = [];
  const plan = (name: string, mutationArgs: unknown) =>
    mutations.push({ id: newId(), name, args: mutationArgs });
  const customerId = args.customer.customerId ?? newId();
  if ('fields' in args.customer) plan(upsertCustomer.name, { ...args.customer.fields, customerId });
  const inquiryId = newId();
  plan(createInquiry.name, { inquiryId, customerId, ...args.inquiry });
  let expediteId: string | null = null;
  if (args.expedite) {
    expediteId = newId();
    plan(recordExpediteRequest.name, { expediteId, inquiryId, ...args.expedite });
  }
  let appointmentId: string | null = null;
  if (args.appointment) {
    appointmentId = newId();
    plan(requestAppointment.name, { appointmentId, inquiryId, ...args.appointment });
  }
  let serviceRequestId: string | null = null;
  if (args.serviceRequest) {
    serviceRequestId = newId();
    plan(createServiceRequest.name, { serviceRequestId, inquiryId, ...args.serviceRequest });
  }
  const callbackId = createsCallback(args.outcome) ? newId() : null;
  plan(recordInquiryOutcome.name, {
    inquiryId,
    outcome: args.outcome,
    script: args.inquiry.script,
    callbackId,
    urgency: args.finalUrgency,
  });
  return ok({
    mutations,
    ids: { customerId, inquiryId, callbackId, expediteId, appointmentId, serviceRequestId },
  });
}
