import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../../../src/desktop/store/local-store';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher } from '../../../src/desktop/store/pii-cipher';
import { RowCache } from '../../../src/desktop/store/row-cache';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { MutatorContext } from '../../../src/shared/sync/mutator';
import { attemptRecord, callbackRow, customerRow } from '../../fixtures/rows';

/**
 * RowCache.view() answers rows a pull page validated from memory instead of
 * decrypting them back (recordingFresh): it must answer exactly what get()
 * answers, never outlive the transaction, and keep the stored blob unchanged.
 */
const NOW = Date.UTC(2025, 2, 12, 14, 0);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-rowcache-'));
  dirs.push(dir);
  const opened = openStore(join(dir, 'cache.db'));
  if (!opened.ok) throw new Error(opened.error.message);
  const cipher = createPiiCipher(Buffer.alloc(32, 7));
  if (!cipher.ok) throw new Error(cipher.error.message);
  return { db: opened.value.db, cipher: cipher.value, rows: new RowCache(opened.value.db, cipher.value) };
}

const customer = (i: number, language: 'en' | 'es' = 'en', name = `Customer ${i}`) =>
  customerRow({
    id: `cu-${i}`,
    version: 99, // the row's own version: the column's (putConfirmed's argument) wins
    name,
    preferredLanguage: language,
    phones: [{ label: 'mobile', e164: `+1305555${String(1000 + i)}`, ext: null, bestTime: null }],
  });

const callback = (i: number, attempts = 0) =>
  callbackRow({
    id: `cb-${i}`,
    version: 1,
    inquiryId: `in-${i}`,
    customerId: `cu-${i}`,
    createdAt: NOW - 3_600_000,
    dueAt: NOW + i,
    attempts: Array.from({ length: attempts }, (_, k) =>
      attemptRecord({
        id: `at-${i}-${k}`,
        at: NOW - 7_200_000 + k,
        agentId: 'u-me',
        numberDialed: '+13055551000',
        outcome: 'no-answer-no-message',
      }),
    ),
  });

describe('RowCache.view and recordingFresh', () => {
  it('answers a row the transaction just stored exactly as decrypting it does', () => {
    const { db, rows } = open();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom('en' as const, 'es' as const),
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
        fc.integer({ min: 0, max: 3 }),
        (i, version, language, name, attempts) => {
          rows.recordingFresh(() =>
            db.transaction(() => {
              expect(rows.putConfirmed('customers', `cu-${i}`, version, customer(i, language, name))).toBe(
                true,
              );
              expect(rows.putConfirmed('callbacks', `cb-${i}`, version, callback(i, attempts))).toBe(true);
              for (const [table, id] of [
                ['customers', `cu-${i}`],
                ['callbacks', `cb-${i}`],
              ] as const) {
                const viewed = rows.view(table, id);
                expect(viewed?.pending).toBe(false);
                expect(viewed?.row).toEqual(rows.get(table, id));
                expect(viewed?.row.version).toBe(version);
              }
            })(),
          );
        },
      ),
      { numRuns: 60 },
    );
    db.close();
  });

  it('stores the blob without the row version, and leaves the caller’s data alone', () => {
    const { db, rows, cipher } = open();
    const data = customer(1);
    rows.recordingFresh(() => db.transaction(() => rows.putConfirmed('customers', 'cu-1', 5, data))());
    expect(data.version).toBe(99);
    const stored = db.prepare("SELECT data, version FROM confirmed_rows WHERE id = 'cu-1'").get() as {
      data: Buffer;
      version: number;
    };
    expect(stored.version).toBe(5);
    const plain = JSON.parse(cipher.decrypt(stored.data, 'row/customers/cu-1')) as Record<string, unknown>;
    expect(Object.hasOwn(plain, 'version')).toBe(false);
    expect(plain['name']).toBe('Customer 1');
    db.close();
  });

  it('forgets the rows of a rolled-back transaction', () => {
    const { db, rows } = open();
    rows.putConfirmed('customers', 'cu-1', 1, customer(1, 'en', 'Before'));
    expect(() =>
      rows.recordingFresh(() =>
        db.transaction(() => {
          rows.putConfirmed('customers', 'cu-1', 2, customer(1, 'es', 'After'));
          rows.putConfirmed('customers', 'cu-2', 2, customer(2));
          expect(rows.view('customers', 'cu-1')?.row.name).toBe('After');
          throw new Error('page refused');
        })(),
      ),
    ).toThrow('page refused');
    expect(rows.view('customers', 'cu-1')?.row).toMatchObject({ name: 'Before', version: 1 });
    expect(rows.view('customers', 'cu-2')).toBeUndefined();
    db.close();
  });

  it('does not answer a row deleted later in the same transaction, and lets a pending row win', () => {
    const { db, rows } = open();
    rows.recordingFresh(() =>
      db.transaction(() => {
        rows.putConfirmed('customers', 'cu-1', 1, customer(1));
        rows.deleteConfirmed('customers', 'cu-1');
        expect(rows.view('customers', 'cu-1')).toBeUndefined();
        rows.putConfirmed('customers', 'cu-2', 1, customer(2, 'en', 'Confirmed'));
        rows.putPending('customers', { ...customer(2, 'es', 'Optimistic') });
        const viewed = rows.view('customers', 'cu-2');
        expect(viewed?.pending).toBe(true);
        expect(viewed?.row.name).toBe('Optimistic');
      })(),
    );
    db.close();
  });
});

describe('applyPull with rows read from memory', () => {
  it('indexes callbacks exactly as a re-index that decrypts every row', () => {
    const { db, cipher } = open();
    const store = new LocalStore(db, cipher, DEFAULT_POLICY);
    const ctx = (): MutatorContext => ({
      userId: 'u-me',
      role: 'tier1',
      team: 'alpha',
      now: NOW,
      policy: DEFAULT_POLICY,
      clientId: 'client-test-1',
    });
    const rowsOf = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => from + k).flatMap((i) => [
        {
          table: 'customers',
          id: `cu-${i}`,
          version: i + 1,
          deleted: false,
          data: customer(i, i % 2 ? 'es' : 'en'),
        },
        { table: 'callbacks', id: `cb-${i}`, version: i + 1, deleted: false, data: callback(i, i % 3) },
      ]);
    // Second page: a customer of the first page changes language (its callback is re-indexed through it).
    const pages = [
      { rows: rowsOf(0, 20), cursor: 40, more: true, lastMutationSeq: 0 },
      {
        rows: [
          ...rowsOf(20, 30),
          { table: 'customers', id: 'cu-1', version: 100, deleted: false, data: customer(1, 'en') },
          { table: 'callbacks', id: 'cb-2', version: 101, deleted: true, data: null },
        ],
        cursor: 101,
        more: false,
        lastMutationSeq: 0,
      },
    ];
    for (const page of pages) expect(store.applyPull(page as never, ctx).ok).toBe(true);
    const indexed = () => db.prepare('SELECT * FROM callback_index ORDER BY id').all();
    const fromMemory = indexed();
    expect(fromMemory).toHaveLength(29);
    expect(fromMemory.find((r) => (r as { id: string }).id === 'cb-1')).toMatchObject({ language: 'en' });
    // The same index built from decrypted rows only (no transaction memory).
    store.callbacks.reindex(Array.from({ length: 30 }, (_, i) => `cb-${i}`));
    expect(indexed()).toEqual(fromMemory);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });
});
