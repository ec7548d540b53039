import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import { EVENTS } from '../../../src/shared/sync/protocol';
import {
  ADMIN_REASON,
  connect,
  connectAgent,
  nextEvent,
  policy,
  signIn,
  startTestServer,
  writeFixture,
  type TestServer,
} from './helpers';
import { baseWorld } from './fixtures';

const idle = policy.security.idleLockMinutes * MINUTE_MS;

async function patchUser(t: TestServer, id: string, body: unknown): Promise<number> {
  const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
  const response = await fetch(`${t.server.url}/api/admin/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify({ reason: ADMIN_REASON, ...(body as object) }),
  });
  return response.status;
}

// Session checks read the committed session and user on every request (no cache to
// go stale) and keep activity in memory, written back in batches.
describe('per-request session check', () => {
  let t: TestServer;
  beforeAll(async () => {
    // A long sweep: the batched last_seen write runs every 2 s unless flushed.
    t = await startTestServer({ sessionSweepMs: 60_000 });
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  const storedLastSeen = async (sessionUser: string) =>
    (
      await t.server.db
        .selectFrom('sessions')
        .select('last_seen_at')
        .where('user_id', '=', sessionUser)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).last_seen_at;

  it('ends a live socket the moment its account is disabled; re-enabled, only a new sign-in works', async () => {
    const bruno = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    expect((await bruno.pull(0)).ok).toBe(true);
    const expired = nextEvent<{ code: string }>(bruno.socket, EVENTS.sessionExpired);
    expect(await patchUser(t, 'u-tier1-bruno', { active: false })).toBe(200);
    expect((await expired).code).toBe('auth.account_disabled');
    expect(await patchUser(t, 'u-tier1-bruno', { active: true })).toBe(200);
    await expect(connect(t.server, { token: bruno.token })).rejects.toMatchObject({
      data: { code: 'auth.signed_out' },
    });
    const again = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    expect((await again.pull(0)).ok).toBe(true);
    again.socket.close();
  });

  it('keeps activity in memory (the idle check sees it at once) and writes it back in a batch', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const signedInAt = t.clock.now;
    t.clock.advance(idle - MINUTE_MS);
    const touched = await alice.socket
      .timeout(5_000)
      .emitWithAck(EVENTS.presence, { status: 'available', currentItem: null });
    expect(touched.ok).toBe(true);
    const touchedAt = t.clock.now;
    // Past the idle limit counted from sign-in, within it counted from the presence.
    t.clock.advance(2 * MINUTE_MS);
    expect((await alice.pull(0)).ok).toBe(true);
    // Written back within a flush interval, never moved backwards.
    expect(await storedLastSeen('u-tier1-alice')).toBeGreaterThanOrEqual(signedInAt);
    const deadline = Date.now() + 5_000;
    while ((await storedLastSeen('u-tier1-alice')) !== touchedAt && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await storedLastSeen('u-tier1-alice')).toBe(touchedAt);
    // A pull is not activity: the session still ends idle minutes after the presence.
    t.clock.advance(idle);
    expect(await alice.pull(0)).toMatchObject({ ok: false, error: { code: 'auth.session_idle' } });
    alice.socket.close();
  });

  it('writes pending activity when the server closes (a restart keeps the session alive)', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    t.clock.advance(idle - MINUTE_MS);
    const touched = await alice.socket
      .timeout(5_000)
      .emitWithAck(EVENTS.presence, { status: 'on-call', currentItem: null });
    expect(touched.ok).toBe(true);
    const touchedAt = t.clock.now;
    alice.socket.close();
    const restarted = await t.restart();
    expect(await storedLastSeen('u-tier1-alice')).toBe(touchedAt);
    t.clock.advance(2 * MINUTE_MS);
    await expect(connect(restarted, { token: alice.token })).resolves.toBeDefined();
  });

  it('binds a new client id to exactly one user when two handshakes race for it', async () => {
    const [alice, ben] = await Promise.all([
      signIn(t.server, 'tier1.alice', 'demo-password-1'),
      signIn(t.server, 'tier1.bruno', 'demo-password-2'),
    ]);
    const clientId = `race-${Date.now()}`;
    const outcomes = await Promise.allSettled([
      connect(t.server, { token: alice.token, clientId }),
      connect(t.server, { token: ben.token, clientId }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({
      data: { code: 'auth.client_mismatch' },
    });
    for (const o of outcomes) if (o.status === 'fulfilled') o.value.close();
  });
});
