import { command, newId, serverNow } from './command';
import type { Mutator } from './mutator';
import { requestAppointment } from './mutators/appointment-request';
import { claimCallback } from './mutators/callback-claim';
import { grantExtraAttempt } from './mutators/callback-grant-extra-attempt';
import { reassignCallback } from './mutators/callback-reassign';
import { recordCallbackAttempt, recordCallbackAttemptV1 } from './mutators/callback-record-attempt';
import { releaseCallback } from './mutators/callback-release';
import { scheduleCallback } from './mutators/callback-schedule';
import { setNoticeConsent } from './mutators/customer-set-notice-consent';
import { upsertCustomer } from './mutators/customer-upsert';
import { recordExpediteRequest } from './mutators/expedite-record';
import { referExpediteRequest } from './mutators/expedite-refer';
import { createInquiry } from './mutators/inquiry-create';
import { createsCallback, recordInquiryOutcome } from './mutators/inquiry-record-outcome';
import { setPresence } from './mutators/presence-set';
import { createServiceRequest } from './mutators/service-request-create';

/**
 * THE table of mutations. Each row a renderer can reach is a desktop command,
 * keyed by its IPC channel: the mutator, the arguments the desktop fills (ids,
 * time) and what the answer returns. The IPC channel map, its validation and the
 * desktop's handlers are derived from it (shared/ipc/command-channels.ts,
 * desktop/core/commands.ts); adding a command is the mutator file plus one row
 * here (docs/desktop-core.md, "Adding a command").
 */
export const COMMANDS = {
  'customer.upsert': command(upsertCustomer, {
    fill: { customerId: newId },
    // An update names its customer; a new customer gets a fresh id.
    optional: ['customerId'],
    returns: ['customerId'],
  }),
  'customer.setNoticeConsent': command(setNoticeConsent),
  'inquiry.create': command(createInquiry, { fill: { inquiryId: newId }, returns: ['inquiryId'] }),
  'inquiry.recordOutcome': command(recordInquiryOutcome, {
    fill: { callbackId: (a, ctx) => (createsCallback(a.outcome) ? ctx.newId() : null) },
    returns: ['callbackId'],
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
    returns: ['attemptId'],
  }),
  'callback.schedule': command(scheduleCallback),
  'callback.grantExtraAttempt': command(grantExtraAttempt),
  'callback.reassign': command(reassignCallback),
  'expedite.record': command(recordExpediteRequest, { fill: { expediteId: newId }, returns: ['expediteId'] }),
  'expedite.refer': command(referExpediteRequest),
  'appointment.request': command(requestAppointment, {
    fill: { appointmentId: newId },
    returns: ['appointmentId'],
  }),
  'serviceRequest.create': command(createServiceRequest, {
    fill: { serviceRequestId: newId },
    returns: ['serviceRequestId'],
  }),
} as const;

export type CommandChannel = keyof typeof COMMANDS;
export const COMMAND_CHANNELS = Object.keys(COMMANDS) as CommandChannel[];

/** Mutators that no desktop command queues, each with the reason (a test holds every mutator to one or the other). */
export const NOT_COMMANDS: readonly { mutator: Mutator<unknown>; why: string }[] = [
  {
    mutator: recordCallbackAttemptV1,
    why: 'legacy: outboxes queued by older desktops still hold @1; new attempts are queued as @2',
  },
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
  claimCallback,
  createInquiry,
  createServiceRequest,
  grantExtraAttempt,
  reassignCallback,
  recordCallbackAttempt,
  recordCallbackAttemptV1,
  recordExpediteRequest,
  recordInquiryOutcome,
  referExpediteRequest,
  releaseCallback,
  requestAppointment,
  scheduleCallback,
  setPresence,
  upsertCustomer,
};
