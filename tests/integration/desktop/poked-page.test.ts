/**
 * A poke that brings the rows (server: poke-pages.ts), as SyncEngine takes it,
 * against a scripted socket.io server and a real SQLite cache: the page is applied
 * without a pull only when it continues the cache exactly — cursor at its `from`,
 * the same scope, an empty outbox — and anything else (another `from`, another
 * scope, changes waiting in the outbox, rows the desktop cannot read, a malformed
 * page) is treated as a plain poke: a pull, with nothing of the page applied.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalStore } from '../../../src/desktop/store/local-store';
import type { PulledRow } from '../../../src/shared/sync/protocol';
import { callback } from '../server/fixtures';
import { waitFor } from './desktop-helpers';
import { scriptedContext, scriptedDesk, scriptedServer, type Answer, type Scripted } from './scripted-sync';

const SCOPE = 'alpha|';
const callbackRow = (n: number, assigneeId: string | null = null): PulledRow => ({
  table: 'callbacks',
  id: `cb-${n}`,
  version: n,
  deleted: false,
  data: { ...callback(`cb-${n}`, 'alpha', { assigneeId }), version: n },
});
const page = (rows: PulledRow[], cursor: number, scope = SCOPE): Answer => ({
  ok: true,
  value: { rows, cursor, lastMutationSeq: 0, more: false, scope },
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const assignee = (store: LocalStore, id: string) =>
  (store.rows.view('callbacks', id)?.row as { assigneeId: string | null } | undefined)?.assigneeId;

/** A desktop synced to cursor 3 (cb-1…cb-3); later pulls get what `after` answers. */
async function syncedDesk(after: (cursor: number) => Answer | Promise<Answer>) {
  const server: Scripted = await scriptedServer(
    [() => page([callbackRow(1), callbackRow(2), callbackRow(3)], 3)],
    (req) => after(req.cursor),
  );
  cleanups.push(() => server.close());
  const d = scriptedDesk(server);
  cleanups.push(() => d.dispose());
  d.start();
  await waitFor(() => d.store.cursor() === 3 && d.states.at(-1)?.state === 'online', 'the first sync');
  d.log.length = 0;
  d.changed.length = 0;
  return { server, d };
}

/** What the server would pull from 3: cb-2 claimed by u-7 at version 4. */
const claimedAt4 = (cursor: number) =>
  page(cursor < 4 ? [callbackRow(4), { ...callbackRow(2, 'u-7'), version: 4 }] : [], 4);

describe('a poke that brings its page', () => {
  it('is applied without a pull when it continues the cache: cursor, scope and an idle outbox', async () => {
    const { server, d } = await syncedDesk(claimedAt4);
    const pulls = server.pulls.length;
    server.poke({
      version: 4,
      page: { from: 3, rows: [{ ...callbackRow(2, 'u-7'), version: 4 }], cursor: 4, scope: SCOPE },
    });
    await waitFor(() => d.store.cursor() === 4, 'the poked page applied');
    expect(assignee(d.store, 'cb-2')).toBe('u-7');
    expect(d.log).toEqual(['apply 4']);
    expect(d.changed).toEqual([['callbacks']]);
    // The worklist's index follows it like a pulled page.
    expect(d.store.db.prepare("SELECT assignee_id FROM callback_index WHERE id = 'cb-2'").pluck().get()).toBe(
      'u-7',
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.pulls.length).toBe(pulls);
  });

  it('is not applied while a pull is under way: that pull brings the rows, applied once, in order', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { server, d } = await syncedDesk(async (cursor) => {
      await held;
      return claimedAt4(cursor);
    });
    const pulls = server.pulls.length;
    server.poke({ version: 4 });
    await waitFor(() => server.pulls.length > pulls, 'the pull the plain poke caused');
    server.poke({
      version: 4,
      page: { from: 3, rows: [{ ...callbackRow(2, 'u-7'), version: 4 }], cursor: 4, scope: SCOPE },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(d.store.cursor()).toBe(3);
    release();
    await waitFor(() => d.store.cursor() === 4, 'the held pull answered');
    await d.engine.whenIdle();
    expect(d.log).toEqual(['request 3', 'apply 4']);
    expect(server.pulls.length).toBe(pulls + 1);
    expect(assignee(d.store, 'cb-2')).toBe('u-7');
  });

  const fallbacks: [string, (store: LocalStore) => void, Record<string, unknown>][] = [
    ['starts at another version than the cache', () => {}, { from: 2 }],
    ['was read for another scope', () => {}, { scope: 'bravo|' }],
    [
      'arrives while changes wait in the outbox (no seq to confirm them with)',
      (store) => {
        const queued = store.enqueue(
          [{ id: 'm-1', name: 'callback.claim@1', args: { callbackId: 'cb-3' } }],
          scriptedContext(Date.now()),
        );
        if (!queued.ok) throw new Error(queued.error.message);
      },
      {},
    ],
    [
      'holds a row this desktop cannot read',
      () => {},
      { rows: [{ table: 'callbacks', id: 'cb-2', version: 4, deleted: false, data: { nonsense: true } }] },
    ],
    ['is malformed', () => {}, { rows: 'not rows' }],
  ];
  for (const [what, arrange, change] of fallbacks) {
    it(`is pulled instead when it ${what}`, async () => {
      const { server, d } = await syncedDesk(claimedAt4);
      arrange(d.store);
      await d.engine.whenIdle();
      const pulls = server.pulls.length;
      d.log.length = 0;
      const poked = {
        from: 3,
        rows: [{ ...callbackRow(2, 'u-7'), version: 4 }],
        cursor: 4,
        scope: SCOPE,
        ...change,
      };
      server.poke({ version: 4, page: poked });
      await waitFor(() => server.pulls.length > pulls && d.store.cursor() === 4, 'the pull the poke caused');
      await d.engine.whenIdle();
      // What the cache holds came from the pull, from the cursor the page would have continued
      // (a page whose rows failed validation was tried first, and nothing of it was kept).
      expect(d.log.slice(-2)).toEqual(['request 3', 'apply 4']);
      expect(d.log.slice(0, -2)).toEqual(what.includes('cannot read') ? ['apply 4'] : []);
      expect(server.pulls.at(-1)?.cursor).toBe(3);
      expect(d.store.rows.view('callbacks', 'cb-4')).toBeDefined();
    });
  }
});
