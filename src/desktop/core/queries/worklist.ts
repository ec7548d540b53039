import type { Policy } from '../../../shared/domain/policy';
import type { WorklistPage } from '../../../shared/ipc/views';
import type { WorklistEntry } from '../../store/callback-index';
import type { LocalStore } from '../../store/local-store';
import { slaRanksOf, worklistFilter, type WorklistQueryArgs } from './worklist-filter';
import { worklistRows } from './worklist-rows';
import { slaRanker } from './sla-rank';

/**
 * The worklist: filters and the SLA-risk order run over the in-memory copy of
 * callback_index (plain columns, already sorted by due time); only the rows of
 * the requested window are decrypted, and only the first time they are shown.
 *
 * Order: SLA rank, then due time, then id. One pass over the due-sorted entries
 * that drops each match into one of four buckets (overdue / due today / at risk /
 * on track) yields the order without sorting.
 *
 * The ordered matches are kept per filter set (the renderer asks page after
 * page of the same list) until the data changes or `now` reaches the first
 * instant at which one of them would change SLA state.
 */
export function queryWorklist(
  store: LocalStore,
  query: WorklistQueryArgs,
  me: { userId: string },
  now: number,
  policy: Policy,
): WorklistPage {
  const hits = query.search ? store.search.search(query.search) : undefined;
  const entries = store.callbacks.sortedEntries();
  const ranker = slaRanker(now, policy, store.callbacks.indexedUnder(policy));
  const key = JSON.stringify({ ...query, offset: 0, limit: 0, me: me.userId });
  const caches = orderedCaches(store);
  let ordered = caches.get(key);
  const fresh =
    ordered &&
    ordered.generation === store.callbacks.entriesGeneration() &&
    ordered.hits === hits &&
    ordered.policy === policy &&
    ordered.from <= now &&
    now < ordered.until;
  if (!ordered || !fresh) {
    ordered = waitingFirst(orderMatches(entries, query, me.userId, hits, ranker), me.userId, now);
    ordered.generation = store.callbacks.entriesGeneration();
    ordered.policy = policy;
    caches.delete(key);
    if (caches.size >= ORDERED_CACHE_SIZE) caches.delete(caches.keys().next().value as string);
    caches.set(key, ordered);
  }
  const window = ordered.entries.slice(query.offset, query.offset + query.limit);
  const rows = worklistRows(
    store,
    window.map((entry) => ({ entry, rank: ranker.rankOf(entry), transitions: ranker.transitionsOf(entry) })),
    me.userId,
    now,
    policy,
  );
  return { total: ordered.entries.length, offset: query.offset, rows, now };
}

/**
 * My callbacks whose customer said "yes" to "available now?" and still waits come first
 * (soonest end of wait first), until the first wait ends. The wait is an index column:
 * nothing is decrypted (decrypting an agent's thousands of open callbacks on every new
 * answer cost ~0.5 s after each change).
 */
function waitingFirst(ordered: Ordered, me: string, now: number): Ordered {
  const waits = (e: WorklistEntry) =>
    e.assigneeId === me && e.status === 'open' && e.waitingUntil !== null && e.waitingUntil > now;
  const first = ordered.entries.filter(waits);
  if (first.length === 0) return ordered;
  first.sort((a, b) => (a.waitingUntil as number) - (b.waitingUntil as number));
  const rest = ordered.entries.filter((e) => !waits(e));
  // Sorted by the end of the wait: the first one ends first.
  const firstEnds = first[0]?.waitingUntil as number;
  return { ...ordered, entries: [...first, ...rest], until: Math.min(ordered.until, firstEnds) };
}

interface Ordered {
  entries: WorklistEntry[];
  generation: number;
  hits: ReadonlySet<string> | undefined;
  policy: Policy | undefined;
  /** The answer holds for `now` in [from, until). */
  from: number;
  until: number;
}

/** Lists kept: the renderer's few filter sets and their pages, at most ~0.3 MB each for 50,000 callbacks. */
const ORDERED_CACHE_SIZE = 24;
function orderedCaches(store: LocalStore): Map<string, Ordered> {
  return store.derived('worklist.ordered', () => new Map<string, Ordered>());
}

function orderMatches(
  entries: readonly WorklistEntry[],
  query: WorklistQueryArgs,
  me: string,
  hits: ReadonlySet<string> | undefined,
  { now, rankOf, nextChange }: ReturnType<typeof slaRanker>,
): Ordered {
  const matches = worklistFilter(query, me, hits);
  const ranks = slaRanksOf(query);
  const buckets = bucketsFor(entries.length);
  const counts = [0, 0, 0, 0];
  // Every rank is constant until the first instant one of the filtered callbacks changes state
  // (SLA-filtered-out callbacks count: they may turn in).
  let until = Infinity;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as WorklistEntry;
    if (!matches(entry)) continue;
    const rank = rankOf(entry);
    until = Math.min(until, nextChange(entry));
    if (ranks && !ranks.has(rank)) continue;
    const at = counts[rank] as number;
    (buckets[rank] as Int32Array)[at] = i;
    counts[rank] = at + 1;
  }
  const ordered: WorklistEntry[] = new Array<WorklistEntry>(counts.reduce((a, b) => a + b, 0));
  let k = 0;
  for (let rank = 0; rank < buckets.length; rank++) {
    const bucket = buckets[rank] as Int32Array;
    for (let j = 0; j < (counts[rank] as number); j++)
      ordered[k++] = entries[bucket[j] as number] as WorklistEntry;
  }
  return { entries: ordered, generation: 0, hits, policy: undefined, from: now, until };
}

/** Positions of the matches per rank; shared by every query (they run one at a time, synchronously). */
let scratch: Int32Array[] = [0, 1, 2, 3].map(() => new Int32Array(0));
function bucketsFor(size: number): Int32Array[] {
  if ((scratch[0] as Int32Array).length < size) {
    const length = size + 1024;
    scratch = [0, 1, 2, 3].map(() => new Int32Array(length));
  }
  return scratch;
}
