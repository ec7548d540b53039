import type { Urgency } from '../../../../shared/domain/sla';
import type { ChannelArgs } from '../../../../shared/ipc';
import type { InquiryOutcome } from '../../../../shared/sync/rows';
import {
  answerSpecOf,
  outcomeOf,
  toScriptRecord,
  type ScriptRecord,
  type ScriptSession,
} from '../../../../shared/scripts';
import { invoke } from '../../api/agent-desk';
import type { Role } from '../../../../shared/sync/rows';
import { customerFields, normalizedReceipt, type CallerDraft } from './caller';

export interface InquirySubmission {
  caller: CallerDraft;
  intent: string | null;
  /** The topic in both languages (a script's, or the form's title in each catalog). */
  topic: { en: string; es: string };
  role: Role | undefined;
  outcome: InquiryOutcome;
  urgency: Urgency | null;
  script: ScriptRecord | null;
  /** The receipt the script recorded, which beats the one the IVR heard. */
  receiptFromScript?: string | null;
  aNumber?: string | null;
  extra?: Pick<ChannelArgs<'inquiry.submit'>, 'expedite' | 'appointment' | 'serviceRequest' | 'escalation'>;
}

/** The whole inquiry in one atomic call: customer, inquiry, outcome and its follow-up record. */
export function submitInquiry(s: InquirySubmission) {
  const receipt = s.receiptFromScript ?? normalizedReceipt(s.caller.receipt);
  return invoke('inquiry.submit', {
    customer: s.caller.customerId
      ? { customerId: s.caller.customerId }
      : { fields: customerFields(s.caller, s.aNumber ?? null) },
    inquiry: {
      receiptNumber: receipt,
      topic: s.topic.en,
      ...(s.topic.es ? { topicEs: s.topic.es } : {}),
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

/**
 * A finished script as the inquiry to save: its outcome and urgency, the answers, and
 * the receipt number and A-number the script recorded (the answers of those types).
 * Undefined while the script has not reached an outcome.
 */
export function scriptedSubmission(
  session: ScriptSession,
  from: Pick<InquirySubmission, 'caller' | 'role' | 'extra'> & { intent: string },
): InquirySubmission | undefined {
  const outcome = outcomeOf(session);
  if (!outcome) return undefined;
  const record = toScriptRecord(session);
  const answerOfType = (type: 'receipt-number' | 'a-number') => {
    const key = Object.keys(record.answers).find((k) => answerSpecOf(session.script, k)?.type === type);
    const value = key ? record.answers[key] : null;
    return typeof value === 'string' ? value : null;
  };
  return {
    caller: from.caller,
    intent: from.intent.trim() || null,
    topic: session.script.topic,
    role: from.role,
    outcome: outcome.outcome,
    urgency: outcome.urgency ?? null,
    script: record,
    receiptFromScript: answerOfType('receipt-number'),
    aNumber: answerOfType('a-number'),
    ...(from.extra ? { extra: from.extra } : {}),
  };
}
