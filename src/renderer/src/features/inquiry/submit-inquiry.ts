import type { Urgency } from '../../../../shared/domain/sla';
import type { ChannelArgs } from '../../../../shared/ipc';
import type { InquiryOutcome } from '../../../../shared/sync/rows';
import type { ScriptRecord } from '../../../../shared/scripts';
import { invoke } from '../../api/agent-desk';
import type { Role } from '../../../../shared/sync/rows';
import { customerFields, normalizedReceipt, type CallerDraft } from './caller';

export interface InquirySubmission {
  caller: CallerDraft;
  intent: string | null;
  topic: string;
  role: Role | undefined;
  outcome: InquiryOutcome;
  urgency: Urgency | null;
  script: ScriptRecord | null;
  /** The receipt the script recorded, which beats the one the IVR heard. */
  receiptFromScript?: string | null;
  aNumber?: string | null;
  extra?: Pick<ChannelArgs<'inquiry.submit'>, 'expedite' | 'appointment' | 'serviceRequest'>;
}

/** The whole inquiry in one atomic call: customer, inquiry, outcome and its follow-up record. */
export function submitInquiry(s: InquirySubmission) {
  const receipt = s.receiptFromScript ?? normalizedReceipt(s.caller.receipt);
  return invoke('inquiry.submit', {
    customer: { fields: customerFields(s.caller, s.aNumber ?? null) },
    inquiry: {
      receiptNumber: receipt,
      topic: s.topic,
      channel: 'phone',
      ivr: {
        language: s.caller.language,
        intent: s.intent,
        receiptNumber: normalizedReceipt(s.caller.receipt),
      },
      urgency: s.urgency ?? 'non-urgent',
      tier: s.role === 'tier1' || s.role === undefined ? 1 : 2,
      script: s.script,
    },
    outcome: s.outcome,
    finalUrgency: s.urgency,
    ...s.extra,
  });
}
