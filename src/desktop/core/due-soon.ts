import type { Policy } from '../../shared/domain/policy';
import {
  SLA_STATES,
  slaStateAt,
  slaTransitions,
  type SlaInput,
  type SlaState,
} from '../../shared/domain/sla';

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

/**
 * Compares my open callbacks' SLA states now with the last check's. Pure. The state is
 * the SLA rule's (callable time left before the due time), as the worklist ranks it.
 */
export function detectDueSoon(
  previous: ReadonlyMap<string, SlaState>,
  mine: readonly (SlaInput & { id: string })[],
  now: number,
  policy: Policy,
): DueSoonCheck {
  const states = new Map<string, SlaState>();
  const items: DueSoonItem[] = [];
  let dueCount = 0;
  for (const callback of mine) {
    const state = slaStateAt(slaTransitions(callback, policy), now);
    states.set(callback.id, state);
    if (state === 'overdue' || state === 'due-today') dueCount += 1;
    const before = previous.get(callback.id) ?? 'on-track';
    if (state !== 'on-track' && severity(state) > severity(before)) {
      items.push({ callbackId: callback.id, state, dueAt: callback.dueAt });
    }
  }
  return { items, dueCount, states };
}

export interface DueSoonWatchDeps {
  /** My open callbacks (the store's callback index). */
  mine: (userId: string) => readonly (SlaInput & { id: string })[];
  userId: () => string | undefined;
  /** A first sync is pulling its snapshot. */
  inFirstSync: () => boolean;
  serverNow: () => number;
  policy: () => Policy;
  notify: (event: { items: DueSoonItem[]; dueCount: number }) => void;
}

/** Tells the shell (badge, notifications) when my callbacks get closer to due. */
export class DueSoonWatch {
  private states = new Map<string, SlaState>();
  private lastDueCount = -1;

  constructor(private readonly deps: DueSoonWatchDeps) {}

  check(): void {
    const me = this.deps.userId();
    // A half-pulled snapshot would announce a changing due count per page: the end of the first sync checks once.
    if (!me || this.deps.inFirstSync()) return;
    const check = detectDueSoon(this.states, this.deps.mine(me), this.deps.serverNow(), this.deps.policy());
    this.states = check.states;
    if (check.items.length > 0 || check.dueCount !== this.lastDueCount) {
      this.lastDueCount = check.dueCount;
      this.deps.notify({ items: check.items, dueCount: check.dueCount });
    }
  }

  /** Signed out: the next user's callbacks are news again. */
  reset(): void {
    this.states = new Map();
  }
}
