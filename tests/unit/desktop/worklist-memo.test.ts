import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queryWorklist } from '../../../src/desktop/core/queries/worklist';
import { WORKLIST_ROWS_CACHE } from '../../../src/desktop/core/queries/worklist-rows';
import { LocalStore } from '../../../src/desktop/store/local-store';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { worklistQuerySchema } from '../../../src/shared/ipc/views';
import type { MutatorContext } from '../../../src/shared/sync/mutator';

/**
 * The worklist keeps the rows it decrypted (customer names, receipt numbers) in
 * memory between queries. That memo is one of the store's derived caches, so a
 * sign-out (wipe), a forced sign-out (wipeKeepingOutbox) and a start-over
 * (resetConfirmed) leave no decrypted customer data behind in memory.
 */
const NOW = Date.UTC(2025, 2, 12, 14, 0);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ctx = (now: number): MutatorContext => ({
  userId: 'u-me',
  role: 'tier2',
  team: 'alpha',
  now,
  policy: DEFAULT_POLICY,
  clientId: 'client-1',
});

function filledStore(): LocalStore {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-memo-'));
  dirs.push(dir);
  const opened = openStore(join(dir, 'cache.db'));
  const cipher = createPiiCipher(Buffer.alloc(32, 5));
  if (!opened.ok || !cipher.ok) throw new Error('store');
  const store = new LocalStore(opened.value.db, cipher.value, DEFAULT_POLICY);
  const rows = [
    {
      table: 'customers' as const,
      id: 'cu-1',
      data: {
        id: 'cu-1',
        team: 'alpha',
        version: 1,
        name: 'Maria Lopez',
        preferredLanguage: 'es',
        phones: [{ label: 'mobile', e164: '+13055551000', ext: null, bestTime: null }],
        email: null,
        aNumber: null,
        timeZone: null,
      },
    },
    {
      table: 'callbacks' as const,
      id: 'cb-1',
      data: {
        id: 'cb-1',
        team: 'alpha',
        version: 1,
        inquiryId: 'in-1',
        customerId: 'cu-1',
        tier: 1,
        urgency: 'urgent',
        assigneeId: null,
        claimedAt: null,
        createdAt: NOW - 3_600_000,
        dueAt: NOW + 3_600_000,
        attempts: [],
        extraAttemptsGranted: 0,
        status: 'open',
        scheduledSlot: null,
        textAhead: { enabled: false, sendAt: null },
        closedAt: null,
      },
    },
  ];
  const applied = store.applyPull(
    {
      rows: rows.map((r) => ({ ...r, version: 1, deleted: false })),
      cursor: 1,
      lastMutationSeq: 0,
      more: false,
    },
    ctx,
  );
  if (!applied.ok) throw new Error(applied.error.message);
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
