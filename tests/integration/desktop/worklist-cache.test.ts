import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryWorklist } from '../../../src/desktop/core/queries/worklist';
import { LocalStore } from '../../../src/desktop/store/local-store';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY, HOUR_MS, type Policy } from '../../../src/shared/domain/policy';
import { SLA_STATES, slaRiskOrder, slaStateAt, slaTransitions } from '../../../src/shared/domain/sla';
import { worklistQuerySchema, type WorklistQuery } from '../../../src/shared/ipc/views';
import type { MutatorContext } from '../../../src/shared/sync/mutator';
import type { PulledRow } from '../../../src/shared/sync/protocol';
import type { RowOf } from '../../../src/shared/sync/rows';
import { CALLBACK_STATUSES } from '../../../src/shared/sync/rows/callback';
import { expectedRowSla, wholeRuleInput } from './whole-sla-rule';
import { attemptRecord, callbackRow, customerRow, inquiryRow, pulledRow, userRow } from '../../fixtures/rows';

/**
 * The worklist answers from an in-memory copy of callback_index and caches
 * decrypted rows: these tests check it answers exactly what a from-scratch
 * computation over the cache answers, and that every kind of change is seen.
 */
const NOW = Date.UTC(2025, 2, 12, 14, 0); // Wed 10:00 New York
const N = 60;
const ME = 'u-me';
let dir: string;
let store: LocalStore;

function ctx(now = NOW): MutatorContext {
  return { userId: ME, role: 'tier1', team: 'alpha', now, policy: DEFAULT_POLICY, clientId: 'client-test-1' };
}

const AREA_CODES = ['305', '213', '787'] as const;
const customer = (i: number, name = `Customer ${i}`, version = 1): PulledRow =>
  pulledRow(
    'customers',
    customerRow({
      id: `cu-${i}`,
      version,
      name,
      preferredLanguage: i % 3 === 0 ? 'es' : 'en',
      // Numbers in three zones (Eastern, Pacific, Atlantic): the SLA rule counts their local hours.
      phones: [
        { label: 'mobile', e164: `+1${AREA_CODES[i % 3]}555${String(1000 + i)}`, ext: null, bestTime: null },
      ],
    }),
  );
const inquiry = (i: number): PulledRow =>
  pulledRow(
    'inquiries',
    inquiryRow({
      id: `in-${i}`,
      version: 1,
      customerId: `cu-${i}`,
      receiptNumber: `EAC22${String(10_000_000 + i).slice(-8)}`,
      topic: 'Status of my case',
      urgency: 'urgent',
      createdAt: NOW - 10 * HOUR_MS,
      createdBy: 'u-other',
    }),
  );
const callback = (i: number, patch: Partial<RowOf<'callbacks'>> = {}, version = 1): PulledRow =>
  pulledRow(
    'callbacks',
    callbackRow({
      id: `cb-${i}`,
      version,
      inquiryId: `in-${i}`,
      customerId: `cu-${i}`,
      tier: i % 5 === 0 ? 2 : 1,
      urgency: i % 2 === 0 ? 'urgent' : 'non-urgent',
      assigneeId: i % 7 === 0 ? ME : i % 7 === 1 ? 'u-other' : null,
      createdAt: NOW - 10 * HOUR_MS,
      // Spread over overdue, due today, at risk and on track; a few share a due time (the id breaks the tie).
      dueAt: NOW + (((i * 37) % 120) - 20) * HOUR_MS + (i % 4 === 0 ? 0 : i),
      attempts:
        i % 6 === 0
          ? [
              attemptRecord({
                id: `at-${i}`,
                at: NOW - 2 * HOUR_MS,
                agentId: ME,
                numberDialed: '+13055551000',
                outcome: 'no-answer-no-message',
              }),
            ]
          : [],
      status: CALLBACK_STATUSES[i % 9 === 0 ? 1 : 0],
      ...patch,
    }),
  );
const user = (id: string, name: string, version = 1): PulledRow =>
  pulledRow('users', userRow({ id, version, name, role: 'tier1' }));

function pull(rows: PulledRow[], cursor = 100): void {
  const applied = store.applyPull({ rows, cursor, lastMutationSeq: 0, more: false }, () => ctx());
  if (!applied.ok) throw new Error(applied.error.message);
}

