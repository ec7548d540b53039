import type { AttemptOutcome } from '../domain/attempts';
import type { DeskCallEvent } from './desk-events';
import type { EndReason } from './events';

/** What the call's end suggests, for the agent to confirm (never retype): the outcomes to choose from, the first preselected. */
const OUTCOMES_BY_REASON: Record<EndReason, readonly AttemptOutcome[]> = {
  // Reached: the agent says whether it was resolved or needs a follow-up.
  completed: ['reached-resolved', 'reached-follow-up'],
  'no-answer': ['no-answer-no-message', 'no-answer-message-left'],
  busy: ['busy'],
  // Voicemail detected: the agent says whether a message was left.
  voicemail: ['no-answer-message-left', 'no-answer-no-message'],
  failed: [],
};

export interface ProposedAttempt {
  callbackId: string;
  attemptId: string;
  numberDialed: string;
  /** When the call was placed (server time): the attempt's time. */
  at: number;
  /** The outcomes the agent picks from (the first is proposed); the agent may still correct to any outcome. */
  choices: readonly AttemptOutcome[];
}

/**
 * The attempt a callback call's end proposes (docs/telephony.md, "Placing calls"), or
 * none: a call that is not a callback attempt, or one that failed before it started,
 * records nothing.
 */
export function attemptFromCall(event: DeskCallEvent): ProposedAttempt | null {
  if (event.kind !== 'ended' || !event.attempt) return null;
  const choices = OUTCOMES_BY_REASON[event.reason];
  if (choices.length === 0) return null;
  return { ...event.attempt, at: event.startedAt, choices };
}
