import type { Policy } from '../../shared/domain/policy';
import { slaStatus, SLA_STATES, type SlaState, type Urgency } from '../../shared/domain/sla';

export interface DueSoonItem {
  callbackId: string;
  state: SlaState;
  dueAt: number;
}

export interface DueSoonCheck {
  /** Callbacks that just got worse: on track → at risk → due today → overdue. */
  items: DueSoonItem[];
  /** Overdue + due today: the badge number. */
  dueCount: number;
  states: Map<string, SlaState>;
}

const severity = (state: SlaState) => SLA_STATES.length - 1 - SLA_STATES.indexOf(state);

/** Compares my open callbacks' SLA states now with the last check's. Pure. */
export function detectDueSoon(
  previous: ReadonlyMap<string, SlaState>,
  mine: readonly { id: string; dueAt: number; urgency: Urgency }[],
  now: number,
  policy: Policy,
): DueSoonCheck {
  const states = new Map<string, SlaState>();
  const items: DueSoonItem[] = [];
  let dueCount = 0;
  for (const callback of mine) {
    const { state } = slaStatus(callback, now, policy);
    states.set(callback.id, state);
    if (state === 'overdue' || state === 'due-today') dueCount += 1;
    const before = previous.get(callback.id) ?? 'on-track';
    if (state !== 'on-track' && severity(state) > severity(before)) {
      items.push({ callbackId: callback.id, state, dueAt: callback.dueAt });
    }
  }
  return { items, dueCount, states };
}
