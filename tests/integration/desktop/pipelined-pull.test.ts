/**
 * SyncEngine's pull loop against a scripted socket.io server (real sockets on
 * 127.0.0.1, a real SQLite cache): the first sync asks for the largest page,
 * requests page n+1 before it applies page n, applies pages in order, stops on
 * `more: false`, and a refused or unreadable page stops the sync with nothing
 * of that page (or any later one) applied.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalStore } from '../../../src/desktop/store/local-store';
import { META_KEYS } from '../../../src/desktop/store/meta';
import { LIMITS, type PulledRow } from '../../../src/shared/sync/protocol';
import { callback, customer } from '../server/fixtures';
import { waitFor } from './desktop-helpers';
import { scriptedDesk, scriptedServer, type Answer, type Scripted, type ScriptedDesk } from './scripted-sync';

const customerRow = (n: number): PulledRow => ({
  table: 'customers',
  id: `cu-${n}`,
  version: n,
  deleted: false,
  data: { ...customer(`cu-${n}`, 'alpha'), version: n },
});
const callbackRow = (n: number, customerN: number): PulledRow => ({
  table: 'callbacks',
  id: `cb-${n}`,
  version: n,
  deleted: false,
  data: { ...callback(`cb-${n}`, 'alpha', { customerId: `cu-${customerN}` }), version: n },
});
const page = (rows: PulledRow[], cursor: number, more: boolean): Answer => ({
  ok: true,
  value: { rows, cursor, lastMutationSeq: 0, more, latestVersion: 9 },
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A scripted desktop, syncing. */
function desk(server: Scripted, pullLimit?: number): ScriptedDesk {
  const d = scriptedDesk(server, pullLimit);
  cleanups.push(() => d.dispose());
  d.start();
  return d;
}

const confirmedIds = (store: LocalStore) =>
  (store.db.prepare('SELECT id FROM confirmed_rows ORDER BY id').all() as { id: string }[]).map((r) => r.id);

describe('the pull loop', () => {
  it('asks for the largest page on the first sync, and requests each next page before applying the current one', async () => {
    const server = await scriptedServer([
      () => page([customerRow(1), customerRow(2), callbackRow(3, 1)], 3, true),
      () => page([customerRow(4), callbackRow(5, 4)], 5, true),
      () => page([callbackRow(6, 2)], 6, false),
    ]);
    cleanups.push(() => server.close());
    const d = desk(server);
    await waitFor(() => d.states.at(-1)?.state === 'online', 'the first sync to finish');

    expect(server.pulls).toEqual([
      { cursor: 0, limit: LIMITS.maxPullLimit },
      { cursor: 3, limit: LIMITS.maxPullLimit },
      { cursor: 5, limit: LIMITS.maxPullLimit },
    ]);
    // Pipelined: the request for the next page leaves before this page is applied; nothing after more:false.
    expect(d.log).toEqual(['request 0', 'request 3', 'apply 3', 'request 5', 'apply 5', 'apply 6']);
    expect(d.store.cursor()).toBe(6);
    expect(d.store.meta.get(META_KEYS.firstSyncDone)).toBe('1');
    expect(confirmedIds(d.store)).toEqual(['cb-3', 'cb-5', 'cb-6', 'cu-1', 'cu-2', 'cu-4']);
    // The worklist index saw the rows in order (cb-6's customer came two pages earlier).
    const entries = d.store.callbacks.entries().sort((a, b) => a.id.localeCompare(b.id));
    expect(entries.map((e) => [e.id, e.customerId])).toEqual([
      ['cb-3', 'cu-1'],
      ['cb-5', 'cu-4'],
      ['cb-6', 'cu-2'],
    ]);
    // One change event for the whole first sync, not one per page.
    expect(d.changed).toEqual([['callbacks', 'customers']]);
    expect(d.engine.inFirstSync).toBe(false);
  });

  it('uses the ordinary page size once the first sync is done, and an explicit limit always', async () => {
    const server = await scriptedServer([() => page([customerRow(1)], 1, false)]);
    cleanups.push(() => server.close());
    const d = desk(server, 7);
    await waitFor(() => d.states.at(-1)?.state === 'online', 'the sync to finish');
    expect(server.pulls[0]).toEqual({ cursor: 0, limit: 7 });

    const later = await scriptedServer([() => page([customerRow(2)], 2, false)]);
    cleanups.push(() => later.close());
    // A second desktop on a cache whose first sync is done.
    const d2 = desk(later);
    d2.engine.stop();
    d2.store.meta.set(META_KEYS.firstSyncDone, '1');
    d2.engine.start();
    await waitFor(() => d2.states.at(-1)?.state === 'online', 'the next sync to finish');
    expect(later.pulls.at(-1)).toEqual({ cursor: 0, limit: LIMITS.defaultPullLimit });
    expect(d2.changed).toEqual([['customers']]);
  });

  it('stops at a page with a row it cannot read: earlier pages stay, nothing of that page or the next is applied', async () => {
    const bad: PulledRow = {
      ...callbackRow(5, 1),
      data: { ...callback('cb-5', 'alpha'), version: 5, dueAt: 'tomorrow' },
    };
    const server = await scriptedServer([
      () => page([customerRow(1), callbackRow(2, 1)], 2, true),
      () => page([customerRow(3), customerRow(4), bad], 5, true),
      () => page([customerRow(6)], 6, false),
    ]);
    cleanups.push(() => server.close());
    const d = desk(server);
    await waitFor(() => d.states.at(-1)?.error?.code === 'sync.bad_row', 'the sync to fail');

    expect(d.states.at(-1)?.state).toBe('offline');
    expect(confirmedIds(d.store)).toEqual(['cb-2', 'cu-1']);
    expect(d.store.cursor()).toBe(2);
    expect(d.store.meta.get(META_KEYS.firstSyncDone)).toBeUndefined();
    expect(d.store.callbacks.entries().map((e) => e.id)).toEqual(['cb-2']);
    // The page that was applied is still announced.
    expect(d.changed).toEqual([['callbacks', 'customers']]);
    expect(d.engine.inFirstSync).toBe(false);
  });

  it('stops cleanly when the server refuses a page, and resumes from the last applied cursor', async () => {
    let refuse = true;
    const server = await scriptedServer([
      () => page([customerRow(1)], 1, true),
      () =>
        refuse
          ? { ok: false, error: { code: 'sync.overloaded', message: 'Try again shortly.' } }
          : page([customerRow(2)], 2, false),
      (req) => page([customerRow(2)], req.cursor + 1, false),
    ]);
    cleanups.push(() => server.close());
    const d = desk(server);
    await waitFor(() => d.states.at(-1)?.error?.code === 'sync.overloaded', 'the sync to fail');
    expect(confirmedIds(d.store)).toEqual(['cu-1']);
    expect(d.store.cursor()).toBe(1);

    refuse = false;
    d.engine.reconnectNow();
    await waitFor(() => d.states.at(-1)?.state === 'online', 'the retried sync to finish');
    // The retry starts from the cursor of the last page applied, not from a request sent before the failure.
    expect(server.pulls.at(-1)).toEqual({ cursor: 1, limit: LIMITS.maxPullLimit });
    expect(confirmedIds(d.store)).toEqual(['cu-1', 'cu-2']);
    expect(d.store.meta.get(META_KEYS.firstSyncDone)).toBe('1');
  });
});
