import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Ack, type Poke } from '../../../src/shared/sync/protocol';
import {
  SUPERVISOR_EVENTS,
  SUPERVISOR_NAMESPACE,
  supervisorSnapshotSchema,
  type SupervisorSnapshot,
} from '../../../src/shared/supervisor/protocol';
import { newPostgresDatabase } from '../../support/test-store';
import { baseWorld, callback } from '../server/fixtures';
import {
  connect,
  connectAgent,
  nextEvent,
  postJson,
  signIn,
  startTestServer,
  TEST_SESSION_SECRET,
  writeFixture,
  type TestServer,
} from '../server/helpers';
import { waitFor } from './support/workload-checks';

/**
 * Two nodes on one PostgreSQL, in this process: what a desktop or a lead sees must
 * not depend on which node it reached — claims race across nodes with one winner,
 * pokes and boards cross nodes, a sign-out on one node ends the session on the
 * other, presence goes offline only when the user's last socket on any node goes.
 */
describe('two nodes on one PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let a: TestServer;
  let b: TestServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await newPostgresDatabase();
    const options = { databaseUrl: database.url, sessionSecret: TEST_SESSION_SECRET };
    // Started together on an empty database: one migrates and seeds, the other waits for it.
    [a, b] = await Promise.all([startTestServer(options), startTestServer(options)]);
    await writeFixture(a.server, [
      ...baseWorld(),
      ...['race', 'poke', 'board'].flatMap((kind) =>
        Array.from({ length: 10 }, (_, i) => ({
          table: 'callbacks' as const,
          row: callback(`${kind}-${i}`, 'alpha'),
        })),
      ),
    ]);
  }, 60_000);

  // Each test's sockets go with it (a user's socket left open would keep their presence).
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });

  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
    await database?.drop();
  });

  it('migrated and seeded once although both started together', async () => {
    const users = await a.server.db.selectFrom('users').select('username').execute();
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    const scripts = await b.server.db
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    expect(scripts.length).toBeGreaterThan(0);
  });

  it('gives a callback claimed through both nodes at once to exactly one agent', async () => {
    const alice = await connectAgent(a.server, 'tier1.alice', 'demo-password-1');
    const carmen = await connectAgent(b.server, 'tier2.carmen', 'demo-password-3');
    sockets.push(alice.socket, carmen.socket);
    for (let i = 0; i < 10; i++) {
      const args = { callbackId: `race-${i}` };
      const [x, y] = await Promise.all([
        alice.push({ name: 'callback.claim@1', args }),
        carmen.push({ name: 'callback.claim@1', args }),
      ]);
      const statuses = [x, y].map((r) => (r.ok ? r.value.results[0]?.status : r.error.code));
      expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'rejected')).toHaveLength(1);
    }
  });

  it('pokes a desktop on node B when a change is committed through node A, with the page B read for it', async () => {
    const alice = await connectAgent(a.server, 'tier1.alice', 'demo-password-1');
    const onB = await connectAgent(b.server, 'tier2.carmen', 'demo-password-3');
    sockets.push(alice.socket, onB.socket);
    const { cursor } = await onB.pullAll(0);
    // A poke for an earlier change (alice's sign-in) may still be on its way: wait for one past the cursor.
    const pokes: Poke[] = [];
    onB.socket.on('poke', (poke: Poke) => pokes.push(poke));
    const pushed = await alice.push({ name: 'callback.claim@1', args: { callbackId: 'poke-0' } });
    expect(pushed.ok && pushed.value.results[0]?.status).toBe('applied');
    await waitFor('a poke on node B past its cursor', () => pokes.some((p) => p.version > cursor), 5_000);
    const poke = pokes.find((p) => p.version > cursor);
    // B saw this desktop caught up at `cursor`: the poke brings what a pull from there answers.
    expect(poke?.page?.from).toBe(cursor);
    expect(poke?.page?.rows.find((r) => r.id === 'poke-0')?.data).toMatchObject({ assigneeId: alice.userId });
    const { rows } = await onB.pullAll(cursor);
    // (Pulled a moment later: a later change may have joined them.)
    expect(poke?.page?.rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(expect.arrayContaining(poke?.page?.rows ?? []));
  });

  it("updates a lead's board on node B from a claim pushed through node A", async () => {
    const session = await signIn(b.server, 'lead.erin', 'demo-password-5');
    const socket = io(`${b.server.url}${SUPERVISOR_NAMESPACE}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: session.token, schemaVersion: SCHEMA_VERSION },
    });
    sockets.push(socket);
    await new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(undefined));
      socket.once('connect_error', reject);
    });
    const snapshots: SupervisorSnapshot[] = [];
    socket.on(SUPERVISOR_EVENTS.snapshot, (s: unknown) => snapshots.push(supervisorSnapshotSchema.parse(s)));
    const first: Ack<unknown> = await socket.timeout(5000).emitWithAck(SUPERVISOR_EVENTS.subscribe, {});
    if (!first.ok) throw new Error(first.error.message);
    const claimedBefore = supervisorSnapshotSchema.parse(first.value).board.figures.claimed.total;
    const alice = await connectAgent(a.server, 'tier1.alice', 'demo-password-1');
    sockets.push(alice.socket);
    const pushed = await alice.push({ name: 'callback.claim@1', args: { callbackId: 'board-0' } });
    expect(pushed.ok && pushed.value.results[0]?.status).toBe('applied');
    await waitFor('a board on B showing the claim made through A', () =>
      snapshots.some((s) => s.board.figures.claimed.total === claimedBefore + 1),
    );
  });

  it('ends a session on node B when it is signed out through node A', async () => {
    const alice = await connectAgent(b.server, 'tier1.alice', 'demo-password-1');
    sockets.push(alice.socket);
    const expired = nextEvent<{ code: string }>(alice.socket, 'session-expired');
    const out = await postJson(`${a.server.url}/api/sign-out`, {}, alice.token);
    expect(out.status).toBe(200);
    expect((await expired).code).toBe('auth.signed_out');
    // B's cached check was refreshed: the token is refused there at once.
    await expect(connect(b.server, { token: alice.token })).rejects.toMatchObject({
      data: { code: 'auth.signed_out' },
    });
  });

  it('marks a user offline only when their last socket on any node is gone', async () => {
    const onA = await connectAgent(a.server, 'tier2.carmen', 'demo-password-3');
    const onB = await connectAgent(b.server, 'tier2.carmen', 'demo-password-3');
    sockets.push(onA.socket, onB.socket);
    const presence = async () =>
      (
        await a.server.db
          .selectFrom('presence')
          .select('data')
          .where('id', '=', onA.userId)
          .executeTakeFirst()
      )?.data;
    expect(
      (await onA.socket.timeout(5000).emitWithAck('presence', { status: 'available', currentItem: null })).ok,
    ).toBe(true);
    onA.socket.close();
    await new Promise((r) => setTimeout(r, 500));
    expect(JSON.parse((await presence()) ?? '{}')).toMatchObject({ status: 'available' });
    onB.socket.close();
    await waitFor('offline after the last socket went', async () =>
      /"offline"/.test((await presence()) ?? ''),
    );
  });

  it('answers /ready on both nodes, and /metrics only with the credential or from this machine', async () => {
    for (const node of [a, b]) expect((await fetch(`${node.server.url}/ready`)).status).toBe(200);
    expect((await fetch(`${a.server.url}/metrics`)).status).toBe(200);
  });
});
