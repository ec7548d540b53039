import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditBatcher } from '../../../src/server/audit-batch';
import { migrateToLatest } from '../../../src/server/storage/database';
import {
  openPostgresDatabase,
  type PostgresDatabase,
} from '../../../src/server/storage/postgres/open-postgres';
import { PgPullReader } from '../../../src/server/storage/postgres/pg-pull-reader';
import type { WriteClient } from '../../../src/server/storage/postgres/write-gate';
import { createPullService, servePull } from '../../../src/server/sync/pull';
import { customerRow } from '../../fixtures/rows';
import { newPostgresDatabase } from '../../support/test-store';

/**
 * A pull that delivers customer rows owes an audit row, written before the page goes
 * out. On PostgreSQL that insert takes no version and no row lock, so it is written
 * outside the node's write gate (`appendDb`): a burst of pushes holding every gated
 * write connection (waiting on the version counter) must not hold deliveries back.
 */
describe('pull audit rows on PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let store: PostgresDatabase;

  beforeAll(async () => {
    database = await newPostgresDatabase();
    store = openPostgresDatabase(database.url, {
      applicationName: 'pull-audit-test',
      onError: () => undefined,
    });
    expect((await migrateToLatest(store.db)).ok).toBe(true);
    const customer = customerRow({ id: 'cu-1', team: 'alpha' });
    await sql`insert into customers (id, team, version, deleted, data)
      values ('cu-1', 'alpha', 1, 0, ${JSON.stringify(customer)})`.execute(store.db);
    await sql`update meta set value = 1 where key = 'version'`.execute(store.db);
  });

  afterAll(async () => {
    await store?.db.destroy();
    await database?.drop();
  });

  it('are written while every gated write connection is held, and the page is delivered', async () => {
    const held: WriteClient[] = [];
    for (let i = 0; i < store.gate.concurrency; i++) held.push(await store.writes.connect());
    try {
      // One more writer now waits at the gate: the gate is full.
      let gatedWriterIn = false;
      const waiting = store.writes.connect().then((client) => {
        gatedWriterIn = true;
        return client;
      });
      const service = createPullService(new PgPullReader(store.readPool), new AuditBatcher(store.appendDb));
      const answer = await servePull(
        service,
        {
          user: { id: 'u-alice', name: 'Alice', role: 'tier1', team: 'alpha' },
          clientId: 'desk-1',
          sourceIp: null,
          clock: () => 1_000,
        },
        { cursor: 0, limit: 100 },
      );
      expect(answer.ok && answer.value.rows.map((r) => r.id)).toEqual(['cu-1']);
      expect(gatedWriterIn).toBe(false);
      const audit = await store.readPool.query<{ action: string; client_id: string }>(
        `select action, client_id from audit_events where action = 'sync.pull.viewed'`,
      );
      expect(audit.rows).toEqual([{ action: 'sync.pull.viewed', client_id: 'desk-1' }]);
      // Giving one connection back lets the waiting writer in.
      held.pop()?.release();
      held.push(await waiting);
    } finally {
      for (const client of held) client.release();
    }
  });
});
