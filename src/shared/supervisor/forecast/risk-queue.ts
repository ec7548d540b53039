import { SLA_STATES, slaStateAt, type SlaTransitions } from '../../domain/sla';
import { MinHeap } from './min-heap';

/** What the queue orders: a due time, an id to break ties, and the SLA transitions. */
export interface RiskItem {
  id: string;
  dueAt: number;
  sla: SlaTransitions;
}

interface Entry<T extends RiskItem> {
  item: T;
  /** Index into SLA_STATES at the last look (0 overdue … 3 on track). */
  rank: number;
  taken: boolean;
}

const rankAt = (sla: SlaTransitions, t: number) => SLA_STATES.indexOf(slaStateAt(sla, t));

/** The next instant after `t` at which the state gets worse, if any. */
function nextWorsening(sla: SlaTransitions, t: number): number | undefined {
  for (const at of [sla.atRiskFrom, sla.dueTodayFrom, sla.overdueFrom]) if (at > t) return at;
  return undefined;
}

/**
 * Ready callbacks in the worklist's order at time `t` — SLA state (callable time,
 * docs/domain.md) first, then due time — for a clock that only moves forward. The
 * state is not a function of the due time (a customer in Hawaii turns "due today"
 * sooner than one in New York with the same due time), so one heap per state holds
 * the entries by due time, and a heap of transition instants moves an entry to a
 * worse state's heap when its time comes (the old copy is skipped as stale).
 * Push and pop are O(log n).
 */
export class RiskQueue<T extends RiskItem> {
  private readonly byRank = SLA_STATES.map(
    () =>
      new MinHeap<Entry<T>>(
        (a, b) => a.item.dueAt < b.item.dueAt || (a.item.dueAt === b.item.dueAt && a.item.id < b.item.id),
      ),
  );
  private readonly promotions = new MinHeap<{ at: number; entry: Entry<T> }>((a, b) => a.at < b.at);
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T, t: number): void {
    const entry: Entry<T> = { item, rank: rankAt(item.sla, t), taken: false };
    (this.byRank[entry.rank] as MinHeap<Entry<T>>).push(entry);
    this.schedule(entry, t);
    this.count += 1;
  }

  /** The riskiest entry at `t` (never earlier than a previous call's `t`), removed. */
  pop(t: number): T | undefined {
    this.promote(t);
    for (let rank = 0; rank < this.byRank.length; rank++) {
      const heap = this.byRank[rank] as MinHeap<Entry<T>>;
      for (let top = heap.peek(); top; top = heap.peek()) {
        if (top.taken || top.rank !== rank) {
          heap.pop();
          continue;
        }
        heap.pop();
        top.taken = true;
        this.count -= 1;
        return top.item;
      }
    }
    return undefined;
  }

  private promote(t: number): void {
    for (let next = this.promotions.peek(); next && next.at <= t; next = this.promotions.peek()) {
      this.promotions.pop();
      const { entry } = next;
      if (entry.taken) continue;
      const rank = rankAt(entry.item.sla, t);
      if (rank < entry.rank) {
        entry.rank = rank;
        (this.byRank[rank] as MinHeap<Entry<T>>).push(entry);
      }
      this.schedule(entry, t);
    }
  }

  private schedule(entry: Entry<T>, t: number): void {
    const at = nextWorsening(entry.item.sla, t);
    if (at !== undefined) this.promotions.push({ at, entry });
  }
}
