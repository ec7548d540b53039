import { err, ok, type Result } from './result';

/**
 * Tier 1 → Tier 2 handoff (PRODUCT.md rule 9, issue 14): an escalation carries why,
 * and a Tier 2 officer who hands an item back to Tier 1 says why too. The reason is
 * a sentence for the next agent, not a code: scripts already capture the structured part.
 */
export const HANDOFF_REASON_MAX_CHARS = 500;

/** Why Tier 1 hands an inquiry to Tier 2, as scripts record it (the agent adds a sentence). */
export const TIER2_REASONS = [
  'caller-requested-supervisor',
  'outside-processing-time',
  'service-request-overdue',
  'beyond-tier1-scope',
  'urgent-situation',
  'repeat-contact',
] as const;
export type Tier2Reason = (typeof TIER2_REASONS)[number];

export function checkHandoffReason(text: string): Result<string> {
  const trimmed = text.trim();
  if (trimmed === '') return err('handoff.reason_required', 'Say why, for the agent who takes it next.');
  if ([...trimmed].length > HANDOFF_REASON_MAX_CHARS) {
    return err(
      'handoff.reason_too_long',
      `A reason holds at most ${HANDOFF_REASON_MAX_CHARS} characters; put the details in a note.`,
      { max: HANDOFF_REASON_MAX_CHARS },
    );
  }
  return ok(trimmed);
}
