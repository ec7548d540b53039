import { command, newId, referenceOf, serverNow } from './command';
import type { Mutator } from './mutator';
import { requestAppointment, requestAppointmentWithReference } from './mutators/appointment-request';
import { askAvailability } from './mutators/callback-ask-availability';
import { claimCallback } from './mutators/callback-claim';
import { grantExtraAttempt } from './mutators/callback-grant-extra-attempt';
import { escalateCallback, handBackCallback } from './mutators/callback-handoff';
import { reassignCallback } from './mutators/callback-reassign';
import { recordCallbackAttempt, recordCallbackAttemptV1 } from './mutators/callback-record-attempt';
import { releaseCallback } from './mutators/callback-release';
import { scheduleCallback } from './mutators/callback-schedule';
import { setNoticeConsent } from './mutators/customer-set-notice-consent';
import { upsertCustomer } from './mutators/customer-upsert';
import { recordExpediteRequest, recordExpediteRequestWithReference } from './mutators/expedite-record';
import { referExpediteRequest } from './mutators/expedite-refer';
import { createInquiry, createInquiryWithReference } from './mutators/inquiry-create';
import {
  createsCallback,
  recordInquiryOutcome,
  recordInquiryOutcomeV1,
} from './mutators/inquiry-record-outcome';
import { addNote } from './mutators/note-add';
import { setPresence } from './mutators/presence-set';
import { createServiceRequest, createServiceRequestV1 } from './mutators/service-request-create';
import { setServiceRequestStatus } from './mutators/service-request-set-status';
import { recordWrapUp } from './mutators/wrap-up-record';

/**
 * THE table of mutations. Each row a renderer can reach is a desktop command,
 * keyed by its IPC channel: the mutator, the arguments the desktop fills (ids,
 * time, reference numbers) and what the answer returns. The IPC channel map, its
 * validation and the desktop's handlers are derived from it (shared/ipc/command-channels.ts,
 * desktop/core/commands.ts); adding a command is the mutator file plus one row
 * here (docs/architecture.md, "Adding a command").
 */
export const COMMANDS = {
  'customer.upsert': command(upsertCustomer, {
    fill: { customerId: newId },
    // An update names its customer; a new customer gets a fresh id.
    optional: ['customerId'],
    returns: ['customerId'],
  }),
  'customer.setNoticeConsent': command(setNoticeConsent),
  'inquiry.create': command(createInquiryWithReference, {
    fill: { inquiryId: newId, reference: referenceOf('inquiry') },
    returns: ['inquiryId', 'reference'],
  }),
  'inquiry.recordOutcome': command(recordInquiryOutcome, {
    fill: {
      callbackId: (a, ctx) => (createsCallback(a.outcome) ? ctx.newId() : null),
      callbackReference: (a, ctx) => (createsCallback(a.outcome) ? ctx.reference('callback') : null),
    },
    returns: ['callbackId', 'callbackReference'],
  }),
  'callback.claim': command(claimCallback),
  'callback.release': command(releaseCallback),
  'callback.recordAttempt': command(recordCallbackAttempt, {
    fill: {
      attemptId: newId,
      messageLeft: (a) => a.outcome === 'no-answer-message-left',
      // The time the agent recorded it, so an attempt queued during a network cut keeps its time.
      at: serverNow,
    },
    // A call placed through the telephony platform (cti) names its attempt and starts at the call's time.
    optional: ['attemptId', 'at'],
    returns: ['attemptId'],
  }),
  'callback.schedule': command(scheduleCallback),
  'callback.askAvailability': command(askAvailability),
  'callback.grantExtraAttempt': command(grantExtraAttempt),
  'callback.reassign': command(reassignCallback),
  'callback.escalate': command(escalateCallback),
  'callback.handBack': command(handBackCallback),
  'expedite.record': command(recordExpediteRequestWithReference, {
    fill: { expediteId: newId, reference: referenceOf('expedite') },
    returns: ['expediteId', 'reference'],
  }),
  'expedite.refer': command(referExpediteRequest),
  'appointment.request': command(requestAppointmentWithReference, {
    fill: { appointmentId: newId, reference: referenceOf('appointment') },
    returns: ['appointmentId', 'reference'],
  }),
  'serviceRequest.create': command(createServiceRequest, {
    fill: { serviceRequestId: newId, reference: referenceOf('service-request') },
    returns: ['serviceRequestId', 'reference'],
  }),
  'serviceRequest.setStatus': command(setServiceRequestStatus),
  'note.add': command(addNote, { fill: { noteId: newId }, returns: ['noteId'] }),
  'wrapUp.record': command(recordWrapUp, { fill: { wrapUpId: newId }, returns: ['wrapUpId'] }),
} as const;

export type CommandChannel = keyof typeof COMMANDS;
export const COMMAND_CHANNELS = Object.keys(COMMANDS) as CommandChannel[];

const LEGACY = 'legacy: outboxes queued by older desktops still hold it; new ones are queued as';

/** Mutators that no desktop command queues, each with the reason (a test holds every mutator to one or the other). */
export const NOT_COMMANDS: readonly { mutator: Mutator<unknown>; why: string }[] = [
  { mutator: recordCallbackAttemptV1, why: `${LEGACY} callback.record-attempt@2` },
  { mutator: createInquiry, why: `${LEGACY} inquiry.create@2 (with its reference number)` },
  { mutator: recordInquiryOutcomeV1, why: `${LEGACY} inquiry.record-outcome@2 (reference, handoff)` },
  { mutator: recordExpediteRequest, why: `${LEGACY} expedite.record@3 (with its reference number)` },
  { mutator: requestAppointment, why: `${LEGACY} appointment.request@2 (with its reference number)` },
  { mutator: createServiceRequestV1, why: `${LEGACY} service-request.create@2 (category, reference)` },
  {
    mutator: setPresence,
    why: 'presence skips the outbox: the presence.set call sends it on the socket (last writer wins) and the server runs this mutator',
  },
];

/**
 * Every mutator by its versioned name. A changed argument shape gets a new name
 * (`@2`) and the old entry stays (in NOT_COMMANDS) until no outbox can still hold it.
 */
export const MUTATORS: Readonly<Record<string, Mutator<unknown>>> = Object.fromEntries(
  [...Object.values(COMMANDS).map((c) => c.mutator), ...NOT_COMMANDS.map((n) => n.mutator)].map((m) => [
    m.name,
    m as Mutator<unknown>,
  ]),
);

export const MUTATOR_NAMES: readonly string[] = Object.keys(MUTATORS);

export function findMutator(name: string): Mutator<unknown> | undefined {
  return Object.hasOwn(MUTATORS, name) ? MUTATORS[name] : undefined;
}

export {
  addNote,
  askAvailability,
  claimCallback,
  createInquiry,
  createInquiryWithReference,
  createServiceRequest,
  createServiceRequestV1,
  escalateCallback,
  grantExtraAttempt,
  handBackCallback,
  reassignCallback,
  recordCallbackAttempt,
  recordCallbackAttemptV1,
  recordExpediteRequest,
  recordExpediteRequestWithReference,
  recordInquiryOutcome,
  recordInquiryOutcomeV1,
  recordWrapUp,
  referExpediteRequest,
  releaseCallback,
  requestAppointment,
  requestAppointmentWithReference,
  scheduleCallback,
  setPresence,
  setNoticeConsent,
  setServiceRequestStatus,
  upsertCustomer,
};
