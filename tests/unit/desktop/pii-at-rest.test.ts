import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { mutatorContext } from '../sync/fixtures';
import { applyPage, openCache, removeTempCaches, tempCacheFile, twoZoneRows } from './temp-cache';

afterEach(removeTempCaches);

/** The cache file and its WAL, as a thief with the disk would read them. */
const onDisk = (file: string) =>
  Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`, { flag: 'a+' })]);

describe('customer data at rest in the cache', () => {
  it('keeps what the agent typed (outbox, optimistic rows) and what was pulled (rows, worklist snapshot) encrypted', () => {
    const file = tempCacheFile();
    const store = openCache(file);
    applyPage(
      store,
      twoZoneRows({ west: { name: 'Quintessa Vellacourt', email: 'quintessa.v@example.org' } }),
    );
    // Typed offline: queued in the outbox and shown at once as the optimistic row.
    const queued = store.enqueue(
      [
        {
          id: 'm-1',
          name: 'customer.upsert@1',
          args: {
            customerId: 'cu-east',
            name: 'Zebulon Quartermaine',
            preferredLanguage: 'es',
            phones: [{ label: 'mobile', e164: '+12025550187', ext: null, bestTime: null }],
            email: 'zebulon.q@example.net',
            aNumber: 'A-098-765-432',
            timeZone: 'America/Chicago',
          },
        },
      ],
      mutatorContext(),
    );
    expect(queued.ok).toBe(true);
    expect(store.outbox.count()).toBe(1);
    expect(store.rows.isPending('customers', 'cu-east')).toBe(true);
    expect(store.rows.get('customers', 'cu-east')?.name).toBe('Zebulon Quartermaine');
    expect(store.callbacks.sortedEntries()).toHaveLength(3); // the worklist's copy, which the close saves
    store.close(); // writes the worklist snapshot

    const raw = new BetterSqlite3(file, { readonly: true });
    const snapshot = raw.prepare('SELECT length(data) AS n FROM worklist_snapshot').get() as { n: number };
    raw.close();
    expect(snapshot.n).toBeGreaterThan(0);
    const bytes = onDisk(file);
    for (const secret of [
      'Zebulon',
      'Quartermaine',
      '2025550187',
      'zebulon.q@',
      '098765432',
      'Quintessa',
      'Vellacourt',
      'quintessa.v@',
      '4155550123',
      'EAC2212345678',
    ]) {
      expect(bytes.includes(secret), `"${secret}" is on disk in clear`).toBe(false);
    }
  });
});
