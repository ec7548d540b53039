import type { Mutator } from './mutator';
import { requestAppointment } from './mutators/appointment-request';
import { claimCallback } from './mutators/callback-claim';
import { grantExtraAttempt } from './mutators/callback-grant-extra-attempt';
import { reassignCallback } from './mutators/callback-reassign';
import { recordCallbackAttempt, recordCallbackAttemptV1 } from './mutators/callback-record-attempt';
import { releaseCallback } from './mutators/callback-release';
import { scheduleCallback } from './mutators/callback-schedule';
import { upsertCustomer } from './mutators/customer-upsert';
import { recordExpediteRequest } from './mutators/expedite-record';
import { referExpediteRequest } from './mutators/expedite-refer';
import { createInquiry } from './mutators/inquiry-create';
import { recordInquiryOutcome } from './mutators/inquiry-record-outcome';
import { setPresence } from './mutators/presence-set';
import { createServiceRequest } from './mutators/service-request-create';

/**
 * Every mutator by its versioned name. A changed argument shape gets a new name
 * (`@2`) and the old entry stays until no outbox can still hold it.
 */
export const MUTATORS = {
  [upsertCustomer.name]: upsertCustomer,
  [createInquiry.name]: createInquiry,
  [recordInquiryOutcome.name]: recordInquiryOutcome,
  [claimCallback.name]: claimCallback,
  [releaseCallback.name]: releaseCallback,
  [reassignCallback.name]: reassignCallback,
  [recordCallbackAttemptV1.name]: recordCallbackAttemptV1,
  [recordCallbackAttempt.name]: recordCallbackAttempt,
  [grantExtraAttempt.name]: grantExtraAttempt,
  [scheduleCallback.name]: scheduleCallback,
  [recordExpediteRequest.name]: recordExpediteRequest,
  [referExpediteRequest.name]: referExpediteRequest,
  [requestAppointment.name]: requestAppointment,
  [createServiceRequest.name]: createServiceRequest,
  [setPresence.name]: setPresence,
} as Readonly<Record<string, Mutator<unknown>>>;

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
