import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../support/postgres/embedded-cluster';
import { newPostgresDatabase } from '../../support/test-store';
import {
  ALICE,
  openDesktop,
  signIn,
  waitFor,
  waitSynced,
  type TestDesktop,
} from '../desktop/desktop-helpers';
import { baseWorld, callback } from '../server/fixtures';
import { startTestServer, TEST_SESSION_SECRET, writeFixture, type TestServer } from '../server/helpers';

/**
 * A real desktop core given several server addresses (the managed `serverUrl`
 * with several nodes): it signs in through the first node that answers, and when
 * its node stops it carries on through the other with its outbox and cursor —
 * nothing lost, nothing applied twice.
 */
describe('a desktop fails over between nodes (PostgreSQL)', () => {
  let database: { url: string; drop(): Promise<void> };
  let a: TestServer;
  let b: TestServer;
  let desktop: TestDesktop;

  beforeAll(async () => {
    database = await newPostgresDatabase();
    const options = { databaseUrl: database.url, sessionSecret: TEST_SESSION_SECRET };
    a = await startTestServer(options);
    b = await startTestServer(options);
    b.clock.now = a.clock.now;
    await writeFixture(a.server, [
      ...baseWorld(),
      ...Array.from({ length: 6 }, (_, i) => ({
        table: 'callbacks' as const,
        row: callback(`fo-${i}`, 'alpha'),
      })),
    ]);
  }, 60_000);

  afterAll(async () => {
    await desktop?.dispose();
    await a?.dispose();
    await b?.dispose();
    await database?.drop();
  });

  it('signs in through the first node that answers and carries on through the other when its node stops', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    desktop = await openDesktop({ server: { url: `${nobody}, ${a.server.url} ${b.server.url}` } });
    const { core } = desktop;
    await signIn(core, ALICE);
    await waitSynced(core);
    expect(core.appInfo()).toMatchObject({ ok: true, value: { serverUrl: a.server.url } });
    expect(core.commands.run('callback.claim', { callbackId: 'fo-0' }).ok).toBe(true);
    await waitSynced(core);

    // Node A stops (gracefully: it closes its sockets); changes made meanwhile queue in the outbox.
    await a.server.close();
    for (let i = 1; i < 6; i++)
      expect(core.commands.run('callback.claim', { callbackId: `fo-${i}` }).ok).toBe(true);
    const serverNow = () => {
      const info = core.appInfo();
      return info.ok ? info.value.serverUrl : undefined;
    };
    await waitFor(() => serverNow() === b.server.url, 'the move to node B');
    await waitSynced(core, 20_000);

    const log = await b.server.db
      .selectFrom('mutation_log')
      .select(['seq', 'status'])
      .orderBy('seq')
      .execute();
    expect(log.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    const claimed = await b.server.db
      .selectFrom('callbacks')
      .select(['id', 'data'])
      .where('id', 'like', 'fo-%')
      .execute();
    expect(claimed.every((r) => JSON.parse(r.data).assigneeId === 'u-tier1-alice')).toBe(true);
    expect(core.connectionState()).toMatchObject({ state: 'online', pending: 0, rejected: 0 });
  });
});
