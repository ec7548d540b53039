import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { ok } from '../../../src/shared/domain/result';
import { defineMutator, put, withoutVersion, type Mutator } from '../../../src/shared/sync/mutator';
import type { MutationEnvelope, SessionUser } from '../../../src/shared/sync/protocol';
import { findMutator } from '../../../src/shared/sync/registry';
import { migrateToLatest, type Db } from '../../../src/server/storage/database';
import type { ServerStore } from '../../../src/server/storage/server-store';
import { writeRows } from '../../../src/server/storage/row-store';
import { insertUser } from '../../../src/server/storage/users';
import { applyPush, type PushContext } from '../../../src/server/sync/push';
import { baseWorld, callback } from './fixtures';
import { T0 } from './helpers';
import { applyPushOneByOne } from './push-reference';
import { freshStore, TEST_STORE, type FreshStore } from '../../support/test-store';

const ALICE: SessionUser = { id: 'u-tier1-alice', name: 'Alice', role: 'tier1', team: 'alpha' };
const CLIENT = 'client-alice-1';

const opened: FreshStore[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.dispose();
});

/**
 * A migrated store (this run's kind) holding the base world, Alice and her desktop;
 * `extra` callbacks cb-x0… for property runs.
 */
async function world(extra = 0): Promise<{ db: Db; store: ServerStore }> {
  const fresh = await freshStore();
  opened.push(fresh);
  const { store } = fresh;
  const { db } = store;
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) throw new Error(migrated.error.message);
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, {
      id: ALICE.id,
      username: 'alice',
      name: ALICE.name,
      role: ALICE.role,
      team: ALICE.team,
      passwordHash: 'x',
    });
    await writeRows(trx, [
      ...baseWorld(),
      ...Array.from({ length: extra }, (_, i) => ({
        table: 'callbacks' as const,
        row: callback(`cb-x${i}`, 'alpha'),
      })),
    ]);
    await trx
      .insertInto('clients')
      .values({ client_id: CLIENT, user_id: ALICE.id, last_seq: 0, created_at: T0 })
      .execute();
  });
  return { db, store };
}

function ctx(overrides: Partial<PushContext> = {}): PushContext {
  return {
    user: ALICE,
    clientId: CLIENT,
    sourceIp: '127.0.0.1',
    policyAt: () => DEFAULT_POLICY,
    clock: () => T0,
    desk: null,
    ...overrides,
  };
}

let ids = 0;
function m(seq: number, name: string, args: unknown): MutationEnvelope {
  ids += 1;
  return { id: `00000000-0000-4000-8000-${String(ids).padStart(12, '0')}`, seq, name, args };
}
const claim = (seq: number, callbackId: string) => m(seq, 'callback.claim@1', { callbackId });
const release = (seq: number, callbackId: string) => m(seq, 'callback.release@1', { callbackId });

