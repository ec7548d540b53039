import type { Urgency } from '../domain/sla';
import type { Handoff } from '../sync/rows/callback';

/**
 * Escalations waiting for Tier 2 (issue 14): open Tier 2 callbacks nobody has
 * claimed whose last handoff was an escalation. The lead's board shows how many and
 * how long the oldest has waited; ids and times only (the desktop joins names and
 * the reason from its own rows).
 */
export interface WaitingEscalation {
  callbackId: string;
  customerId: string;
  urgency: Urgency;
  escalatedAt: number;
  escalatedBy: string;
}

export interface EscalationsWaiting {
  count: number;
  /** Oldest first, at most ESCALATIONS_LISTED. */
  items: WaitingEscalation[];
}

/** How many waiting escalations the board lists (a view setting). */
export const ESCALATIONS_LISTED = 20;

export interface EscalationSource {
  id: string;
  customerId: string;
  urgency: Urgency;
  tier: 1 | 2;
  status: string;
  assigneeId: string | null;
  handoffs?: readonly Pick<Handoff, 'to' | 'at' | 'by'>[] | undefined;
}

/** The callback as a waiting escalation, or null when it is not one. */
export function waitingEscalation(cb: EscalationSource): WaitingEscalation | null {
  const last = cb.handoffs?.at(-1);
  if (cb.status !== 'open' || cb.tier !== 2 || cb.assigneeId !== null || !last || last.to !== 2) return null;
  return {
    callbackId: cb.id,
    customerId: cb.customerId,
    urgency: cb.urgency,
    escalatedAt: last.at,
    escalatedBy: last.by,
  };
}

export function escalationsWaiting(waiting: Iterable<WaitingEscalation>): EscalationsWaiting {
  const all = [...waiting].sort(
    (a, b) => a.escalatedAt - b.escalatedAt || (a.callbackId < b.callbackId ? -1 : 1),
  );
  return { count: all.length, items: all.slice(0, ESCALATIONS_LISTED) };
}
