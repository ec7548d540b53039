/**
 * Real desktop caches for unit tests: a SQLite file in a temporary folder, filled the
 * way the sync engine fills it (a pulled page, applied in one transaction).
 * Call `removeTempCaches` after each test (`afterEach(removeTempCaches)`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStore } from '../../../src/desktop/store/local-store';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher, type PiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { RowOf, TableName } from '../../../src/shared/sync/rows';
import { callbackRow, customerRow, inquiryRow } from '../../fixtures/rows';
import { mutatorContext, NOW } from '../sync/fixtures';

const dirs: string[] = [];

export function removeTempCaches(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Where a cache file may be made (its folder is removed by `removeTempCaches`); for tests that read the file itself. */
export function tempCacheFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-unit-cache-'));
  dirs.push(dir);
  return join(dir, 'cache.db');
}

/** An empty cache; `wrap` may stand between the store and its cipher (to count decrypts). */
export function tempCache(wrap: (cipher: PiiCipher) => PiiCipher = (cipher) => cipher): LocalStore {
  return openCache(tempCacheFile(), wrap);
}

/** The cache in `file` opened again (the key is always the same): what a desktop's next start finds. */
export function openCache(
  file: string,
  wrap: (cipher: PiiCipher) => PiiCipher = (cipher) => cipher,
): LocalStore {
  const opened = openStore(file);
  const cipher = createPiiCipher(Buffer.alloc(32, 7));
  if (!opened.ok || !cipher.ok) throw new Error('could not open a temporary cache');
  return new LocalStore(opened.value.db, wrap(cipher.value), DEFAULT_POLICY);
}

export interface CacheRow {
  table: TableName;
  data: { id: string };
}

/** Applies `rows` as one pulled page ending at `cursor`, every row at that version (or deleted). */
export function applyPage(store: LocalStore, rows: readonly CacheRow[], cursor = 1, deleted = false): void {
  const applied = store.applyPull(
    {
      rows: rows.map((r) => ({ table: r.table, id: r.data.id, version: cursor, deleted, data: r.data })),
      cursor,
      lastMutationSeq: 0,
      more: false,
    },
    (now) => mutatorContext({ now }),
  );
  if (!applied.ok) throw new Error(applied.error.message);
}

const HOUR_MS = 3_600_000;

/**
 * A small team in two time zones: customers cu-east (a New York number) and cu-west (a
 * California one), inquiries in-1 and in-2 (east) and in-3 (west), and callbacks cb-1
 * (east, due in 28 h), cb-2 (east, tier 2, non-urgent, claimed by u-me, due in 26 h) and
 * cb-3 (west, due in 30 h). `over` changes what a test needs different.
 */
export function twoZoneRows(
  over: {
    west?: Partial<RowOf<'customers'>>;
    cb2?: Partial<RowOf<'callbacks'>>;
    cb3?: Partial<RowOf<'callbacks'>>;
  } = {},
): CacheRow[] {
  const west = customerRow({
    id: 'cu-west',
    phones: [{ label: 'mobile', e164: '+14155550123', ext: null, bestTime: null }],
    ...over.west,
  });
  return [
    { table: 'customers', data: customerRow({ id: 'cu-east' }) },
    { table: 'customers', data: west },
    { table: 'inquiries', data: inquiryRow({ id: 'in-1', customerId: 'cu-east' }) },
    { table: 'inquiries', data: inquiryRow({ id: 'in-2', customerId: 'cu-east' }) },
    { table: 'inquiries', data: inquiryRow({ id: 'in-3', customerId: 'cu-west' }) },
    {
      table: 'callbacks',
      data: callbackRow({ id: 'cb-1', inquiryId: 'in-1', customerId: 'cu-east', dueAt: NOW + 28 * HOUR_MS }),
    },
    {
      table: 'callbacks',
      data: callbackRow({
        id: 'cb-2',
        inquiryId: 'in-2',
        customerId: 'cu-east',
        tier: 2,
        urgency: 'non-urgent',
        assigneeId: 'u-me',
        claimedAt: NOW - HOUR_MS,
        dueAt: NOW + 26 * HOUR_MS,
        ...over.cb2,
      }),
    },
    {
      table: 'callbacks',
      data: callbackRow({
        id: 'cb-3',
        inquiryId: 'in-3',
        customerId: 'cu-west',
        dueAt: NOW + 30 * HOUR_MS,
        ...over.cb3,
      }),
    },
  ];
}
