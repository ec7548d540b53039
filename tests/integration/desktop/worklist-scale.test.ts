import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryWorklist } from '../../../src/desktop/core/queries/worklist';
import { LocalStore } from '../../../src/desktop/store/local-store';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY, HOUR_MS } from '../../../src/shared/domain/policy';
import { slaRiskOrder } from '../../../src/shared/domain/sla';
import { expectedRowSla } from './whole-sla-rule';
import { worklistQuerySchema } from '../../../src/shared/ipc/views';
import type { MutatorContext } from '../../../src/shared/sync/mutator';
import type { PulledRow } from '../../../src/shared/sync/protocol';
import { callbackRow, customerRow, pulledRow } from '../../fixtures/rows';

const NOW = Date.UTC(2025, 2, 12, 14, 0); // Wed 10:00 New York
const N = 50_000;
const dir = mkdtempSync(join(tmpdir(), 'agent-desk-worklist-'));
let store: LocalStore;

function ctx(now = NOW): MutatorContext {
  return {
    userId: 'u-me',
    role: 'tier1',
    team: 'alpha',
    now,
    policy: DEFAULT_POLICY,
    clientId: 'client-test-1',
  };
}

beforeAll(() => {
  const opened = openStore(join(dir, 'cache.db'));
  const cipher = createPiiCipher(Buffer.alloc(32, 1));
  if (!opened.ok || !cipher.ok) throw new Error('setup');
  store = new LocalStore(opened.value.db, cipher.value, DEFAULT_POLICY);
  const rows: PulledRow[] = [];
  for (let i = 0; i < N; i++) {
    const e164 = `+1305555${String(i % 10000).padStart(4, '0')}`;
    const customer = customerRow({
      id: `cu-${i}`,
      name: i === 4242 ? 'María García' : `Customer ${i}`,
      preferredLanguage: i % 3 === 0 ? 'es' : 'en',
      phones: [{ label: 'mobile', e164, ext: null, bestTime: null }],
    });
    const callback = callbackRow({
      id: `cb-${i}`,
      version: 1,
      inquiryId: `in-${i}`,
      customerId: `cu-${i}`,
      tier: i % 5 === 0 ? 2 : 1,
      urgency: i % 2 === 0 ? 'urgent' : 'non-urgent',
      assigneeId: i % 10 === 0 ? 'u-me' : null,
      createdAt: NOW - 10 * HOUR_MS,
      dueAt: NOW + (((i * 7919) % 400) - 40) * HOUR_MS,
    });
    rows.push(pulledRow('customers', customer), pulledRow('callbacks', callback));
  }
  const applied = store.applyPull({ rows, cursor: 2 * N, lastMutationSeq: 0, more: false }, () => ctx());
  if (!applied.ok) throw new Error(applied.error.message);
}, 120_000);
afterAll(() => {
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('worklist over 50,000 callbacks', () => {
  it('sorts by SLA risk exactly like slaRiskOrder, paged', () => {
    const page = queryWorklist(
      store,
      worklistQuerySchema.parse({ limit: 500 }),
      { userId: 'u-me' },
      NOW,
      DEFAULT_POLICY,
    );
    expect(page.total).toBe(N);
    const keys = page.rows.map((r) => ({ state: r.sla.state, dueAt: r.dueAt }));
    expect([...keys].sort(slaRiskOrder)).toEqual(keys);
    for (const r of page.rows) {
      // The whole rule: callable time left before the due time (callback hours ∩ the customer's
      // local hours ∩ business days), against the attempts still needed.
      expect(r.sla).toEqual(expectedRowSla(store, r, NOW));
    }
    const next = queryWorklist(
      store,
      worklistQuerySchema.parse({ limit: 500, offset: 500 }),
      { userId: 'u-me' },
      NOW,
      DEFAULT_POLICY,
    );
    expect(
      slaRiskOrder(keys.at(-1)!, { state: next.rows[0]!.sla.state, dueAt: next.rows[0]!.dueAt }),
    ).toBeLessThanOrEqual(0);
  });

  it('filters by scope, urgency, tier, language and SLA state', () => {
    const q = worklistQuerySchema.parse({
      scope: 'mine',
      urgency: ['urgent'],
      tier: [2],
      language: ['es'],
      sla: ['overdue', 'at-risk'],
      limit: 500,
    });
    const page = queryWorklist(store, q, { userId: 'u-me' }, NOW, DEFAULT_POLICY);
    expect(page.total).toBeGreaterThan(0);
    for (const r of page.rows) {
      expect(r).toMatchObject({ mine: true, urgency: 'urgent', tier: 2, language: 'es' });
      expect(['overdue', 'at-risk']).toContain(r.sla.state);
    }
  });

  it('searches encrypted names and phones, and answers a page quickly', () => {
    const byName = queryWorklist(
      store,
      worklistQuerySchema.parse({ search: 'maria garc' }),
      { userId: 'u-me' },
      NOW,
      DEFAULT_POLICY,
    );
    expect(byName.rows.map((r) => r.id)).toEqual(['cb-4242']);
    const byPhone = queryWorklist(
      store,
      worklistQuerySchema.parse({ search: '305-555-4242' }),
      { userId: 'u-me' },
      NOW,
      DEFAULT_POLICY,
    );
    expect(byPhone.rows.map((r) => r.id)).toContain('cb-4242');
    const started = performance.now();
    queryWorklist(
      store,
      worklistQuerySchema.parse({ urgency: ['urgent'], limit: 100, offset: 20_000 }),
      { userId: 'u-me' },
      NOW,
      DEFAULT_POLICY,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a claim is queued and shown at once; a rejection undoes it', () => {
    const claimed = store.enqueue(
      [{ id: 'm-1', name: 'callback.claim@1', args: { callbackId: 'cb-1' } }],
      ctx(),
    );
    expect(claimed.ok).toBe(true);
    expect(store.rows.get('callbacks', 'cb-1')?.assigneeId).toBe('u-me');
    expect(store.outbox.unsent(10)).toEqual([
      { id: 'm-1', seq: 1, name: 'callback.claim@1', args: { callbackId: 'cb-1' } },
    ]);
    const bad = store.enqueue([{ id: 'm-2', name: 'callback.claim@1', args: { callbackId: 'nope' } }], ctx());
    expect(bad).toMatchObject({ ok: false, error: { code: 'callback.not_found' } });
    expect(store.outbox.count()).toBe(1);
    const { rejections } = store.recordPushResults(
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
    expect(rejections).toMatchObject([
      { code: 'callback.already_claimed', subject: { table: 'callbacks', id: 'cb-1' } },
    ]);
    expect(store.rows.get('callbacks', 'cb-1')?.assigneeId).toBeNull();
    expect(store.outbox.count()).toBe(0);
  });
});
