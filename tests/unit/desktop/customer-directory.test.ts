import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { customerRecord, searchCustomers } from '../../../src/desktop/core/queries/customer-record';
import { serviceRequestsPastTarget } from '../../../src/desktop/core/queries/service-requests-past-target';
import type { LocalStore } from '../../../src/desktop/store/local-store';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';
import { formatReference, parseReference } from '../../../src/shared/domain/identifiers/reference-number';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { TableName } from '../../../src/shared/sync/rows';
import { callbackRow, customerRow, inquiryRow, noteRow, serviceRequestRow } from '../../fixtures/rows';
import { NOW } from '../sync/fixtures';
import { applyPage, removeTempCaches, tempCache, type CacheRow } from './temp-cache';

afterEach(removeTempCaches);

const newStore = () => tempCache();

let cursor = 0;
function pull(store: LocalStore, rows: CacheRow[], deleted = false): void {
  cursor += 1;
  applyPage(store, rows, cursor, deleted);
}

const REFERENCE = 'Q00010000F';
const names = (store: LocalStore, text: string) =>
  searchCustomers(store, { text, limit: 20 }).customers.map((c) => c.name);

describe('the customer directory (search box and records, from the cache)', () => {
  it('finds a customer by name, A-number, phone, receipt and reference in any formatting', () => {
    const store = newStore();
    pull(store, [
      {
        table: 'customers',
        data: customerRow({ id: 'cu-1', name: 'Ana García López', aNumber: 'A012345678' }),
      },
      { table: 'customers', data: customerRow({ id: 'cu-2', name: 'Bruno Díaz', phones: [] }) },
      {
        table: 'inquiries',
        data: inquiryRow({
          id: 'in-1',
          customerId: 'cu-1',
          receiptNumber: 'EAC2212345678',
          reference: REFERENCE,
        }),
      },
    ]);
    expect(parseReference(REFERENCE).ok).toBe(true);
    for (const text of [
      'garcia',
      'LOPEZ ana',
      'A-012-345-678',
      '012345678',
      '(212) 555-0123',
      'eac-22-123-45678',
      'q-0001-0000-f',
    ]) {
      expect(names(store, text), text).toEqual(['Ana García López']);
    }
    expect(names(store, 'diaz')).toEqual(['Bruno Díaz']);
    expect(names(store, 'nobody')).toEqual([]);
  });

  it('keeps up with new, changed and deleted rows once built', () => {
    const store = newStore();
    pull(store, [{ table: 'customers', data: customerRow({ id: 'cu-1', name: 'Ana García' }) }]);
    expect(names(store, 'ana')).toEqual(['Ana García']);
    pull(store, [{ table: 'customers', data: customerRow({ id: 'cu-1', name: 'Ana Torres' }) }]);
    expect(names(store, 'garcia')).toEqual([]);
    expect(names(store, 'torres')).toEqual(['Ana Torres']);
    pull(store, [
      { table: 'inquiries', data: inquiryRow({ id: 'in-7', customerId: 'cu-1', reference: REFERENCE }) },
    ]);
    expect(names(store, REFERENCE)).toEqual(['Ana Torres']);
    pull(store, [{ table: 'inquiries', data: inquiryRow({ id: 'in-7', customerId: 'cu-1' }) }], true);
    expect(names(store, REFERENCE)).toEqual([]);
    expect(customerRecord(store, 'cu-1', NOW)?.inquiries).toEqual([]);
  });

  it('opens a record with every contact and note of that customer only, and the names in it', () => {
    const userRow = {
      id: 'u-1',
      team: 'alpha',
      version: 1,
      name: 'Alice Tier1',
      role: 'tier1',
      active: true,
    };
    const store = newStore();
    pull(store, [
      { table: 'users', data: userRow },
      { table: 'customers', data: customerRow({ id: 'cu-1', name: 'Ana' }) },
      { table: 'customers', data: customerRow({ id: 'cu-2', name: 'Bruno' }) },
      { table: 'inquiries', data: inquiryRow({ id: 'in-1', customerId: 'cu-1', createdBy: 'u-1' }) },
      { table: 'inquiries', data: inquiryRow({ id: 'in-2', customerId: 'cu-2' }) },
      { table: 'callbacks', data: callbackRow({ id: 'cb-1', customerId: 'cu-1', inquiryId: 'in-1' }) },
      { table: 'notes', data: noteRow({ id: 'no-1', customerId: 'cu-1', createdBy: 'u-1' }) },
    ]);
    const record = customerRecord(store, 'cu-1', NOW);
    expect(record?.customer.name).toBe('Ana');
    expect(record?.inquiries.map((q) => q.id)).toEqual(['in-1']);
    expect(record?.callbacks.map((c) => c.id)).toEqual(['cb-1']);
    expect(record?.notes.map((n) => n.id)).toEqual(['no-1']);
    expect(record?.names['u-1']).toBe('Alice Tier1');
    expect(customerRecord(store, 'cu-missing', NOW)).toBeUndefined();
  });

  it('forgets everything it decrypted at sign-out', () => {
    const store = newStore();
    pull(store, [{ table: 'customers', data: customerRow({ id: 'cu-1', name: 'Ana' }) }]);
    expect(names(store, 'ana')).toEqual(['Ana']);
    store.wipe();
    expect(store.customers.isBuilt()).toBe(false);
    expect(names(store, 'ana')).toEqual([]);
  });

  /** 600 customers, each with an inquiry (receipt) — more than two of the background build's slices per table. */
  function manyCustomers(store: LocalStore): void {
    const rows: { table: TableName; data: { id: string } }[] = [];
    for (let i = 0; i < 600; i++) {
      const id = `cu-${String(i).padStart(4, '0')}`;
      rows.push({ table: 'customers', data: customerRow({ id, name: `Name${i} Family${i % 7}` }) });
      rows.push({
        table: 'inquiries',
        data: inquiryRow({
          id: `in-${i}`,
          customerId: id,
          receiptNumber: `EAC22123${String(i).padStart(5, '0')}`,
        }),
      });
    }
    pull(store, rows);
  }
  const slices = () => new Promise((resolve) => setImmediate(resolve));

  it('is built in the background after a sync, a slice at a time, taking the changes made meanwhile', async () => {
    const store = newStore();
    manyCustomers(store);
    const warmed = store.customers.warm();
    await slices();
    await slices();
    // Part-way: neither done nor empty.
    expect(store.customers.isBuilt()).toBe(false);
    // Changed while it builds: one customer renamed (read or not yet read), one inquiry removed, one new.
    pull(store, [
      { table: 'customers', data: customerRow({ id: 'cu-0001', name: 'Renamed Early' }) },
      { table: 'customers', data: customerRow({ id: 'cu-0590', name: 'Renamed Late' }) },
      { table: 'customers', data: customerRow({ id: 'cu-9999', name: 'Brand New' }) },
    ]);
    pull(store, [{ table: 'inquiries', data: inquiryRow({ id: 'in-3', customerId: 'cu-0003' }) }], true);
    await warmed;
    expect(store.customers.isBuilt()).toBe(true);
    expect(names(store, 'renamed')).toEqual(['Renamed Early', 'Renamed Late']);
    // The old names are gone (the early one was read before it changed), the others there.
    expect(names(store, 'name1 family1')).not.toContain('Name1 Family1');
    expect(names(store, 'name2 family2')).toContain('Name2 Family2');
    expect(names(store, 'name590')).toEqual([]);
    expect(names(store, 'brand')).toEqual(['Brand New']);
    expect(names(store, 'EAC2212300002')).toEqual(['Name2 Family2']);
    expect(names(store, 'EAC2212300003')).toEqual([]);
    expect(searchCustomers(store, { text: 'family3', limit: 200 }).total).toBe(86);
  });

  it('answers a search during the background build with the whole directory (it finishes the build first)', async () => {
    const store = newStore();
    manyCustomers(store);
    const warmed = store.customers.warm();
    await slices();
    expect(names(store, 'EAC2212300599')).toEqual(['Name599 Family4']);
    expect(store.customers.isBuilt()).toBe(true);
    await warmed;
  });

  it('stops a background build when the cache closes, and says so when the cache fails under it', async () => {
    const closing = newStore();
    manyCustomers(closing);
    const warmed = closing.customers.warm();
    const searched = closing.search.warm();
    await slices();
    closing.close();
    // No slice runs against the closed file (it would throw where nobody catches it).
    await expect(warmed).resolves.toBeUndefined();
    await expect(searched).resolves.toBeUndefined();
    const failing = newStore();
    manyCustomers(failing);
    const failed = failing.customers.warm();
    await slices();
    failing.db.close();
    await expect(failed).rejects.toThrow(/not open/);
    expect(failing.customers.isBuilt()).toBe(false);
  });

  it('stops a background build at sign-out, and builds again from the start afterwards', async () => {
    const store = newStore();
    manyCustomers(store);
    const warmed = store.customers.warm();
    await slices();
    store.wipe();
    await warmed;
    expect(store.customers.isBuilt()).toBe(false);
    manyCustomers(store);
    await store.customers.warm();
    expect(store.customers.isBuilt()).toBe(true);
    expect(searchCustomers(store, { text: 'name', limit: 1 }).total).toBe(600);
  });
});

