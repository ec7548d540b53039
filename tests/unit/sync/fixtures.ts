/**
 * Rows and contexts the mutator tests share: a tier-2 agent of team alpha,
 * one customer, inquiry and callback that refer to each other ('cu', 'in', 'cb').
 */
import { DEFAULT_POLICY, HOUR_MS } from '../../../src/shared/domain/policy';
import type { MutatorContext } from '../../../src/shared/sync/mutator';
import { rowKey, type AnyRow, type RowOf, type TableName } from '../../../src/shared/sync/rows';

/** Wednesday 2025-03-12 10:00 New York (EDT): inside callback hours. */
export const NOW = Date.UTC(2025, 2, 12, 14);

export const mutatorContext = (over: Partial<MutatorContext> = {}): MutatorContext => ({
  userId: 'u-a',
  role: 'tier2',
  team: 'alpha',
  now: NOW,
  policy: DEFAULT_POLICY,
  clientId: 'client-1',
  ...over,
});

/** Rows keyed the way a mutator reads them. */
export const rowMap = (...rows: [TableName, AnyRow][]) => new Map(rows.map(([t, r]) => [rowKey(t, r.id), r]));

export const callbackRow = (over: Partial<RowOf<'callbacks'>> = {}): RowOf<'callbacks'> => ({
  id: 'cb',
  team: 'alpha',
  version: 3,
  inquiryId: 'in',
  customerId: 'cu',
  tier: 1,
  urgency: 'urgent',
  assigneeId: null,
  claimedAt: null,
  createdAt: NOW - HOUR_MS,
  dueAt: NOW + 71 * HOUR_MS,
  attempts: [],
  extraAttemptsGranted: 0,
  status: 'open',
  scheduledSlot: null,
  textAhead: { enabled: false, sendAt: null },
  closedAt: null,
  ...over,
});

export const inquiryRow = (over: Partial<RowOf<'inquiries'>> = {}): RowOf<'inquiries'> => ({
  id: 'in',
  team: 'alpha',
  version: 2,
  customerId: 'cu',
  receiptNumber: 'EAC2212345678',
  topic: 't',
  channel: 'phone',
  ivr: null,
  urgency: 'non-urgent',
  tier: 1,
  status: 'open',
  script: null,
  outcome: null,
  createdAt: NOW - 2 * HOUR_MS,
  createdBy: 'u-a',
  completedAt: null,
  ...over,
});

export const customerRow = (over: Partial<RowOf<'customers'>> = {}): RowOf<'customers'> => ({
  id: 'cu',
  team: 'alpha',
  version: 1,
  name: 'N',
  preferredLanguage: 'en',
  phones: [{ label: 'mobile', e164: '+12125550123', ext: null, bestTime: null }],
  email: null,
  aNumber: null,
  timeZone: null,
  ...over,
});
