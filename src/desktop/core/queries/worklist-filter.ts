import type { worklistQuerySchema } from '../../../shared/ipc/views';
import { SLA_STATES } from '../../../shared/domain/sla';
import type { z } from 'zod';
import type { WorklistEntry } from '../../store/callback-index';
import type { SlaRank } from './sla-rank';

export type WorklistQueryArgs = z.output<typeof worklistQuerySchema>;

/** The SLA ranks a query asks for; undefined for all. */
export function slaRanksOf(query: WorklistQueryArgs): ReadonlySet<SlaRank> | undefined {
  return query.sla?.length ? new Set(query.sla.map((s) => SLA_STATES.indexOf(s) as SlaRank)) : undefined;
}

/**
 * The worklist's filters but the SLA state (which moves with `now`) as one
 * predicate over an in-memory callback_index entry. An empty list means
 * "no filter", like before.
 */
export function worklistFilter(
  query: WorklistQueryArgs,
  me: string,
  searchHits: ReadonlySet<string> | undefined,
): (entry: WorklistEntry) => boolean {
  const scope = query.scope;
  const statuses = setOf(query.status);
  const urgencies = setOf(query.urgency);
  const tiers = setOf(query.tier);
  const languages = setOf(query.language);
  const dueBefore = query.dueBefore;
  const second = query.secondAttemptPending;
  return (e) =>
    (scope === 'team' || (scope === 'mine' ? e.assigneeId === me : e.assigneeId === null)) &&
    (!statuses || statuses.has(e.status)) &&
    (!urgencies || urgencies.has(e.urgency)) &&
    (!tiers || tiers.has(e.tier)) &&
    (!languages || (e.language !== null && languages.has(e.language))) &&
    (dueBefore === undefined || e.dueAt < dueBefore) &&
    (second === undefined || e.secondAttemptPending === second) &&
    (!searchHits || searchHits.has(e.id));
}

function setOf<T>(values: readonly T[] | undefined): ReadonlySet<unknown> | undefined {
  return values && values.length > 0 ? new Set<unknown>(values) : undefined;
}
