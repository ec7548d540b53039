/**
 * A moved user's desktop (real server, real desktop core): when an administrator
 * moves a signed-in tier-1 agent from team alpha to team bravo over HTTP, the
 * desktop drops alpha's cached rows and syncs bravo's from the start — while
 * still signed in (the PATCH pokes the old team, whose room the socket is in) —
 * and a change it queued offline before the move still reaches the server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopCore } from '../../../src/desktop/core/desktop-core';
import { GLOBAL_TEAM } from '../../../src/shared/sync/rows';
import {
  ADMIN_REASON,
  connectAgent,
  signIn as serverSignIn,
  startTestServer,
  writeFixture,
  type TestServer,
} from '../server/helpers';
import { baseWorld } from '../server/fixtures';
import {
  ALICE,
  DEAD_SERVER,
  openDesktop,
  signIn,
  waitFor,
  waitSynced,
  type TestDesktop,
} from './desktop-helpers';

async function moveUser(t: TestServer, id: string, body: unknown): Promise<void> {
  const admin = await serverSignIn(t.server, 'admin.grace', 'demo-password-7');
  const response = await fetch(`${t.server.url}/api/admin/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify({ reason: ADMIN_REASON, ...(body as object) }),
  });
  if (response.status !== 200) throw new Error(`PATCH failed: ${response.status} ${await response.text()}`);
}

const cachedRows = (core: DesktopCore) =>
  core.store.db.prepare('SELECT tbl, id, team FROM confirmed_rows').all() as {
    tbl: string;
    id: string;
    team: string;
  }[];
const teamsCached = (core: DesktopCore) => new Set(cachedRows(core).map((r) => r.team));
const cachedIds = (core: DesktopCore, table: string) =>
  cachedRows(core)
    .filter((r) => r.tbl === table)
    .map((r) => r.id)
    .sort();
const indexedIds = (core: DesktopCore) =>
  (core.store.db.prepare('SELECT id FROM callback_index ORDER BY id').all() as { id: string }[]).map(
    (r) => r.id,
  );
const worklistIds = (core: DesktopCore) => {
  const page = core.queries.worklist({
    scope: 'team',
    status: ['open', 'closed-resolved', 'closed-unable-to-reach'],
    offset: 0,
    limit: 100,
  });
  if (!page.ok) throw new Error(page.error.message);
  return page.value.rows.map((r) => r.id).sort();
};

describe('an agent moved to another team', () => {
  let t: TestServer;
  let d: TestDesktop | undefined;
  beforeEach(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterEach(async () => {
    await d?.dispose();
    d = undefined;
    await t.dispose();
  });

  it('while signed in: alpha rows leave the cache and bravo rows arrive from the start', async () => {
    d = await openDesktop(t);
    await signIn(d.core, ALICE);
    await waitSynced(d.core);
    expect(cachedIds(d.core, 'customers')).toEqual(['cu-1']);
    expect(worklistIds(d.core)).toEqual(['cb-1', 'cb-2']);
    const changedTables: string[][] = [];
    d.core.events.on('dataChanged', (e) => changedTables.push(e.tables));

    await moveUser(t, 'u-tier1-alice', { team: 'bravo' });
    const core = d.core;
    await waitFor(() => cachedIds(core, 'customers').includes('cu-9'), "bravo's customer in the cache");
    await waitSynced(core);

    expect(cachedIds(core, 'customers')).toEqual(['cu-9']);
    expect(cachedIds(core, 'callbacks')).toEqual(['cb-9']);
    expect([...teamsCached(core)].every((team) => team === 'bravo' || team === GLOBAL_TEAM)).toBe(true);
    expect(indexedIds(core)).toEqual(['cb-9']);
    expect(worklistIds(core)).toEqual(['cb-9']);
    expect(core.queries.customer({ customerId: 'cu-1' })).toEqual({ ok: true, value: null });
    expect(changedTables.some((tables) => tables.includes('customers'))).toBe(true);
    // The session follows the synced profile: screens and local mutator context use the new team.
    expect(core.session.state().user?.team).toBe('bravo');
    const teammates = core.queries.teamUsers();
    expect(teammates.ok && teammates.value.map((u) => u.id)).toContain('u-tier1-bruno');
    expect(teammates.ok && teammates.value.map((u) => u.id)).not.toContain('u-tier2-carmen');

    // Later bravo changes reach the moved desktop (its connection now follows bravo's pokes).
    const bruno = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    try {
      const pushed = await bruno.push({ name: 'callback.claim@1', args: { callbackId: 'cb-9' } });
      expect(pushed.ok && pushed.value.results[0]?.status).toBe('applied');
      await waitFor(() => {
        const detail = core.queries.callback({ callbackId: 'cb-9' });
        return detail.ok && detail.value.callback.assigneeId === 'u-tier1-bruno';
      }, "bruno's claim on the moved desktop");
    } finally {
      bruno.socket.close();
    }
  });

  it('with a change queued offline before the move: the server answers it as usual and nothing of alpha stays', async () => {
    d = await openDesktop(t);
    await signIn(d.core, ALICE);
    await waitSynced(d.core);
    const dataDir = d.dataDir;
    await d.close();

    // Offline: the agent claims alpha's cb-1; it waits in the outbox.
    const offline = await openDesktop(DEAD_SERVER, dataDir);
    expect(offline.core.commands.run('callback.claim', { callbackId: 'cb-1' }).ok).toBe(true);
    expect(offline.core.connectionState().pending).toBe(1);
    await offline.close();

    await moveUser(t, 'u-tier1-alice', { team: 'bravo' });
    d = await openDesktop(t, dataDir);
    const core = d.core;
    await waitFor(() => cachedIds(core, 'customers').includes('cu-9'), "bravo's customer in the cache");
    await waitSynced(core);

    // The queued claim reached the server, which refused it (cb-1 is no longer in her scope), with a reason.
    expect(core.connectionState().pending).toBe(0);
    const rejections = core.rejections();
    expect(rejections.ok && rejections.value.map((r) => r.subject)).toEqual([
      { table: 'callbacks', id: 'cb-1' },
    ]);
    expect(cachedIds(core, 'customers')).toEqual(['cu-9']);
    expect([...teamsCached(core)].every((team) => team === 'bravo' || team === GLOBAL_TEAM)).toBe(true);
    expect(worklistIds(core)).toEqual(['cb-9']);
    const pending = core.store.db.prepare('SELECT count(*) AS n FROM pending_rows').get() as { n: number };
    expect(pending.n).toBe(0);
  });

  it('a role change that keeps the team keeps the cache (same scope, no reset)', async () => {
    d = await openDesktop(t);
    await signIn(d.core, ALICE);
    await waitSynced(d.core);
    const cursorBefore = d.core.store.cursor();
    await moveUser(t, 'u-tier1-alice', { role: 'tier2' });
    const core = d.core;
    await waitFor(() => core.store.cursor() > cursorBefore, 'the pull after the change');
    await waitSynced(core);
    expect(cachedIds(core, 'customers')).toEqual(['cu-1']);
    expect(core.store.cursor()).toBeGreaterThan(cursorBefore);
    await waitFor(() => core.session.state().user?.role === 'tier2', 'the session following the new role');
    // Kept across a restart of the desktop (the stored session was updated too).
    const dataDir = d.dataDir;
    await d.close();
    d = await openDesktop(DEAD_SERVER, dataDir);
    expect(d.core.session.state().user).toMatchObject({ id: 'u-tier1-alice', role: 'tier2', team: 'alpha' });
  });
});
