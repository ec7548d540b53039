import { describe, expect, it } from 'vitest';
import { ROW_SCHEMAS, TABLE_NAMES } from '../../../src/shared/sync/rows';
import {
  attemptRecord,
  callbackRow,
  customerRow,
  expediteRequestRow,
  inquiryRow,
  ROW_BUILDERS,
  serviceRequestRow,
} from '../../fixtures/rows';

// The row builders every test uses (tests/fixtures/rows.ts) must stay what the schemas accept.
describe('row fixtures', () => {
  it('has a builder for every synced table, and each default row passes its schema', () => {
    expect(Object.keys(ROW_BUILDERS).sort()).toEqual([...TABLE_NAMES].sort());
    for (const table of TABLE_NAMES) {
      const row = ROW_BUILDERS[table]();
      expect(ROW_SCHEMAS[table].safeParse(row).success, table).toBe(true);
    }
  });

  it('refuses overrides that make a row invalid, naming the table and the field', () => {
    expect(() => callbackRow({ dueAt: -1 })).toThrow(/callbacks row is not valid: dueAt/);
    expect(() =>
      customerRow({ phones: [{ label: 'mobile', e164: '12', ext: null, bestTime: null }] }),
    ).toThrow(/customers row is not valid: phones\.0\.e164/);
    expect(() => expediteRequestRow({ criteria: [] })).toThrow(/expedite_requests row is not valid/);
    expect(() => attemptRecord({ outcome: 'no-answer-message-left' })).toThrow(/messageLeft/);
  });

  it('describes one world: the callback, inquiry and requests refer to the same customer and inquiry', () => {
    const customer = customerRow();
    const inquiry = inquiryRow();
    expect(inquiry.customerId).toBe(customer.id);
    for (const row of [callbackRow(), expediteRequestRow(), serviceRequestRow()]) {
      expect([row.customerId, row.inquiryId]).toEqual([customer.id, inquiry.id]);
    }
  });
});
