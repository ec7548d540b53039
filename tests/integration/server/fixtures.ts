import type { RowData } from '../../../src/shared/sync/rows';
import type { RowWrite } from '../../../src/shared/sync/mutator';
import { callbackRow, customerRow, expediteRequestRow, inquiryRow, rowData } from '../../fixtures/rows';
import { T0 } from './helpers';

export function customer(id: string, team: string): RowData<'customers'> {
  return rowData(customerRow({ id, team, name: 'Test Customer', timeZone: 'America/New_York' }));
}

export function inquiry(id: string, team: string, customerId: string): RowData<'inquiries'> {
  return rowData(
    inquiryRow({
      id,
      team,
      customerId,
      topic: 'Case status',
      urgency: 'urgent',
      createdAt: T0 - 3_600_000,
      createdBy: 'u-tier1-alice',
    }),
  );
}

export function callback(
  id: string,
  team: string,
  overrides: Partial<RowData<'callbacks'>> = {},
): RowData<'callbacks'> {
  return rowData(
    callbackRow({
      id,
      team,
      inquiryId: 'in-1',
      customerId: 'cu-1',
      createdAt: T0 - 3_600_000,
      dueAt: T0 + 71 * 3_600_000,
      ...overrides,
    }),
  );
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
      row: rowData(
        expediteRequestRow({
          id: 'ex-1',
          inquiryId: 'in-1',
          customerId: 'cu-1',
          recordedAt: T0 - 1000,
          recordedBy: 'u-tier1-alice',
        }),
      ),
    },
  ];
}
