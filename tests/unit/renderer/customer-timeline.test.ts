import { describe, expect, it } from 'vitest';
import { customerTimeline } from '../../../src/renderer/src/features/customer/timeline';
import { HOUR_MS } from '../../../src/shared/domain/policy';
import type { CustomerRecord } from '../../../src/shared/ipc/customer-views';
import { attemptRecord, callbackRow, customerRow, FIXTURE_NOW, inquiryRow } from '../../fixtures/rows';

const NOW = FIXTURE_NOW;

function record(over: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    customer: customerRow({ id: 'cu-1' }),
    inquiries: [],
    callbacks: [],
    serviceRequests: [],
    expedites: [],
    appointments: [],
    notes: [],
    names: {},
    now: NOW,
    ...over,
  };
}

describe('the customer timeline', () => {
  const older = inquiryRow({ id: 'in-old', customerId: 'cu-1', createdAt: NOW - 48 * HOUR_MS });
  const newer = inquiryRow({ id: 'in-new', customerId: 'cu-1', createdAt: NOW - 2 * HOUR_MS });
  // Created three days ago, but worked an hour ago: it is the latest contact.
  const worked = callbackRow({
    id: 'cb-1',
    customerId: 'cu-1',
    inquiryId: 'in-old',
    createdAt: NOW - 72 * HOUR_MS,
    dueAt: NOW + 24 * HOUR_MS,
    attempts: [attemptRecord({ id: 'a1', at: NOW - HOUR_MS })],
  });

  it('lists every contact newest first, a callback by its latest activity', () => {
    const items = customerTimeline(record({ inquiries: [older, newer], callbacks: [worked] }));
    expect(items.map((i) => `${i.kind}/${i.row.id}`)).toEqual([
      'callback/cb-1',
      'inquiry/in-new',
      'inquiry/in-old',
    ]);
    expect(items[0]?.at).toBe(NOW - HOUR_MS);
  });

  it('filters by kind', () => {
    const items = customerTimeline(record({ inquiries: [older, newer], callbacks: [worked] }), 'inquiry');
    expect(items.map((i) => i.row.id)).toEqual(['in-new', 'in-old']);
    expect(customerTimeline(record({ inquiries: [older] }), 'expedite')).toEqual([]);
  });
});
