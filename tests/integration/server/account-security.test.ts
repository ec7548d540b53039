/**
 * The account-handling findings of the outside security probe (issue 17, part 3):
 * each test here failed before its fix.
 */
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { EVENTS, SCHEMA_VERSION } from '../../../src/shared/sync/protocol';
import { SUPERVISOR_EVENTS, SUPERVISOR_NAMESPACE } from '../../../src/shared/supervisor/protocol';
import { baseWorld } from './fixtures';
import {
  connect,
  connectAgent,
  nextEvent,
  patchUser,
  postJson,
  signIn,
  startTestServer,
  writeFixture,
  type TestServer,
} from './helpers';

describe('disabling an account', () => {
  let t: TestServer;
  // A sweep far longer than the test: only the disable itself can end the sessions.
  beforeAll(async () => {
    t = await startTestServer({ sessionSweepMs: 600_000 });
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('ends its sessions for good: re-enabling does not bring the old token back', async () => {
    const alice = await signIn(t.server, 'tier1.alice', 'demo-password-1');
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    expect((await patchUser(t.server, admin.token, 'u-tier1-alice', { active: false })).status).toBe(200);
    expect((await patchUser(t.server, admin.token, 'u-tier1-alice', { active: true })).status).toBe(200);
    await expect(connect(t.server, { token: alice.token })).rejects.toMatchObject({
      data: { code: 'auth.signed_out' },
    });
  });

  it('closes the open sync and supervisor sockets of the user at once, not at the next sweep', async () => {
    const agent = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const lead = await signIn(t.server, 'lead.erin', 'demo-password-5');
    const board = io(`${t.server.url}${SUPERVISOR_NAMESPACE}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: lead.token, schemaVersion: SCHEMA_VERSION },
    });
    await new Promise<void>((resolve, reject) => {
      board.once('connect', () => resolve());
      board.once('connect_error', reject);
    });
    const agentEnded = nextEvent<{ code: string }>(agent.socket, EVENTS.sessionExpired, 3000);
    const boardEnded = nextEvent<{ code: string }>(board, SUPERVISOR_EVENTS.sessionExpired, 3000);
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    expect((await patchUser(t.server, admin.token, 'u-tier2-carmen', { active: false })).status).toBe(200);
    expect((await patchUser(t.server, admin.token, 'u-lead-erin', { active: false })).status).toBe(200);
    expect((await agentEnded).code).toBe('auth.account_disabled');
    expect((await boardEnded).code).toBe('auth.account_disabled');
    board.close();
    agent.socket.close();
  });
});

describe('user enumeration', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.dispose());

  it('answers an unknown user name exactly like a real one, wrong guess after wrong guess', async () => {
    const answers = async (username: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await postJson(`${t.server.url}/api/sign-in`, { username, password: 'wrong-guess-1234' });
        seen.push(`${r.status} ${r.json.error.code}`);
      }
      return seen;
    };
    const real = await answers('tier1.bruno');
    const unknown = await answers('nobody.at-all');
    expect(real.at(-1)).toBe('423 auth.locked');
    expect(unknown).toEqual(real);
  });

  it('gives a disabled account the generic answer unless the password is right', async () => {
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    expect((await patchUser(t.server, admin.token, 'u-lead-farid', { active: false })).status).toBe(200);
    const wrong = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'lead.farid',
      password: 'not-the-password',
    });
    const unknown = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'lead.nobody',
      password: 'not-the-password',
    });
    expect(wrong).toEqual(unknown);
    const right = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'lead.farid',
      password: 'demo-password-6',
    });
    expect(right.json.error.code).toBe('auth.account_disabled');
  });
});

describe('tokens', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.dispose());

  /** Spellings of the same bytes that lenient base64url decoding accepts. */
  function respellings(token: string): string[] {
    const [payload = '', mac = ''] = token.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(mac.at(-1) ?? 'A');
    // 32 bytes in 43 characters: the last character's two low bits carry nothing.
    const sameBytes = [1, 2, 3].map(
      (bits) => `${mac.slice(0, -1)}${alphabet[(last & ~3) | ((last + bits) & 3)]}`,
    );
    return [
      `${payload}.${mac}=`,
      `${payload}=.${mac}`,
      `${payload}.${mac.replaceAll('-', '+').replaceAll('_', '/')}`,
      ...sameBytes.filter((m) => m !== mac).map((m) => `${payload}.${m}`),
    ].filter((v) => v !== token);
  }

  it('accepts exactly one spelling of a token', async () => {
    const session = await signIn(t.server, 'tier1.alice', 'demo-password-1');
    const variants = respellings(session.token);
    expect(variants.length).toBeGreaterThanOrEqual(3);
    for (const token of variants) {
      await expect(connect(t.server, { token }), token).rejects.toMatchObject({
        data: { code: 'auth.invalid_token' },
      });
    }
    const socket = await connect(t.server, { token: session.token });
    socket.close();
  });
});

describe('deeply nested input', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.dispose());

  it('is refused as a bad request before it is parsed, not answered 500', async () => {
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    const depth = 12_000;
    const body = `{"scriptId":"deep","scriptVersion":1,"content":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const answer = await postJson(`${t.server.url}/api/admin/scripts`, body, admin.token);
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('http.too_deep');
    // Still serving.
    expect((await fetch(`${t.server.url}/health`)).status).toBe(200);
  });
});

describe('another team’s records', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('answer a lead-only change exactly as records that do not exist, for any role', async () => {
    for (const [username, password] of [
      ['tier1.alice', 'demo-password-1'],
      ['lead.erin', 'demo-password-5'],
    ] as const) {
      const agent = await connectAgent(t.server, username, password);
      for (const name of ['callback.grant-extra-attempt@1', 'callback.reassign@1']) {
        const args = (callbackId: string) =>
          name === 'callback.reassign@1' ? { callbackId, assigneeId: null } : { callbackId };
        // cb-9 is team bravo's; cb-404 does not exist anywhere.
        const pushed = await agent.push({ name, args: args('cb-9') }, { name, args: args('cb-404') });
        if (!pushed.ok) throw new Error(pushed.error.message);
        const [theirs, missing] = pushed.value.results;
        expect(theirs?.status, `${username} ${name}`).toBe('rejected');
        expect(theirs?.error, `${username} ${name}`).toEqual(missing?.error);
      }
      agent.socket.close();
    }
  });
});

describe('stored error text', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('keeps a number the agent typed out of the mutation log', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const claimed = await alice.push({ name: 'callback.claim@1', args: { callbackId: 'cb-1' } });
    expect(claimed.ok && claimed.value.results[0]?.status).toBe('applied');
    const attempt = {
      name: 'callback.record-attempt@2',
      args: {
        callbackId: 'cb-1',
        attemptId: 'at-pii',
        numberDialed: '+13055550199',
        outcome: 'busy',
        messageLeft: false,
        at: t.clock.now,
      },
    };
    const pushed = await alice.push(attempt);
    expect(pushed.ok && pushed.value.results[0]?.error?.code).toBe('callback.number_not_on_file');
    const logged = await t.server.db.selectFrom('mutation_log').selectAll().execute();
    const text = JSON.stringify(logged);
    expect(text).not.toMatch(/5550199|555-0199/);
    alice.socket.close();
  });
});

describe('sign-in limits and lockout', () => {
  let t: TestServer;
  afterEach(async () => t.dispose());

  const guess = (username: string, password = 'wrong-guess-1234', headers: Record<string, string> = {}) =>
    fetch(`${t.server.url}/api/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    });

  it('stops a password spray from one address with 429 and Retry-After', async () => {
    // A small in-flight cap, so the burst below is mostly refused before any guess has failed.
    const inFlight = 10;
    const policy = {
      ...DEFAULT_POLICY,
      security: { ...DEFAULT_POLICY.security, signInsInFlightPerAddress: inFlight },
    };
    t = await startTestServer({ policy });
    const limit = DEFAULT_POLICY.security.signInFailuresPerAddress;
    const burst = await Promise.all(Array.from({ length: limit + 40 }, (_, i) => guess(`user.${i}`)));
    const sequence: Response[] = [];
    for (let i = 0; i < limit + 5; i++) sequence.push(await guess(`user.next.${i}`));
    const answers = [...burst, ...sequence];
    const processed = answers.filter((a) => a.status === 401 || a.status === 423);
    const limited = answers.filter((a) => a.status === 429);
    // Failures count against the limit; at most the in-flight cap more can start before they do.
    expect(processed.length).toBeGreaterThanOrEqual(limit);
    expect(processed.length).toBeLessThanOrEqual(limit + inFlight);
    expect(sequence.at(-1)?.status).toBe(429);
    expect(limited.length).toBeGreaterThanOrEqual(40);
    const retryAfter = Number(limited[0]?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(((await limited[0]?.json()) as { error: { code: string } }).error.code).toBe('auth.rate_limited');
  });

  it('lets a whole shift sign in at once from one address (a contact center behind NAT)', async () => {
    t = await startTestServer();
    const { signInFailuresPerAddress } = DEFAULT_POLICY.security;
    // Twice the failure limit, all at once, all with the right password: none is a failure.
    const count = 2 * signInFailuresPerAddress;
    const answers = await Promise.all(
      Array.from({ length: count }, () => guess('tier1.alice', 'demo-password-1')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: count }, () => 200));
    // Failures still count: the limit's worth of wrong ones closes the address for the window.
    for (let i = 0; i < signInFailuresPerAddress; i++) expect((await guess(`user.${i}`)).status).toBe(401);
    expect((await guess('tier1.alice', 'demo-password-1')).status).toBe(429);
  });

  it('caps failed sign-ins across all addresses, never right ones however many at once', async () => {
    const policy = {
      ...DEFAULT_POLICY,
      security: { ...DEFAULT_POLICY.security, signInFailuresPerMinute: 10 },
    };
    t = await startTestServer({ policy, trustProxy: '127.0.0.1' });
    // A shift start: three times the failure limit of right passwords, from many desks at once.
    const shift = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        guess('tier1.alice', 'demo-password-1', { 'x-forwarded-for': `10.1.0.${i + 1}` }),
      ),
    );
    expect(shift.map((a) => a.status)).toEqual(Array.from({ length: 30 }, () => 200));
    // Wrong ones from everywhere: the limit's worth are answered, then every address waits.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await guess(`user.${i}`, 'wrong-guess-1234', { 'x-forwarded-for': `10.0.0.${i + 1}` })).status,
      );
    expect(statuses).toEqual([...Array.from({ length: 10 }, () => 401), 429, 429]);
    // Right passwords too, while the window lasts (a flood of guesses must not be outrun by them).
    expect((await guess('tier1.alice', 'demo-password-1', { 'x-forwarded-for': '10.2.0.1' })).status).toBe(
      429,
    );
  });

  it('lets a node run only so many sign-ins at once (guesses that start before any has failed)', async () => {
    const policy = {
      ...DEFAULT_POLICY,
      security: { ...DEFAULT_POLICY.security, signInsInFlightPerNode: 3 },
    };
    t = await startTestServer({ policy, trustProxy: '127.0.0.1' });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        guess(`user.${i}`, 'wrong-guess-1234', { 'x-forwarded-for': `10.3.0.${i + 1}` }),
      ),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.headers.get('retry-after')).toBe('1');
    expect(answers.filter((a) => a.status === 401).length).toBeGreaterThan(0);
    // Once they ended, their places are free again.
    expect((await guess('tier1.alice', 'demo-password-1', { 'x-forwarded-for': '10.3.1.1' })).status).toBe(
      200,
    );
  });

  it('delays progressively, lets the owner’s own desktop in, and an administrator unlocks', async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
    // Alice has synced from this desktop before: it is hers.
    const own = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    own.socket.close();
    const { maxFailedSignIns, lockoutFirstDelaySeconds } = DEFAULT_POLICY.security;
    for (let i = 0; i < maxFailedSignIns; i++) await guess('tier1.alice');
    const blocked = await guess('tier1.alice', 'demo-password-1');
    expect(blocked.status).toBe(423);
    expect(Number(blocked.headers.get('retry-after'))).toBe(lockoutFirstDelaySeconds);
    // Someone else's guesses do not keep her own desktop out.
    const fromHerDesktop = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'tier1.alice',
      password: 'demo-password-1',
      clientId: own.clientId,
    });
    expect(fromHerDesktop.status).toBe(200);
    // The next wrong guess after the delay doubles it.
    t.clock.advance(lockoutFirstDelaySeconds * 1000);
    expect((await guess('tier1.alice')).status).toBe(423);
    const doubled = await guess('tier1.alice', 'demo-password-1');
    expect(Number(doubled.headers.get('retry-after'))).toBe(2 * lockoutFirstDelaySeconds);
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    const unlocked = await postJson(
      `${t.server.url}/api/admin/users/u-tier1-alice/unlock`,
      { reason: { code: 'locked-out' } },
      admin.token,
    );
    expect(unlocked.status).toBe(200);
    expect((await guess('tier1.alice', 'demo-password-1')).status).toBe(200);
  });
});

describe('desktops and connections of one user', () => {
  let t: TestServer;
  afterEach(async () => t.dispose());

  it('bounds the new desktops one user can register', async () => {
    t = await startTestServer();
    const session = await signIn(t.server, 'tier1.alice', 'demo-password-1');
    const { newDesktopsPerUserPerDay } = DEFAULT_POLICY.security;
    const refusals: string[] = [];
    for (let i = 0; i < newDesktopsPerUserPerDay + 5; i++) {
      try {
        (await connect(t.server, { token: session.token })).close();
      } catch (error) {
        refusals.push((error as { data: { code: string } }).data.code);
      }
    }
    expect(refusals).toEqual(Array.from({ length: 5 }, () => 'auth.too_many_desktops'));
    const rows = await t.server.db
      .selectFrom('clients')
      .selectAll()
      .where('user_id', '=', 'u-tier1-alice')
      .execute();
    expect(rows.length).toBe(newDesktopsPerUserPerDay);
  });

  it('does not make the team re-query when one user connects and disconnects in a loop', async () => {
    t = await startTestServer();
    const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    let pokes = 0;
    erin.socket.on(EVENTS.poke, () => (pokes += 1));
    const alice = await signIn(t.server, 'tier1.alice', 'demo-password-1');
    const clientId = 'loop-desktop-0001';
    for (let i = 0; i < 15; i++) {
      const socket = await connect(t.server, { token: alice.token, clientId });
      socket.close();
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pokes).toBeLessThanOrEqual(1);
    erin.socket.close();
  });

  it('bounds how often one user may connect', async () => {
    const policy = {
      ...DEFAULT_POLICY,
      security: { ...DEFAULT_POLICY.security, connectionsPerUserPerMinute: 5 },
    };
    t = await startTestServer({ policy });
    const alice = await signIn(t.server, 'tier1.alice', 'demo-password-1');
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      try {
        (await connect(t.server, { token: alice.token, clientId: 'loop-desktop-0002' })).close();
        codes.push('ok');
      } catch (error) {
        codes.push((error as { data: { code: string } }).data.code);
      }
    }
    expect(codes).toEqual([...Array(5).fill('ok'), ...Array(3).fill('auth.too_many_connections')]);
  });
});
