import type { RowData } from '../../../src/shared/sync/rows';
import type { RowWrite } from '../../../src/shared/sync/mutator';
import { T0 } from './helpers';

export function customer(id: string, team: string): RowData<'customers'> {
  return {
    id,
    team,
    name: 'Test Customer',
    preferredLanguage: 'en',
    phones: [{ label: 'mobile', e164: '+12125550123', ext: null, bestTime: null }],
    email: null,
    aNumber: null,
    timeZone: 'America/New_York',
  };
}

export function inquiry(id: string, team: string, customerId: string): RowData<'inquiries'> {
  return {
    id,
    team,
    customerId,
    receiptNumber: 'EAC2212345678',
    topic: 'Case status',
    channel: 'phone',
    ivr: null,
    urgency: 'urgent',
    tier: 1,
    status: 'open',
    script: null,
    outcome: null,
    createdAt: T0 - 3_600_000,
    createdBy: 'u-tier1-alice',
    completedAt: null,
  };
}

export function callback(
  id: string,
  team: string,
  overrides: Partial<RowData<'callbacks'>> = {},
): RowData<'callbacks'> {
  return {
    id,
    team,
    inquiryId: 'in-1',
    customerId: 'cu-1',
    tier: 1,
    urgency: 'urgent',
    assigneeId: null,
    claimedAt: null,
    createdAt: T0 - 3_600_000,
    dueAt: T0 + 71 * 3_600_000,
    attempts: [],
    extraAttemptsGranted: 0,
    status: 'open',
    scheduledSlot: null,
    textAhead: { enabled: false, sendAt: null },
    closedAt: null,
    ...overrides,
  };
}

/** A team-alpha world: a customer, an inquiry, tier 1 and tier 2 callbacks, an expedite request; and one bravo callback. */
export function baseWorld(): RowWrite[] {
  return [
    { table: 'customers', row: customer('cu-1', 'alpha') },
    { table: 'inquiries', row: inquiry('in-1', 'alpha', 'cu-1') },
    { table: 'callbacks', row: callback('cb-1', 'alpha') },
    { table: 'callbacks', row: callback('cb-2', 'alpha', { tier: 2 }) },
    { table: 'customers', row: customer('cu-9', 'bravo') },
    { table: 'callbacks', row: callback('cb-9', 'bravo', { customerId: 'cu-9' }) },
    {
      table: 'expedite_requests',
      row: {
        id: 'ex-1',
        team: 'alpha',
        inquiryId: 'in-1',
        customerId: 'cu-1',
        receiptNumber: 'EAC2212345678',
        criteria: ['severe-financial-loss'],
        explanation: 'Loss of job offer',
        documentation: {
          'severe-financial-loss': { 'proof-of-loss': 'will-send', 'not-own-failure': 'provided' },
        },
        routing: 'service-center-operations',
        status: 'recorded',
        recordedAt: T0 - 1000,
        recordedBy: 'u-tier1-alice',
        referredAt: null,
      },
    },
  ];
}
