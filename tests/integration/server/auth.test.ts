import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol';
import {
  ADMIN_REASON,
  connect,
  connectAgent,
  nextEvent,
  postJson,
  signIn,
  startTestServer,
  writeFixture,
  type TestServer,
} from './helpers';
import { baseWorld } from './fixtures';

describe('sign-in, lockout, sessions', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('signs in a demo user and returns the policy', async () => {
    const session = await signIn(t.server, 'tier2.carmen', 'demo-password-3');
    expect(session.user).toEqual({
      id: 'u-tier2-carmen',
      name: 'Carmen Tier2',
      role: 'tier2',
      team: 'alpha',
    });
    expect(session.expiresAt).toBe(t.clock.now + 12 * 60 * MINUTE_MS);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'tier2.carmen',
      password: 'nope',
    });
    const unknown = await postJson(`${t.server.url}/api/sign-in`, { username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
  });

  it('delays an account after maxFailedSignIns failures, even for the right password, until the delay has passed', async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (await postJson(`${t.server.url}/api/sign-in`, { username: 'tier1.bruno', password: 'bad' })).status,
      ).toBe(401);
    }
    const fifth = await postJson(`${t.server.url}/api/sign-in`, { username: 'tier1.bruno', password: 'bad' });
    expect(fifth).toMatchObject({ status: 423, json: { error: { code: 'auth.locked' } } });
    const right = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'tier1.bruno',
      password: 'demo-password-2',
    });
    expect(right.status).toBe(423);
    t.clock.advance(15 * MINUTE_MS + 1);
    expect(
      (
        await postJson(`${t.server.url}/api/sign-in`, {
          username: 'tier1.bruno',
          password: 'demo-password-2',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a handshake with a wrong schema version, a bad token, or a missing client id', async () => {
    const session = await signIn(t.server, 'tier1.alice', 'demo-password-1');
    await expect(connect(t.server, { token: session.token, schemaVersion: 999 })).rejects.toMatchObject({
      data: { code: 'protocol.schema_mismatch' },
    });
    await expect(connect(t.server, { token: `${session.token}x` })).rejects.toMatchObject({
      data: { code: 'auth.invalid_token' },
    });
    await expect(connect(t.server, { token: session.token, clientId: '' })).rejects.toMatchObject({
      data: { code: 'protocol.bad_handshake' },
    });
  });

  it("refuses another user's client id", async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const erin = await signIn(t.server, 'lead.erin', 'demo-password-5');
    await expect(connect(t.server, { token: erin.token, clientId: alice.clientId })).rejects.toMatchObject({
      data: { code: 'auth.client_mismatch' },
    });
    alice.socket.close();
  });

  it('sign-out revokes the session and tells the live socket', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const expired = nextEvent<{ code: string }>(alice.socket, 'session-expired');
    const out = await postJson(`${t.server.url}/api/sign-out`, {}, alice.token);
    expect(out.status).toBe(200);
    expect((await expired).code).toBe('auth.signed_out');
    await expect(connect(t.server, { token: alice.token })).rejects.toMatchObject({
      data: { code: 'auth.signed_out' },
    });
  });

  it('expires an idle session (policy idleLockMinutes) and disconnects its socket', async () => {
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const expired = nextEvent<{ code: string }>(carmen.socket, 'session-expired');
    const disconnected = nextEvent(carmen.socket, 'disconnect');
    t.clock.advance(16 * MINUTE_MS);
    expect((await expired).code).toBe('auth.session_idle');
    await disconnected;
  });

  it('lets only admins use admin routes', async () => {
    const lead = await signIn(t.server, 'lead.erin', 'demo-password-5');
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    const body = {
      username: 'tier1.new',
      name: 'New Agent',
      role: 'tier1',
      team: 'alpha',
      reason: { code: 'new-hire', ticket: 'HR-1024' },
    };
    expect((await postJson(`${t.server.url}/api/admin/users`, body, lead.token)).status).toBe(403);
    const created = await postJson(`${t.server.url}/api/admin/users`, body, admin.token);
    expect(created.status).toBe(201);
    expect((await postJson(`${t.server.url}/api/admin/users`, body, admin.token)).json.error.code).toBe(
      'user.username_taken',
    );
    // The one-time password opens no session: the user chooses their own first.
    const oneTime = created.json.value.oneTimePassword as string;
    const first = await postJson(`${t.server.url}/api/sign-in`, { username: 'tier1.new', password: oneTime });
    expect(first).toMatchObject({ status: 403, json: { error: { code: 'auth.password_change_required' } } });
    const changed = await postJson(`${t.server.url}/api/password`, {
      username: 'tier1.new',
      password: oneTime,
      newPassword: 'a-long-password-1',
    });
    expect(changed.json.value.user.role).toBe('tier1');
    expect((await signIn(t.server, 'tier1.new', 'a-long-password-1')).user.role).toBe('tier1');
    expect(
      (await postJson(`${t.server.url}/api/sign-in`, { username: 'tier1.new', password: oneTime })).status,
    ).toBe(401);
    const content = JSON.parse(readFileSync('resources/scripts/case-status.v1.json', 'utf8')) as {
      version: number;
    };
    const script = {
      scriptId: 'case-status',
      scriptVersion: 2,
      content: { ...content, version: 2 },
      reason: ADMIN_REASON,
    };
    expect((await postJson(`${t.server.url}/api/admin/scripts`, script, lead.token)).status).toBe(403);
    expect((await postJson(`${t.server.url}/api/admin/scripts`, script, admin.token)).status).toBe(201);
    expect((await postJson(`${t.server.url}/api/admin/scripts`, script, admin.token)).json.error.code).toBe(
      'script.version_exists',
    );
  });

  it('serves health and Prometheus metrics', async () => {
    expect(await (await fetch(`${t.server.url}/health`)).json()).toMatchObject({
      ok: true,
      schemaVersion: SCHEMA_VERSION,
    });
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    const metrics = await fetch(`${t.server.url}/metrics`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const text = await metrics.text();
    expect(text).toMatch(/agent_desk_sign_in_failures_total [1-9]/);
    expect(text).toContain('agent_desk_connected_sockets');
  });
});
