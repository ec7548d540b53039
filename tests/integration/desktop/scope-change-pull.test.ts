/**
 * SyncEngine against a scripted socket.io server (real sockets on 127.0.0.1, a
 * real SQLite cache): a pull answer whose `scope` differs from the one the cache
 * was filled for is not applied; the cache drops every confirmed row, the
 * worklist index and the overlay, keeps the outbox, and syncs the new scope from
 * cursor 0 as a first sync. A cache without a remembered scope adopts the first
 * answer's, and an answer without a scope (an older server) changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalStore } from '../../../src/desktop/store/local-store';
import { META_KEYS } from '../../../src/desktop/store/meta';
import { LIMITS, type PulledRow } from '../../../src/shared/sync/protocol';
import { TABLE_NAMES } from '../../../src/shared/sync/rows';
import { callback, customer } from '../server/fixtures';
import { waitFor } from './desktop-helpers';
import {
  scriptedContext,
  scriptedDesk,
  scriptedServer,
  type Answer,
  type Scripted,
  type ScriptedDesk,
} from './scripted-sync';

const customerRow = (id: string, team: string, version: number): PulledRow => ({
  table: 'customers',
  id,
  version,
  deleted: false,
  data: { ...customer(id, team), version },
});
const callbackRow = (id: string, team: string, customerId: string, version: number): PulledRow => ({
  table: 'callbacks',
  id,
  version,
  deleted: false,
  data: { ...callback(id, team, { customerId }), version },
});
const page = (rows: PulledRow[], cursor: number, more: boolean, scope?: string): Answer => ({
  ok: true,
  value: { rows, cursor, lastMutationSeq: 0, more, ...(scope === undefined ? {} : { scope }) },
});

const ALPHA = 'alpha|';
const BRAVO = 'bravo|';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function desk(server: Scripted): ScriptedDesk {
  const d = scriptedDesk(server);
  cleanups.push(() => d.dispose());
  return d;
}
type Desk = ScriptedDesk;

const confirmed = (store: LocalStore) =>
  (
    store.db.prepare('SELECT id, team FROM confirmed_rows ORDER BY id').all() as {
      id: string;
      team: string;
    }[]
  ).map((r) => `${r.id}@${r.team}`);
const indexed = (store: LocalStore) =>
  (store.db.prepare('SELECT id FROM callback_index ORDER BY id').all() as { id: string }[]).map((r) => r.id);
const pendingRows = (store: LocalStore) =>
  (store.db.prepare('SELECT id FROM pending_rows ORDER BY id').all() as { id: string }[]).map((r) => r.id);

const online = (d: Desk, after: number) => () =>
  d.states.length > after && d.states.at(-1)?.state === 'online';

describe('a pull answer for another scope', () => {
  it('is not applied: the cache drops the old scope (keeping the outbox) and syncs the new one from cursor 0', async () => {
    const server = await scriptedServer(
      [
        () =>
          page([customerRow('cu-1', 'alpha', 1), callbackRow('cb-1', 'alpha', 'cu-1', 2)], 2, false, ALPHA),
        // The user was moved: the next answer is bravo's, from the old cursor. It must not be applied.
        () =>
          page([customerRow('cu-9', 'bravo', 9), callbackRow('cb-9', 'bravo', 'cu-9', 10)], 10, false, BRAVO),
        // The fresh sync of bravo from cursor 0.
        () =>
          page(
            [
              customerRow('cu-8', 'bravo', 5),
              callbackRow('cb-8', 'bravo', 'cu-8', 6),
              customerRow('cu-9', 'bravo', 9),
            ],
            6,
            true,
            BRAVO,
          ),
      ],
      (req) => page([], req.cursor, false, BRAVO),
    );
    cleanups.push(() => server.close());
    const d = desk(server);
    d.start();
    await waitFor(online(d, 0), 'the first sync of alpha');
    expect(confirmed(d.store)).toEqual(['cb-1@alpha', 'cu-1@alpha']);
    expect(d.store.pullScope()).toBe(ALPHA);
    // The worklist holds alpha's callback in memory and in its index.
    expect(d.store.callbacks.entries().map((e) => e.id)).toEqual(['cb-1']);

    // The agent claims cb-1 (queued), then a sync runs after the move.
    const claimed = d.store.enqueue(
      [{ id: 'm-claim', name: 'callback.claim@1', args: { callbackId: 'cb-1' } }],
      scriptedContext(Date.now()),
    );
    expect(claimed.ok).toBe(true);
    expect(pendingRows(d.store)).toEqual(['cb-1']);
    d.log.length = 0;
    d.changed.length = 0;
    d.progress.length = 0;
    const before = d.states.length;
    d.engine.requestSync();
    await waitFor(online(d, before), 'the sync after the move');

    // The bravo page at the old cursor was never applied; the cache started over from 0.
    expect(d.log).toEqual(['request 2', 'reset', 'request 0', 'request 6', 'apply 6', 'apply 6']);
    expect(server.pulls.slice(1).map((r) => r.cursor)).toEqual([2, 0, 6]);
    expect(server.pulls[2]?.limit).toBe(LIMITS.maxPullLimit);
    expect(confirmed(d.store)).toEqual(['cb-8@bravo', 'cu-8@bravo', 'cu-9@bravo']);
    // cb-9 came only in the foreign page: its absence shows the page was dropped.
    expect(indexed(d.store)).toEqual(['cb-8']);
    expect(d.store.callbacks.entries().map((e) => e.id)).toEqual(['cb-8']);
    expect(d.store.pullScope()).toBe(BRAVO);
    expect(d.store.cursor()).toBe(6);
    expect(d.store.meta.get(META_KEYS.firstSyncDone)).toBe('1');
    // The queued claim is still queued (the server decides); its overlay of alpha's callback is gone.
    expect(d.store.outbox.all().map((e) => e.id)).toEqual(['m-claim']);
    expect(server.pushed.map((m) => m.id)).toEqual(['m-claim']);
    expect(pendingRows(d.store)).toEqual([]);
    // The UI was told at once that every table changed, then again when the new snapshot was in.
    expect(d.changed[0]).toEqual([...TABLE_NAMES].sort());
    expect(d.changed.at(-1)).toEqual(['callbacks', 'customers']);
    // The reset runs as a first sync: progress from 0 to the end.
    expect(d.progress[0]).toEqual({ done: 0, total: null });
    expect(d.progress.at(-1)).toEqual({ done: 6, total: 6 });
    expect(d.engine.inFirstSync).toBe(false);
  });

  it('adopts the first scope a cache from before the field sees, without a reset', async () => {
    const server = await scriptedServer([
      // An older server: no scope.
      () => page([customerRow('cu-1', 'alpha', 1)], 1, false),
      () => page([customerRow('cu-2', 'alpha', 2)], 2, false, ALPHA),
      // The server is downgraded again: an answer without a scope does not reset a remembered one.
      () => page([customerRow('cu-3', 'alpha', 3)], 3, false),
    ]);
    cleanups.push(() => server.close());
    const d = desk(server);
    d.start();
    await waitFor(online(d, 0), 'the first sync');
    expect(d.store.pullScope()).toBeUndefined();

    for (let round = 0; round < 2; round++) {
      const before = d.states.length;
      d.engine.requestSync();
      await waitFor(online(d, before), `sync ${round + 1}`);
    }
    expect(d.log).not.toContain('reset');
    expect(server.pulls.map((r) => r.cursor)).toEqual([0, 1, 2]);
    expect(confirmed(d.store)).toEqual(['cu-1@alpha', 'cu-2@alpha', 'cu-3@alpha']);
    expect(d.store.pullScope()).toBe(ALPHA);
  });

  it('gives up after repeated scope changes in one pull, with nothing of the foreign pages applied', async () => {
    const server = await scriptedServer([
      () => page([customerRow('cu-1', 'alpha', 1)], 1, false, ALPHA),
      () => page([customerRow('cu-9', 'bravo', 9)], 9, false, BRAVO),
      () => page([customerRow('cu-7', 'charlie', 7)], 7, false, 'charlie|'),
      () => page([customerRow('cu-6', 'delta', 6)], 6, false, 'delta|'),
    ]);
    cleanups.push(() => server.close());
    const d = desk(server);
    d.start();
    await waitFor(online(d, 0), 'the first sync');
    const before = d.states.length;
    d.engine.requestSync();
    await waitFor(
      () => d.states.length > before && d.states.at(-1)?.error?.code === 'sync.scope_changed',
      'the sync to give up',
    );
    expect(d.log.filter((l) => l === 'reset')).toHaveLength(2);
    expect(confirmed(d.store)).toEqual([]);
    expect(d.store.pullScope()).toBe('charlie|');
  });
});
