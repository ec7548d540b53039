import { existsSync, readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { mutatorContext } from '../sync/fixtures';
import { applyPage, openCache, removeTempCaches, tempCacheFile, twoZoneRows } from './temp-cache';

afterEach(removeTempCaches);

/** The cache file and its WAL (if any), as someone holding the disk would read them. */
const onDisk = (file: string) =>
  Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])]);

/** What the test typed and pulled, as text: none of it may be readable on disk. */
const SECRETS = [
  'Zebulon',
  'Quartermaine',
  '2025550187',
  'zebulon.q@',
  'A-098-765-432', // as typed: the outbox keeps a mutation's arguments as they came
  '098765432', // as the row holds it
  'Quintessa',
  'Vellacourt',
  'quintessa.v@',
  '4155550123',
  'EAC2212345678',
];

function expectNoSecrets(bytes: Buffer, when: string): void {
  for (const secret of SECRETS) {
    expect(bytes.includes(secret), `"${secret}" is on disk in clear ${when}`).toBe(false);
  }
}

describe('customer data at rest in the cache', () => {
  it('holds none in clear: what the agent typed (outbox, optimistic rows), the pulled rows, the worklist snapshot', () => {
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
    // Before the close the writes are in the WAL (what a crash would leave behind): read it too.
    expect(readFileSync(`${file}-wal`).length).toBeGreaterThan(0);
    expectNoSecrets(onDisk(file), 'before the close');

    store.close(); // writes the worklist snapshot, checkpoints and removes the WAL
    const raw = new BetterSqlite3(file, { readonly: true });
    const snapshot = raw.prepare('SELECT length(data) AS n FROM worklist_snapshot').get() as { n: number };
    raw.close();
    expect(snapshot.n).toBeGreaterThan(0);
    expectNoSecrets(onDisk(file), 'after the close');
  });
});
