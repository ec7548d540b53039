import type { SlaState, Urgency } from '../../../../shared/domain/sla';
import type { WorklistQuery } from '../../../../shared/ipc';
import type { CallbackStatus, Language, Tier } from '../../../../shared/sync/rows';

export type WorklistScope = 'mine' | 'queue' | 'team';

/** What the filter panel holds; turned into the core's query by `toQuery`. */
export interface WorklistFilters {
  scope: WorklistScope;
  urgency: Urgency[];
  sla: SlaState[];
  status: CallbackStatus[];
  language: Language[];
  tier: Tier[];
  secondAttemptPending: boolean;
  search: string;
}

export const DEFAULT_FILTERS: WorklistFilters = {
  scope: 'mine',
  urgency: [],
  sla: [],
  status: ['open'],
  language: [],
  tier: [],
  secondAttemptPending: false,
  search: '',
};

/** Empty selections mean "any", so they are left out of the query. */
export function toQuery(filters: WorklistFilters, offset: number, limit: number): WorklistQuery {
  const search = filters.search.trim();
  return {
    scope: filters.scope,
    status:
      filters.status.length > 0 ? filters.status : ['open', 'closed-resolved', 'closed-unable-to-reach'],
    ...(filters.urgency.length > 0 ? { urgency: filters.urgency } : {}),
    ...(filters.sla.length > 0 ? { sla: filters.sla } : {}),
    ...(filters.language.length > 0 ? { language: filters.language } : {}),
    ...(filters.tier.length > 0 ? { tier: filters.tier } : {}),
    ...(filters.secondAttemptPending ? { secondAttemptPending: true } : {}),
    ...(search ? { search } : {}),
    offset,
    limit,
  };
}
