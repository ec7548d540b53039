import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRow } from '../../../src/server/audit';
import { AuditBatcher } from '../../../src/server/audit-batch';
import { migrateToLatest, type Db } from '../../../src/server/storage/database';
import { freshDatabase, type FreshDatabase } from '../../support/test-store';

const event = (i: number) => ({
  at: 1_000 + i,
  actorId: 'u-tier1-alice',
  action: 'sync.pull.viewed',
  clientId: `client-${i}`,
  outcome: 'delivered',
  detail: { cursor: i, ids: { callbacks: [`cb-${i}`] } },
});

/** On this run's store (the PostgreSQL project: one `unnest` statement per batch, audit-insert.ts). */
describe('AuditBatcher', () => {
  let fresh: FreshDatabase;
  let db: Db;
  beforeEach(async () => {
    fresh = await freshDatabase();
    db = fresh.db;
    const migrated = await migrateToLatest(db);
    expect(migrated.ok).toBe(true);
  });
  afterEach(async () => {
    await fresh.dispose().catch(() => undefined);
  });

  const stored = () => db.selectFrom('audit_events').selectAll().orderBy('id').execute();

  it('stores every event of a turn, in order, before any append resolves', async () => {
    const audit = new AuditBatcher(db);
    const appends = Array.from({ length: 1_234 }, (_, i) => audit.append(event(i)));
    expect(await stored()).toHaveLength(0);
    await appends[0];
    const rows = await stored();
    expect(rows).toHaveLength(1_234);
    expect(rows.map((r) => r.client_id)).toEqual(Array.from({ length: 1_234 }, (_, i) => `client-${i}`));
    expect(JSON.parse(rows[7]?.detail ?? '')).toEqual({ cursor: 7, ids: { callbacks: ['cb-7'] } });
    // Every column as appendAudit writes it (the PostgreSQL path builds its own statement).
    const { id: _id, ...seventh } = rows[7] as Record<string, unknown>;
    expect({ ...seventh, at: Number(seventh.at) }).toEqual({ ...auditRow(event(7)), at: 1_007 });
    await Promise.all(appends);
    expect(audit.pending).toBe(0);
    expect(audit.writtenBatches).toBe(1);
  });

  it('reports a lost batch to onLost as well as rejecting its appends', async () => {
    const lost: number[] = [];
    const audit = new AuditBatcher(db, (_error, events) => lost.push(events));
    await db.schema.alterTable('audit_events').renameTo('audit_events_moved').execute();
    const failed = Promise.allSettled([audit.append(event(1)), audit.append(event(2))]);
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(lost).toEqual([2]);
    await db.schema.alterTable('audit_events_moved').renameTo('audit_events').execute();
  });

  it('flush writes what is queued (graceful close)', async () => {
    const audit = new AuditBatcher(db);
    const appended = audit.append(event(1));
    await audit.flush();
    expect(await stored()).toHaveLength(1);
    await appended;
    await audit.flush(); // nothing queued: nothing written twice
    expect(await stored()).toHaveLength(1);
  });

  it('rejects every append of a batch that could not be written, and keeps working', async () => {
    const audit = new AuditBatcher(db);
    await db.schema.alterTable('audit_events').renameTo('audit_events_moved').execute();
    const failed = [audit.append(event(1)), audit.append(event(2))];
    for (const f of failed) await expect(f).rejects.toThrow();
    await db.schema.alterTable('audit_events_moved').renameTo('audit_events').execute();
    await audit.append(event(3));
    expect((await stored()).map((r) => r.client_id)).toEqual(['client-3']);
  });
});