async function callbackRow(db: Db, id: string) {
  const r = await db
    .selectFrom('callbacks')
    .select(['version', 'data'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { version: r.version, ...(JSON.parse(r.data) as { assigneeId: string | null }) };
}

async function bookkeeping(db: Db) {
  const log = await db
    .selectFrom('mutation_log')
    .selectAll()
    .where('client_id', '=', CLIENT)
    .orderBy('seq')
    .execute();
  const audit = await db
    .selectFrom('audit_events')
    .select(['action', 'entity_type', 'entity_id', 'outcome', 'detail', 'client_id', 'source_ip', 'actor_id'])
    .where('client_id', '=', CLIENT)
    .orderBy('id')
    .execute();
  const client = await db
    .selectFrom('clients')
    .select('last_seq')
    .where('client_id', '=', CLIENT)
    .executeTakeFirstOrThrow();
  const meta = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'version')
    .executeTakeFirstOrThrow();
  return { log, audit, lastSeq: client.last_seq, version: meta.value };
}

describe(`applyPush: one transaction per batch (${TEST_STORE})`, () => {
  it('applies the other mutations of a batch around rejected ones, with one log and one audit row each', async () => {
    const { db, store } = await world();
    const before = (await bookkeeping(db)).version;
    const pushed = await applyPush(store, ctx(), [
      claim(1, 'cb-1'),
      claim(2, 'cb-9'), // another team's callback
      m(3, 'nope@1', {}),
      claim(4, 'cb-2'), // tier 2: not for a tier 1 agent
      m(5, 'callback.claim@1', { callbackId: 42 }),
      release(6, 'cb-1'),
      claim(7, 'cb-1'),
    ]);
    expect(pushed.results.map((r) => [r.seq, r.status, r.error?.code])).toEqual([
      [1, 'applied', undefined],
      [2, 'rejected', 'callback.not_found'],
      [3, 'rejected', 'mutation.unknown'],
      [4, 'rejected', 'auth.forbidden'],
      [5, 'rejected', 'mutation.invalid_args'],
      [6, 'applied', undefined],
      [7, 'applied', undefined],
    ]);
    // Each applied write has its own next version; the row holds the last state.
    expect(pushed.results.map((r) => r.version)).toEqual([
      before + 1,
      undefined,
      undefined,
      undefined,
      undefined,
      before + 2,
      before + 3,
    ]);
    expect(pushed.lastVersion).toBe(before + 3);
    expect([...pushed.changedTeams]).toEqual(['alpha']);
    expect(await callbackRow(db, 'cb-1')).toMatchObject({ version: before + 3, assigneeId: ALICE.id });
    expect(await callbackRow(db, 'cb-2')).toMatchObject({ assigneeId: null });
    expect(await callbackRow(db, 'cb-9')).toMatchObject({ assigneeId: null });

    const book = await bookkeeping(db);
    expect(book.version).toBe(before + 3);
    expect(book.lastSeq).toBe(7);
    expect(book.log.map((l) => [l.seq, l.status, l.error_code, l.version])).toEqual([
      [1, 'applied', null, before + 1],
      [2, 'rejected', 'callback.not_found', null],
      [3, 'rejected', 'mutation.unknown', null],
      [4, 'rejected', 'auth.forbidden', null],
      [5, 'rejected', 'mutation.invalid_args', null],
      [6, 'applied', null, before + 2],
      [7, 'applied', null, before + 3],
    ]);
    expect(book.audit).toEqual(
      [
        ['callback.claim@1', 'cb-1', 'applied', null],
        ['callback.claim@1', 'cb-9', 'rejected', { code: 'callback.not_found' }],
        ['mutation.invalid', null, 'rejected', { code: 'mutation.unknown' }],
        ['callback.claim@1', 'cb-2', 'rejected', { code: 'auth.forbidden' }],
        ['mutation.invalid', null, 'rejected', { code: 'mutation.invalid_args' }],
        ['callback.release@1', 'cb-1', 'applied', null],
        ['callback.claim@1', 'cb-1', 'applied', null],
      ].map(([action, entityId, outcome, detail]) => ({
        action,
        entity_type: entityId === null ? null : 'callbacks',
        entity_id: entityId,
        outcome,
        detail: detail === null ? null : JSON.stringify(detail),
        client_id: CLIENT,
        source_ip: '127.0.0.1',
        actor_id: ALICE.id,
      })),
    );
  });

  it('answers duplicates inside a batch and between batches with the first status, changing nothing', async () => {
    const { db, store } = await world();
    const first = await applyPush(store, ctx(), [
      claim(1, 'cb-1'),
      claim(1, 'cb-1'),
      claim(2, 'cb-9'),
      claim(2, 'cb-9'),
    ]);
    expect(first.results.map((r) => [r.status, r.firstStatus, r.error?.code])).toEqual([
      ['applied', undefined, undefined],
      ['duplicate', 'applied', undefined],
      ['rejected', undefined, 'callback.not_found'],
      ['duplicate', 'rejected', 'callback.not_found'],
    ]);
    const after = await bookkeeping(db);
    expect(after.log).toHaveLength(2);
    expect(after.audit).toHaveLength(2);

    // The desktop re-sends the batch (its ack was lost) with one new mutation after it.
    const again = await applyPush(store, ctx(), [claim(1, 'cb-1'), claim(2, 'cb-9'), release(3, 'cb-1')]);
    expect(again.results.map((r) => [r.seq, r.status, r.firstStatus])).toEqual([
      [1, 'duplicate', 'applied'],
      [2, 'duplicate', 'rejected'],
      [3, 'applied', undefined],
    ]);
    // The refusal's code, not its sentence: the log keeps no text that may quote what the agent typed.
    expect(again.results[1]?.error?.code).toBe(first.results[2]?.error?.code);
    expect(again.results[1]?.error?.message).toContain('refused when it was first sent (callback.not_found)');
    const final = await bookkeeping(db);
    expect(final.log.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(final.audit).toHaveLength(3);
    expect(final.version).toBe(after.version + 1);
    expect(await callbackRow(db, 'cb-1')).toMatchObject({ assigneeId: null });

    // A batch of nothing but duplicates writes nothing at all.
    const dupsOnly = await applyPush(store, ctx(), [claim(1, 'cb-1'), release(3, 'cb-1')]);
    expect(dupsOnly.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(dupsOnly.lastVersion).toBeUndefined();
    expect(await bookkeeping(db)).toEqual(final);
  });

  it('refuses a seq not after the last one, inside a batch and across batches, without logging it', async () => {
    const { db, store } = await world();
    const pushed = await applyPush(store, ctx(), [claim(5, 'cb-1'), release(4, 'cb-1'), release(6, 'cb-1')]);
    expect(pushed.results.map((r) => [r.seq, r.status, r.error?.code])).toEqual([
      [5, 'applied', undefined],
      [4, 'rejected', 'mutation.stale_seq'],
      [6, 'applied', undefined],
    ]);
    const later = await applyPush(store, ctx(), [claim(3, 'cb-1')]);
    expect(later.results[0]).toMatchObject({ status: 'rejected', error: { code: 'mutation.stale_seq' } });
    expect(later.results[0]?.error?.message).toContain('(6)');
    const book = await bookkeeping(db);
    expect(book.log.map((l) => l.seq)).toEqual([5, 6]);
    expect(book.audit).toHaveLength(2);
    expect(book.lastSeq).toBe(6);
  });

  it('a mutator that throws rejects only its own mutation and leaves none of its writes', async () => {
    const { db, store } = await world();
    const args = z.object({ callbackId: z.string() });
    const faulty: Record<string, Mutator<unknown>> = {
      'test.throws-in-reads-after@1': defineMutator({
        name: 'test.throws-in-reads-after@1',
        description: 'test',
        args,
        reads: (a) => [{ table: 'callbacks', id: a.callbackId }],
        readsAfter: () => {
          throw new Error('boom in readsAfter');
        },
        authorize: () => ok(undefined),
        apply: () => ok([]),
      }) as Mutator<unknown>,
      'test.throws-in-apply@1': defineMutator({
        name: 'test.throws-in-apply@1',
        description: 'test',
        args,
        reads: (a) => [{ table: 'callbacks', id: a.callbackId }],
        authorize: () => ok(undefined),
        apply: () => {
          throw new Error('boom in apply');
        },
      }) as Mutator<unknown>,
      'test.throws-in-reads@1': defineMutator({
        name: 'test.throws-in-reads@1',
        description: 'test',
        args,
        reads: () => {
          throw new Error('boom in reads');
        },
        authorize: () => ok(undefined),
        apply: () => ok([]),
      }) as Mutator<unknown>,
      'test.throws-in-authorize@1': defineMutator({
        name: 'test.throws-in-authorize@1',
        description: 'test',
        args,
        reads: (a) => [{ table: 'callbacks', id: a.callbackId }],
        authorize: () => {
          throw new Error('boom in authorize');
        },
        apply: () => ok([]),
      }) as Mutator<unknown>,
      // Its first write is valid, its second is not: neither may be stored.
      'test.half-valid@1': defineMutator({
        name: 'test.half-valid@1',
        description: 'test',
        args,
        reads: () => [
          { table: 'callbacks', id: 'cb-1' },
          { table: 'callbacks', id: 'cb-2' },
        ],
        authorize: () => ok(undefined),
        apply: (rows) => {
          const one = rows.get('callbacks/cb-1') as ReturnType<typeof callback> & { version: number };
          const two = rows.get('callbacks/cb-2') as ReturnType<typeof callback> & { version: number };
          return ok([
            put('callbacks', { ...withoutVersion(one), assigneeId: 'u-half' }),
            put('callbacks', { ...withoutVersion(two), status: 'nonsense' as 'open' }),
          ]);
        },
      }) as Mutator<unknown>,
    };
    const lookup = (name: string) => faulty[name] ?? findMutator(name);
    const pushed = await applyPush(store, ctx({ findMutator: lookup }), [
      claim(1, 'cb-1'),
      m(2, 'test.throws-in-reads-after@1', { callbackId: 'cb-1' }),
      m(3, 'test.throws-in-apply@1', { callbackId: 'cb-1' }),
      m(4, 'test.half-valid@1', { callbackId: 'cb-1' }),
      m(5, 'test.throws-in-reads@1', { callbackId: 'cb-1' }),
      m(6, 'test.throws-in-authorize@1', { callbackId: 'cb-1' }),
      release(7, 'cb-1'),
    ]);
    expect(pushed.results.map((r) => [r.status, r.error?.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'mutation.failed'],
      ['rejected', 'mutation.failed'],
      ['rejected', 'mutation.failed'],
      ['rejected', 'mutation.failed'],
      ['rejected', 'mutation.failed'],
      ['applied', undefined],
    ]);
    expect(await callbackRow(db, 'cb-1')).toMatchObject({ assigneeId: null });
    expect(await callbackRow(db, 'cb-2')).toMatchObject({ assigneeId: null, status: 'open' });
    const book = await bookkeeping(db);
    expect(book.log).toHaveLength(7);
    expect(book.audit).toHaveLength(7);
    // Versions were handed out only to stored writes: no gap from the refused ones.
    expect(pushed.results[6]?.version).toBe((pushed.results[0]?.version ?? 0) + 1);
  });

  it('has the same results, rows, log and audit as the former one-transaction-per-mutation push', async () => {
    const CALLBACKS = ['cb-x0', 'cb-x1', 'cb-x2', 'cb-9'];
    const step = fc.record({
      kind: fc.constantFrom('claim', 'release', 'unknown'),
      callback: fc.constantFrom(...CALLBACKS),
      // Mostly increasing, sometimes repeated or going back.
      seqDelta: fc.integer({ min: -2, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        let seq = 0;
        const mutations = steps.map((s) => {
          seq = Math.max(1, seq + s.seqDelta);
          if (s.kind === 'unknown') return m(seq, 'nope@1', {});
          return s.kind === 'claim' ? claim(seq, s.callback) : release(seq, s.callback);
        });
        const batched = await world(3);
        const single = await world(3);
        const batch = await applyPush(batched.store, ctx(), mutations);
        // The batch lists a callback once per write; the oracle once per callback.
        const written = { ...batch, callbackIds: [...new Set(batch.callbackIds)] };
        expect(written).toEqual(await applyPushOneByOne(single.db, ctx(), mutations));
        expect(await bookkeeping(batched.db)).toEqual(await bookkeeping(single.db));
        for (const id of CALLBACKS)
          expect(await callbackRow(batched.db, id)).toEqual(await callbackRow(single.db, id));
        for (const o of opened.splice(0)) await o.dispose();
      }),
      { numRuns: 12 },
    );
  });
});

/** A trigger that makes the batch's last write (its audit rows) fail. */
async function refuseAuditInserts(db: Db): Promise<void> {
  if (TEST_STORE === 'sqlite') {
    await sql`create trigger refuse_audit before insert on audit_events begin select raise(abort, 'audit refused'); end`.execute(
      db,
    );
    return;
  }
  await sql`create function refuse_audit() returns trigger language plpgsql as $$
    begin raise exception 'audit refused'; end $$`.execute(db);
  await sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`.execute(
    db,
  );
}

describe('applyPush and the database transaction', () => {
  it('rolls back the whole batch when a write fails (its prepared statements run inside the transaction)', async () => {
    const { db, store } = await world(1);
    const snapshot = async () =>
      JSON.stringify([
        await db.selectFrom('callbacks').selectAll().where('id', '=', 'cb-x0').execute(),
        await db.selectFrom('mutation_log').selectAll().execute(),
        await db.selectFrom('clients').selectAll().execute(),
        await db.selectFrom('meta').selectAll().execute(),
        await db.selectFrom('audit_events').select(db.fn.countAll().as('n')).execute(),
      ]);
    const before = await snapshot();
    await refuseAuditInserts(db);
    await expect(applyPush(store, ctx(), [claim(1, 'cb-x0')])).rejects.toThrow(/audit refused/);
    expect(await snapshot()).toBe(before);
    await sql`drop trigger refuse_audit${sql.raw(TEST_STORE === 'postgres' ? ' on audit_events' : '')}`.execute(
      db,
    );
    const retried = await applyPush(store, ctx(), [claim(1, 'cb-x0')]);
    expect(retried.results.map((r) => r.status)).toEqual(['applied']);
    expect(await snapshot()).not.toBe(before);
  });
});