describe('the installation desk (reference numbers from this desktop)', () => {
  it('refuses without a desk code, then counts its own sequence durably, through sign-outs', () => {
    const store = newStore();
    expect(store.desk.take('inquiry')).toMatchObject({ ok: false, error: { code: 'reference.no_desk' } });
    const key = store.desk.key();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    store.desk.setDesk(37);
    const first = store.desk.take('inquiry');
    const second = store.desk.take('callback');
    expect(first.ok && parseReference(first.value)).toMatchObject({ ok: true, value: { desk: 37, seq: 0 } });
    expect(second.ok && parseReference(second.value)).toMatchObject({
      ok: true,
      value: { kind: 'callback', desk: 37, seq: 1 },
    });
    store.wipe();
    expect(store.desk.key()).toBe(key);
    const third = store.desk.take('inquiry');
    expect(third.ok && parseReference(third.value)).toMatchObject({ ok: true, value: { desk: 37, seq: 2 } });
  });

  it('is created by cache migration 007 on an existing cache', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      migrateStore(db, MIGRATIONS, 6);
      expect(migrateStore(db, MIGRATIONS, 7)).toEqual({
        ok: true,
        value: { from: 6, to: 7, applied: ['007_installation'] },
      });
      expect(db.prepare('SELECT count(*) AS n FROM installation').get()).toEqual({ n: 0 });
      // One row only.
      db.prepare("INSERT INTO installation (id, key) VALUES (1, 'k')").run();
      expect(() => db.prepare("INSERT INTO installation (id, key) VALUES (2, 'k')").run()).toThrow();
    } finally {
      db.close();
    }
  });
});