function worklist(q: WorklistQuery, now = NOW, policy: Policy = DEFAULT_POLICY) {
  return queryWorklist(store, worklistQuerySchema.parse(q), { userId: ME }, now, policy);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agent-desk-worklist-cache-'));
  const opened = openStore(join(dir, 'cache.db'));
  const cipher = createPiiCipher(Buffer.alloc(32, 7));
  if (!opened.ok || !cipher.ok) throw new Error('setup');
  store = new LocalStore(opened.value.db, cipher.value, DEFAULT_POLICY);
  const rows: PulledRow[] = [user(ME, 'Me Myself'), user('u-other', 'Olga Other')];
  for (let i = 0; i < N; i++) rows.push(customer(i), inquiry(i), callback(i));
  pull(rows);
});
afterEach(() => {
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The worklist computed the slow, obvious way: decrypt everything, filter, sort. */
function reference(q: WorklistQuery, now: number) {
  const query = worklistQuerySchema.parse(q);
  const ids = (store.db.prepare('SELECT id FROM callback_index').all() as { id: string }[]).map((r) => r.id);
  const hits = query.search ? store.search.search(query.search) : undefined;
  const rows = ids.flatMap((id) => {
    const cb = store.rows.get('callbacks', id);
    if (!cb) return [];
    const language = store.rows.get('customers', cb.customerId)?.preferredLanguage ?? null;
    // The whole rule, as the callback detail applies it: the customer's zones, the attempts left.
    const sla = { state: slaStateAt(slaTransitions(wholeRuleInput(store, id), DEFAULT_POLICY), now) };
    const keep =
      (query.scope === 'team' || (query.scope === 'mine' ? cb.assigneeId === ME : cb.assigneeId === null)) &&
      (query.status.length === 0 || query.status.includes(cb.status)) &&
      (!query.urgency?.length || query.urgency.includes(cb.urgency)) &&
      (!query.tier?.length || query.tier.includes(cb.tier)) &&
      (!query.language?.length || (language !== null && query.language.includes(language))) &&
      (!query.sla?.length || query.sla.includes(sla.state)) &&
      (query.dueBefore === undefined || cb.dueAt < query.dueBefore) &&
      (!hits || hits.has(id));
    return keep ? [{ id, state: sla.state, dueAt: cb.dueAt }] : [];
  });
  rows.sort((a, b) => slaRiskOrder(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { total: rows.length, ids: rows.slice(query.offset, query.offset + query.limit).map((r) => r.id) };
}

const ids = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id);

describe('worklist from the in-memory index copy', () => {
  it('answers exactly what filtering and sorting every decrypted callback answers', () => {
    const sub = <T>(values: readonly T[], max: number) =>
      fc.option(fc.uniqueArray(fc.constantFrom(...values), { maxLength: max }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          scope: fc.constantFrom('mine' as const, 'queue' as const, 'team' as const),
          status: fc.uniqueArray(fc.constantFrom(...CALLBACK_STATUSES), { maxLength: 3 }),
          urgency: sub(['urgent', 'non-urgent'] as const, 2),
          tier: sub([1, 2] as const, 2),
          language: sub(['en', 'es'] as const, 2),
          sla: sub(SLA_STATES, 4),
          dueBefore: fc.option(fc.integer({ min: NOW - 30 * HOUR_MS, max: NOW + 120 * HOUR_MS }), {
            nil: undefined,
          }),
          search: fc.option(fc.constantFrom('customer 1', '3055551', 'eac22', 'nobody'), { nil: undefined }),
          offset: fc.integer({ min: 0, max: N }),
          limit: fc.integer({ min: 1, max: 30 }),
        }),
        fc.integer({ min: -30, max: 60 }),
        (raw, hours) => {
          const q = Object.fromEntries(
            Object.entries(raw).filter(([, v]) => v !== undefined),
          ) as WorklistQuery;
          const now = NOW + hours * HOUR_MS;
          const page = worklist(q, now);
          const expected = reference(q, now);
          expect({ total: page.total, ids: ids(page) }).toEqual(expected);
          for (const row of page.rows) expect(row.sla).toEqual(expectedRowSla(store, row, now));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('re-derives the SLA columns of a cache indexed before them (or under another policy)', () => {
    const q = { scope: 'team' as const, status: [], limit: N };
    const expected = reference(q, NOW);
    // As migrations 008 and 011 leave an older cache: defaults in the new columns, no index basis.
    store.db
      .prepare(
        `UPDATE callback_index SET zones = '', attempts_left = 1, next_attempt_from = 0, at_risk_from = 0,
           attempts_miss_from = 0, due_today_from = 0, overdue_from = 0, last_window_start = NULL,
           last_window_end = NULL`,
      )
      .run();
    store.db.prepare("DELETE FROM meta WHERE key = 'callback_index_basis'").run();
    store.callbacks.invalidate();
    const wrong = () =>
      worklist(q, NOW).rows.filter((row) => row.sla.state !== expectedRowSla(store, row, NOW).state).length;
    expect(wrong()).toBeGreaterThan(0);
    const cipher = createPiiCipher(Buffer.alloc(32, 7));
    if (!cipher.ok) throw new Error('setup');
    store = new LocalStore(store.db, cipher.value, DEFAULT_POLICY);
    store.setPolicy(DEFAULT_POLICY);
    expect(wrong()).toBe(0);
    expect(ids(worklist(q, NOW))).toEqual(expected.ids);
  });

  it("gives the due-soon check my open callbacks with the whole rule's input", () => {
    const mine = store.callbacks.openAssignedTo(ME);
    expect(mine.length).toBeGreaterThan(0);
    for (const { id, ...input } of mine) expect(input).toEqual(wholeRuleInput(store, id));
    expect(mine.some((m) => m.zones?.includes('America/Los_Angeles'))).toBe(true);
  });

  it('a repeated query follows callbacks changing SLA state as time passes, page after page', () => {
    for (const sla of [undefined, ['at-risk' as const], ['overdue' as const, 'due-today' as const]]) {
      for (let now = NOW - 30 * HOUR_MS; now < NOW + 110 * HOUR_MS; now += 127 * 60_000) {
        const q = { scope: 'team' as const, status: [], ...(sla ? { sla } : {}), limit: N };
        const expected = reference(q, now);
        const pages = [0, 20, 40].flatMap((offset) => ids(worklist({ ...q, offset, limit: 20 }, now)));
        expect({ total: worklist(q, now).total, ids: pages }).toEqual(expected);
      }
    }
  });

  it('shows a claim at once (mine, pending), and the rollback of a rejected one', () => {
    const before = worklist({ scope: 'queue', limit: 100 });
    const target = before.rows[0]!.id;
    const claimed = store.enqueue(
      [{ id: 'm-1', name: 'callback.claim@1', args: { callbackId: target } }],
      ctx(),
    );
    expect(claimed.ok).toBe(true);
    expect(ids(worklist({ scope: 'queue', limit: 100 }))).not.toContain(target);
    const mine = worklist({ scope: 'mine', limit: 100 }).rows.find((r) => r.id === target);
    expect(mine).toMatchObject({ mine: true, pendingSync: true, assigneeId: ME, assigneeName: 'Me Myself' });
    store.recordPushResults(
      [
        {
          id: 'm-1',
          seq: 1,
          status: 'rejected',
          error: { code: 'callback.already_claimed', message: 'taken' },
        },
      ],
      () => ctx(),
      NOW,
    );
    const back = worklist({ scope: 'queue', limit: 100 }).rows.find((r) => r.id === target);
    expect(back).toMatchObject({ mine: false, pendingSync: false, assigneeId: null });
  });

  it('shows a changed customer name, receipt-independent row and a renamed assignee after a pull', () => {
    const first = worklist({ scope: 'team', status: [], limit: N });
    const row = first.rows.find((r) => r.id === 'cb-1')!;
    expect(row).toMatchObject({ customerName: 'Customer 1', assigneeName: 'Olga Other' });
    pull([customer(1, 'Renée Renamed', 2), user('u-other', 'Olga Married', 2)], 101);
    const after = worklist({ scope: 'team', status: [], limit: N }).rows.find((r) => r.id === 'cb-1');
    expect(after).toMatchObject({ customerName: 'Renée Renamed', assigneeName: 'Olga Married' });
    expect(ids(worklist({ search: 'renee' }))).toEqual(['cb-1']);
    pull([{ table: 'callbacks', id: 'cb-1', version: 3, deleted: true, data: null }], 102);
    expect(ids(worklist({ scope: 'team', status: [], limit: N }))).not.toContain('cb-1');
    expect(worklist({ scope: 'team', status: [], limit: N }).total).toBe(N - 1);
  });

  it('moves a callback whose due time changed to its new place in the order', () => {
    const page = worklist({ scope: 'team', status: [], limit: N });
    const last = page.rows.at(-1)!.id;
    const i = Number(last.slice(3));
    pull([callback(i, { dueAt: NOW - 1000 * HOUR_MS, status: 'open' }, 2)], 101);
    expect(ids(worklist({ scope: 'team', status: [], limit: 1 }))).toEqual([last]);
    expect(worklist({ scope: 'team', status: [], limit: N }).rows[0]).toMatchObject({
      id: last,
      sla: { state: 'overdue' },
    });
  });

  it('reloads after changes it was not told about: a rolled-back transaction, a bulk delete', () => {
    const all = worklist({ scope: 'team', status: [], limit: N });
    expect(all.total).toBe(N);
    expect(() =>
      store.db.transaction(() => {
        store.rows.deleteConfirmed('callbacks', 'cb-2');
        store.callbacks.reindex(['cb-2']);
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    expect(ids(worklist({ scope: 'team', status: [], limit: N }))).toEqual(ids(all));
    store.resetConfirmed();
    expect(worklist({ scope: 'team', status: [], limit: N })).toMatchObject({ total: 0, rows: [] });
    pull([customer(3), inquiry(3), callback(3)], 1);
    expect(ids(worklist({ scope: 'team', status: [], limit: N }))).toEqual(['cb-3']);
  });

  it('keeps no decrypted rows or derived lists in memory after a sign-out wipe', () => {
    expect(worklist({ limit: 10 }).rows).toHaveLength(10);
    expect(store.callbacks.sortedEntries().length).toBe(N);
    const kept = store.derived('worklist.ordered', () => new Map());
    expect(kept.size).toBeGreaterThan(0);
    store.wipe();
    expect(store.derived('worklist.ordered', () => new Map()).size).toBe(0);
    expect(store.derived<{ users?: unknown }>('worklist.users', () => ({})).users).toBeUndefined();
    expect(store.callbacks.sortedEntries()).toEqual([]);
    expect(worklist({ limit: 10 }).rows).toEqual([]);
  });

  it('recomputes the attempt window when the policy changes', () => {
    const q = { scope: 'team' as const, status: [], limit: N };
    const before = worklist(q).rows.find((r) => r.id === 'cb-6')!;
    expect(before.nextAttempt?.attemptNumber).toBe(2);
    const policy: Policy = {
      ...DEFAULT_POLICY,
      attempts: { ...DEFAULT_POLICY.attempts, maxAttempts: 1 },
    };
    expect(worklist(q, NOW, policy).rows.find((r) => r.id === 'cb-6')!.nextAttempt).toBeNull();
  });
});

describe('search index', () => {
  it('warms in the background, then answers without decrypting, and follows changes', async () => {
    expect(store.search.isWarm()).toBe(false);
    await store.search.warm();
    expect(store.search.isWarm()).toBe(true);
    expect([...(store.search.search('customer 12') ?? [])]).toEqual(['cb-12']);
    pull([customer(12, 'Zoë Zed', 2)], 101);
    expect(store.search.search('customer 12')?.size).toBe(0);
    expect([...(store.search.search('zoe') ?? [])]).toEqual(['cb-12']);
    store.resetConfirmed();
    expect(store.search.isWarm()).toBe(false);
    expect(store.search.search('zoe')?.size).toBe(0);
  });

  it('finds a callback by its phone however typed and by the customer A-number', () => {
    pull(
      [
        pulledRow(
          'customers',
          customerRow({
            id: 'cu-7',
            version: 2,
            name: 'Customer 7',
            aNumber: 'A012345678',
            phones: [
              { label: 'mobile', e164: '+17875550112', ext: null, bestTime: null },
              { label: 'home', e164: '+12025550143', ext: null, bestTime: null },
            ],
          }),
        ),
      ],
      101,
    );
    for (const query of [
      '7875550112',
      '(787) 555-0112',
      '+1 787 555 0112',
      '555-0112',
      'A012345678',
      'A12345678',
      'a-012-345-678',
    ]) {
      expect([...(store.search.search(query) ?? [])], query).toEqual(['cb-7']);
    }
    // Digits spread over two of the customer's numbers are not one number.
    expect(store.search.search('(787) 555-0143')?.size).toBe(0);
  });

  it('keeps its answers through a claim (no searchable text changed), drops them when a name changes', async () => {
    await store.search.warm();
    const answer = store.search.search('customer 3');
    expect(answer?.has('cb-3')).toBe(true);
    const claimed = store.enqueue(
      [{ id: 'm-s', name: 'callback.claim@1', args: { callbackId: 'cb-3' } }],
      ctx(),
    );
    expect(claimed.ok).toBe(true);
    expect(store.search.search('customer 3')).toBe(answer);
    pull([customer(3, 'Renata Ruiz', 2)], 102);
    expect(store.search.search('customer 3')).not.toBe(answer);
    expect(store.search.search('customer 3')?.has('cb-3')).toBe(false);
    expect([...(store.search.search('renata') ?? [])]).toEqual(['cb-3']);
  });

  it('a search during a background build, and a reset, leave no stale or missing callback', async () => {
    const warming = store.search.warm();
    pull([
      customer(5, 'Walter White', 2),
      { table: 'callbacks', id: 'cb-8', version: 2, deleted: true, data: null },
    ]);
    expect([...(store.search.search('walter') ?? [])]).toEqual(['cb-5']);
    expect(store.search.search('customer 8')?.has('cb-8')).toBe(false);
    await warming;
    expect(store.search.isWarm()).toBe(true);
    const again = store.search.warm();
    store.search.reset();
    await again;
    expect(store.search.isWarm()).toBe(false);
    expect(store.search.search(`customer ${N - 1}`)?.has(`cb-${N - 1}`)).toBe(true);
  });
});
