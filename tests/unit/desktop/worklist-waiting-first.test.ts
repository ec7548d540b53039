import { afterEach, describe, expect, it } from 'vitest';
import { queryWorklist } from '../../../src/desktop/core/queries/worklist';
import type { LocalStore } from '../../../src/desktop/store/local-store';
import type { PiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY, HOUR_MS, MINUTE_MS } from '../../../src/shared/domain/policy';
import { worklistQuerySchema } from '../../../src/shared/ipc/views';
import { callbackRow, customerRow, inquiryRow } from '../../fixtures/rows';
import { NOW } from '../sync/fixtures';
import { applyPage, removeTempCaches, tempCache } from './temp-cache';

/**
 * My callbacks whose customer answered "yes" to "available now?" come first while the
 * customer waits (issue 20), judged from the callback index alone: ordering the list
 * decrypts no callback (the index keeps the wait's end, migration 010).
 */
afterEach(removeTempCaches);

function storeWith(callbacks: ReturnType<typeof callbackRow>[]): {
  store: LocalStore;
  decrypts: () => number;
} {
  let decrypts = 0;
  const store = tempCache((made): PiiCipher => ({
    encrypt: (plain, place) => made.encrypt(plain, place),
    decrypt: (blob, place) => {
      if (place.startsWith('row/callbacks/')) decrypts += 1;
      return made.decrypt(blob, place);
    },
  }));
  applyPage(store, [
    { table: 'customers', data: customerRow() },
    { table: 'inquiries', data: inquiryRow() },
    ...callbacks.map((c) => ({ table: 'callbacks' as const, data: c })),
  ]);
  return { store, decrypts: () => decrypts };
}

/** My callbacks' list at `now`: a page of `limit` rows (only they are shown, so only they are decrypted). */
function mine(store: LocalStore, now: number, limit: number) {
  return queryWorklist(
    store,
    worklistQuerySchema.parse({ scope: 'mine', offset: 0, limit }),
    { userId: 'u-a' },
    now,
    DEFAULT_POLICY,
  );
}
const order = (store: LocalStore, now: number) => mine(store, now, 50).rows.map((r) => r.id);

describe('the worklist puts a waiting customer first', () => {
  it('while the wait lasts, from the index, without decrypting callbacks to order them', () => {
    const waitEnds = NOW + 30 * MINUTE_MS;
    const { store, decrypts } = storeWith([
      callbackRow({ id: 'cb-soon', assigneeId: 'u-a', dueAt: NOW + 5 * HOUR_MS }),
      callbackRow({
        id: 'cb-later',
        assigneeId: 'u-a',
        dueAt: NOW + 60 * HOUR_MS,
        customerWaitingUntil: waitEnds,
      }),
      callbackRow({
        id: 'cb-other',
        assigneeId: 'u-b',
        dueAt: NOW + 61 * HOUR_MS,
        customerWaitingUntil: waitEnds,
      }),
    ]);
    const before = decrypts();
    expect(mine(store, NOW, 1).total).toBe(2);
    // The one row shown was decrypted; ordering my two open callbacks decrypted neither.
    expect(decrypts() - before).toBeLessThanOrEqual(1);
    expect(order(store, NOW)).toEqual(['cb-later', 'cb-soon']);
    // Once the wait is over, the list is in SLA order again.
    expect(order(store, waitEnds + 1)).toEqual(['cb-soon', 'cb-later']);
  });
});