describe("service requests past their target date (the lead's follow-up list, issue 14 item 7)", () => {
  it('lists open and sent requests whose target date is behind us, oldest target first, with names and readable references', () => {
    const store = newStore();
    const reference = formatReference({ kind: 'service-request', desk: 1, seq: 7 });
    pull(store, [
      { table: 'customers', data: customerRow({ id: 'cu', name: 'Ana García López' }) },
      {
        table: 'service_requests',
        data: serviceRequestRow({ id: 'sr-late', targetDate: '2025-03-10', reference: reference.canonical }),
      },
      {
        table: 'service_requests',
        data: serviceRequestRow({ id: 'sr-later', targetDate: '2025-03-05', status: 'sent-to-office' }),
      },
      { table: 'service_requests', data: serviceRequestRow({ id: 'sr-due', targetDate: '2025-03-20' }) },
      {
        table: 'service_requests',
        data: serviceRequestRow({ id: 'sr-answered', targetDate: '2025-03-01', status: 'answered' }),
      },
    ]);
    const now = Date.UTC(2025, 2, 14, 15);
    const list = serviceRequestsPastTarget(store, now, DEFAULT_POLICY);
    expect(list.total).toBe(2);
    expect(list.requests.map((r) => r.id)).toEqual(['sr-later', 'sr-late']);
    expect(list.requests[0]).toMatchObject({ customerName: 'Ana García López', status: 'sent-to-office' });
    expect(list.requests[1]?.reference).toBe(reference.display);
    expect(list.requests[0]?.reference).toBeNull();
  });
});
