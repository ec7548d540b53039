/**
 * Every pull answer names the scope it was computed for, and the same socket's
 * answers switch scope (and rows) as soon as an administrator moves its user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, pullResponseSchema } from '../../../src/shared/sync/protocol';
import { GLOBAL_TEAM } from '../../../src/shared/sync/rows';
import { baseWorld } from './fixtures';
import {
  ADMIN_REASON,
  connectAgent,
  nextEvent,
  signIn,
  startTestServer,
  writeFixture,
  type TestServer,
} from './helpers';

async function patchUser(t: TestServer, id: string, body: unknown): Promise<void> {
  const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
  const response = await fetch(`${t.server.url}/api/admin/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify({ reason: ADMIN_REASON, ...(body as object) }),
  });
  expect(response.status).toBe(200);
}

describe('the pull answer scope', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('differs per team and for admins, and is part of every (memoized) answer', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const bruno = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    const grace = await connectAgent(t.server, 'admin.grace', 'demo-password-7');
    try {
      const answers = await Promise.all([alice.pull(0), carmen.pull(0), bruno.pull(0), grace.pull(0)]);
      const scopes = answers.map((a) => {
        if (!a.ok) throw new Error(a.error.message);
        // The server's answer satisfies the strict schema (scope required).
        expect(pullResponseSchema.safeParse(a.value).success).toBe(true);
        return a.value.scope;
      });
      // Same team (whatever the role) → same scope; another team or an admin → another.
      expect(scopes[0]).toBe(scopes[1]);
      expect(new Set(scopes).size).toBe(3);
      // A second pull of the same range is served from the memo and still names its scope.
      const again = await carmen.pull(0);
      expect(again.ok && again.value.scope).toBe(scopes[0]);
    } finally {
      for (const a of [alice, carmen, bruno, grace]) a.socket.close();
    }
  });

  it('switches on the same socket once the user is moved, with only the new team rows and its pokes', async () => {
    const bruno = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    try {
      const before = await bruno.pull(0);
      if (!before.ok) throw new Error(before.error.message);
      expect(before.value.rows.some((r) => r.id === 'cu-9')).toBe(true);
      const poked = nextEvent(bruno.socket, 'poke');
      await patchUser(t, 'u-tier1-bruno', { team: 'alpha' });
      await poked;
      const after = await bruno.pull(0);
      if (!after.ok) throw new Error(after.error.message);
      expect(after.value.scope).not.toBe(before.value.scope);
      const teams = new Set(after.value.rows.map((r) => (r.data as { team?: string } | null)?.team));
      expect([...teams].every((team) => team === 'alpha' || team === GLOBAL_TEAM)).toBe(true);
      expect(after.value.rows.some((r) => r.id === 'cu-1')).toBe(true);
      expect(after.value.rows.some((r) => r.id === 'cu-9')).toBe(false);

      // From its first request after the move, the socket hears the new team's pokes.
      const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
      try {
        const heard = nextEvent(bruno.socket, 'poke');
        const pushed = await alice.push({ name: 'callback.claim@1', args: { callbackId: 'cb-1' } });
        expect(pushed.ok && pushed.value.results[0]?.status).toBe('applied');
        await heard;
      } finally {
        alice.socket.close();
      }
    } finally {
      bruno.socket.close();
    }
  });
  it("tells the old team's desktops that a moved user left (their users and presence rows), and back again", async () => {
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    try {
      const set = await erin.socket
        .timeout(10_000)
        .emitWithAck(EVENTS.presence, { status: 'available', currentItem: null });
      expect(set).toMatchObject({ ok: true });
      const start = await carmen.pull(0);
      if (!start.ok) throw new Error(start.error.message);
      expect(start.value.rows.some((r) => r.table === 'users' && r.id === 'u-lead-erin' && !r.deleted)).toBe(
        true,
      );
      expect(start.value.rows.some((r) => r.table === 'presence' && r.id === 'u-lead-erin')).toBe(true);

      await patchUser(t, 'u-lead-erin', { team: 'bravo' });
      const after = await carmen.pull(start.value.cursor);
      if (!after.ok) throw new Error(after.error.message);
      const gone = after.value.rows.filter((r) => r.id === 'u-lead-erin');
      expect(gone.map((r) => [r.table, r.deleted, r.data])).toEqual([
        ['users', true, null],
        ['presence', true, null],
      ]);

      // Moved back: the profile arrives again, after the exits (version order).
      await patchUser(t, 'u-lead-erin', { team: 'alpha' });
      const back = await carmen.pull(after.value.cursor);
      if (!back.ok) throw new Error(back.error.message);
      const users = back.value.rows.filter((r) => r.table === 'users' && r.id === 'u-lead-erin');
      expect(users.map((r) => r.deleted)).toEqual([false]);
      // A desktop syncing alpha from scratch ends with erin present (exit first, profile later).
      const fresh = await carmen.pull(0);
      if (!fresh.ok) throw new Error(fresh.error.message);
      const erinRows = fresh.value.rows.filter((r) => r.table === 'users' && r.id === 'u-lead-erin');
      expect(erinRows.at(-1)?.deleted).toBe(false);
    } finally {
      carmen.socket.close();
      erin.socket.close();
    }
  });
});
