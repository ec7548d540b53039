import { afterEach, describe, expect, it } from 'vitest';
import { queryWorklist } from '../../../src/desktop/core/queries/worklist';
import { WORKLIST_ROWS_CACHE } from '../../../src/desktop/core/queries/worklist-rows';
import type { LocalStore } from '../../../src/desktop/store/local-store';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { worklistQuerySchema } from '../../../src/shared/ipc/views';
import { callbackRow, customerRow, inquiryRow } from '../../fixtures/rows';
import { NOW } from '../sync/fixtures';
import { applyPage, removeTempCaches, tempCache } from './temp-cache';

/**
 * The worklist keeps the rows it decrypted (customer names, receipt numbers) in
 * memory between queries. That memo is one of the store's derived caches, so a
 * sign-out (wipe), a forced sign-out (wipeKeepingOutbox) and a start-over
 * (resetConfirmed) leave no decrypted customer data behind in memory.
 */
afterEach(removeTempCaches);

function filledStore(): LocalStore {
  const store = tempCache();
  const rows = [
    { table: 'customers' as const, data: customerRow({ name: 'Maria Lopez' }) },
    { table: 'inquiries' as const, data: inquiryRow() },
    { table: 'callbacks' as const, data: callbackRow() },
  ];
  applyPage(store, rows);
  return store;
}

/** The memo if the store holds one, without creating it. */
function memoOf(store: LocalStore): unknown {
  const absent = Symbol('absent');
  const found = store.derived<unknown>(WORKLIST_ROWS_CACHE, () => absent);
  return found === absent ? undefined : found;
}

function showWorklist(store: LocalStore): void {
  const page = queryWorklist(
    store,
    worklistQuerySchema.parse({ scope: 'team', offset: 0, limit: 50 }),
    { userId: 'u-me' },
    NOW,
    DEFAULT_POLICY,
  );
  expect(page.rows.map((r) => r.customerName)).toEqual(['Maria Lopez']);
}

describe('the worklist’s decrypted-row memo', () => {
  it.each([
    ['sign-out', (s: LocalStore) => s.wipe()],
    ['a forced sign-out', (s: LocalStore) => s.wipeKeepingOutbox()],
    ['a start-over for another scope', (s: LocalStore) => s.resetConfirmed('team:bravo')],
  ])('holds the shown rows until %s, then is gone', (_what, drop) => {
    const store = filledStore();
    showWorklist(store);
    const memo = memoOf(store) as WeakMap<object, { row: { customerName: string | null } }>;
    expect(memo).toBeInstanceOf(WeakMap);
    const [entry] = store.callbacks.sortedEntries();
    expect(memo.get(entry as object)?.row.customerName).toBe('Maria Lopez');
    drop(store);
    expect(memoOf(store)).toBeUndefined();
    store.close();
  });
});
