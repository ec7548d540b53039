/**
 * Pokes that bring the page (poke-pages.ts), on a real server: a desktop the server
 * last saw caught up gets the rows a pull from its cursor would have answered, and
 * the delivery is audited as a view of its own (its client id, the cursor, the
 * customer-bearing ids) before it leaves; a desktop never seen caught up gets a
 * plain poke and pulls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Poke } from '../../../src/shared/sync/protocol';
import { baseWorld } from './fixtures';
import { connectAgent, startTestServer, writeFixture, type TestServer } from './helpers';

describe('a poke that brings its page', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  /** The first poke past `cursor` this socket hears. */
  const pokePast = (agent: Awaited<ReturnType<typeof connectAgent>>, cursor: number) =>
    new Promise<Poke>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no poke past the cursor within 5 s')), 5_000);
      const heard = (poke: Poke) => {
        if (poke.version <= cursor) return;
        clearTimeout(timer);
        agent.socket.off('poke', heard);
        resolve(poke);
      };
      agent.socket.on('poke', heard);
    });

  it('brings a caught-up desktop what its pull would have, audited for that desktop', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const fresh = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const { cursor } = await carmen.pullAll(0);
    // Alice's and the second desktop's connections may have poked already: wait past the cursor.
    const toCarmen = pokePast(carmen, cursor);
    const toFresh = pokePast(fresh, cursor);
    const pushed = await alice.push({ name: 'callback.claim@1', args: { callbackId: 'cb-1' } });
    expect(pushed.ok && pushed.value.results[0]?.status).toBe('applied');

    const poke = await toCarmen;
    expect(poke.page?.from).toBe(cursor);
    expect(poke.page?.scope).toBe('alpha|');
    expect(poke.page?.cursor).toBeGreaterThanOrEqual(poke.version);
    expect(poke.page?.rows.find((r) => r.id === 'cb-1')?.data).toMatchObject({ assigneeId: alice.userId });
    // Exactly the pull's answer from the same cursor.
    const pulled = await carmen.pull(cursor);
    if (!pulled.ok) throw new Error(pulled.error.message);
    expect({ rows: poke.page?.rows, cursor: poke.page?.cursor }).toEqual({
      rows: pulled.value.rows,
      cursor: pulled.value.cursor,
    });
    // A desktop that never pulled is not known to be anywhere: it is told to pull.
    expect((await toFresh).page).toBeUndefined();

    const views = await t.server.db
      .selectFrom('audit_events')
      .select(['detail', 'actor_id', 'outcome'])
      .where('action', '=', 'sync.pull.viewed')
      .where('client_id', '=', carmen.clientId)
      .execute();
    const details = views.map(
      (v) => JSON.parse(v.detail ?? '{}') as { cursor: number; ids: Record<string, string[]> },
    );
    // One for the first sync, one for the poke's page (from its cursor), one for the check's pull.
    expect(details.filter((d) => d.cursor === cursor)).toHaveLength(2);
    expect(details.find((d) => d.cursor === cursor)?.ids.callbacks).toContain('cb-1');
    expect(views.every((v) => v.actor_id === carmen.userId && v.outcome === 'delivered')).toBe(true);
    expect(
      await t.server.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'sync.pull.viewed')
        .where('client_id', '=', fresh.clientId)
        .execute(),
    ).toHaveLength(0);
    for (const a of [alice, carmen, fresh]) a.socket.close();
  });
});
