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
import type { TableName } from '../../../src/shared/sync/rows';
import { mutatorContext } from '../sync/fixtures';

const dirs: string[] = [];

export function removeTempCaches(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An empty cache; `wrap` may stand between the store and its cipher (to count decrypts). */
export function tempCache(wrap: (cipher: PiiCipher) => PiiCipher = (cipher) => cipher): LocalStore {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-unit-cache-'));
  dirs.push(dir);
  return openCache(join(dir, 'cache.db'), wrap);
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
