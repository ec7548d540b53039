import type { ReferenceKind } from '../../shared/domain/identifiers/reference-number';
import { err, ok, type Result } from '../../shared/domain/result';
import type { ChannelResult, ParsedChannelArgs } from '../../shared/ipc/channels';
import {
  addNote,
  createInquiryWithReference,
  createServiceRequest,
  recordExpediteRequestWithReference,
  recordInquiryOutcome,
  requestAppointmentWithReference,
  upsertCustomer,
} from '../../shared/sync/registry';
import { createsCallback } from '../../shared/sync/mutators/inquiry-record-outcome';
import type { PlannedMutation } from '../store/local-store';

type SubmitResult = Omit<ChannelResult<'inquiry.submit'>, 'mutationIds'>;

export interface SubmitPlan {
  mutations: PlannedMutation[];
  ids: SubmitResult;
}

const REQUIRED_PART = {
  'expedite-intake': ['expedite', 'the expedite checklist'],
  'appointment-request': ['appointment', 'the appointment request'],
  'service-request': ['serviceRequest', 'the service request'],
  'tier2-escalation': ['escalation', 'the reason for Tier 2'],
} as const;

/** Fresh ids and the desk's next reference numbers (taken inside the queuing transaction). */
export interface SubmitFills {
  newId(): string;
  reference(kind: ReferenceKind): string;
}

/**
 * The inquiry form's "finish" as mutations, in the order the server must see
 * them: the customer, the inquiry, its follow-up record, the escalation note, then
 * the outcome (which completes the inquiry and may create the callback). Every
 * record gets its reference number here. Enqueued atomically.
 */
export function planInquirySubmit(
  args: ParsedChannelArgs<'inquiry.submit'>,
  fills: SubmitFills,
): Result<SubmitPlan> {
  const required = REQUIRED_PART[args.outcome as keyof typeof REQUIRED_PART] as
    (typeof REQUIRED_PART)[keyof typeof REQUIRED_PART] | undefined;
  if (required && args[required[0]] === undefined) {
    return err('inquiry.missing_part', `The outcome "${args.outcome}" needs ${required[1]}.`);
  }
  const { newId, reference } = fills;
  const mutations: PlannedMutation[] = [];
  const plan = (name: string, mutationArgs: unknown) =>
    mutations.push({ id: newId(), name, args: mutationArgs });
  const customerId = args.customer.customerId ?? newId();
  if ('fields' in args.customer) plan(upsertCustomer.name, { ...args.customer.fields, customerId });
  const inquiryId = newId();
  const references: SubmitResult['references'] = {
    inquiry: reference('inquiry'),
    callback: null,
    expedite: null,
    appointment: null,
    serviceRequest: null,
  };
  plan(createInquiryWithReference.name, {
    inquiryId,
    customerId,
    ...args.inquiry,
    reference: references.inquiry,
  });
  const follow = (kind: ReferenceKind, name: string, idKey: string, fields: object) => {
    const id = newId();
    const ref = reference(kind);
    plan(name, { [idKey]: id, inquiryId, ...fields, reference: ref });
    return { id, ref };
  };
  const expedite = args.expedite
    ? follow('expedite', recordExpediteRequestWithReference.name, 'expediteId', args.expedite)
    : undefined;
  const appointment = args.appointment
    ? follow('appointment', requestAppointmentWithReference.name, 'appointmentId', args.appointment)
    : undefined;
  const serviceRequest = args.serviceRequest
    ? follow('service-request', createServiceRequest.name, 'serviceRequestId', args.serviceRequest)
    : undefined;
  let noteId: string | null = null;
  if (args.outcome === 'tier2-escalation' && args.escalation?.note) {
    noteId = newId();
    const about = { table: 'inquiries', id: inquiryId };
    plan(addNote.name, { noteId, customerId, about, text: args.escalation.note, corrects: null });
  }
  const callbackId = createsCallback(args.outcome) ? newId() : null;
  references.callback = callbackId ? reference('callback') : null;
  references.expedite = expedite?.ref ?? null;
  references.appointment = appointment?.ref ?? null;
  references.serviceRequest = serviceRequest?.ref ?? null;
  plan(recordInquiryOutcome.name, {
    inquiryId,
    outcome: args.outcome,
    script: args.inquiry.script,
    callbackId,
    urgency: args.finalUrgency,
    callbackReference: references.callback,
    escalation:
      args.outcome === 'tier2-escalation' && args.escalation
        ? { code: args.escalation.code, reason: args.escalation.reason, noteId }
        : null,
  });
  return ok({
    mutations,
    ids: {
      customerId,
      inquiryId,
      callbackId,
      expediteId: expedite?.id ?? null,
      appointmentId: appointment?.id ?? null,
      serviceRequestId: serviceRequest?.id ?? null,
      references,
    },
  });
}
