import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../../src/shared/domain/policy';
import { connectAgent, nextEvent, startTestServer, writeFixture, T0, type TestServer } from './helpers';
import { baseWorld, customer } from './fixtures';

describe('push / pull / poke', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('applies a customer → inquiry → callback flow with server time, and pulls it back', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const { version: _v, ...fields } = { ...customer('x', 'alpha'), version: 0 };
    const { id: _id, team: _team, ...customerFields } = fields;
    const pushed = await alice.push(
      {
        name: 'customer.upsert@1',
        args: { customerId: 'cu-new', ...customerFields, name: 'María López', preferredLanguage: 'es' },
      },
      {
        name: 'inquiry.create@1',
        args: {
          inquiryId: 'in-new',
          customerId: 'cu-new',
          receiptNumber: 'eac-22-123-45678',
          topic: 'Case status',
          channel: 'phone',
          ivr: { language: 'es', intent: 'case-status', receiptNumber: 'EAC2212345678' },
          urgency: 'urgent',
          tier: 1,
          script: null,
        },
      },
      {
        name: 'inquiry.record-outcome@1',
        args: { inquiryId: 'in-new', outcome: 'callback', script: null, callbackId: 'cb-new', urgency: null },
      },
    );
    expect(pushed).toMatchObject({ ok: true });
    if (!pushed.ok) return;
    expect(pushed.value.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const pulled = await alice.pullAll(0);
    const cb = pulled.rows.find((r) => r.table === 'callbacks' && r.id === 'cb-new');
    expect(cb?.data).toMatchObject({ createdAt: T0, dueAt: T0 + 72 * HOUR_MS, status: 'open', tier: 1 });
    const inq = pulled.rows.find((r) => r.table === 'inquiries' && r.id === 'in-new');
    expect(inq?.data).toMatchObject({ receiptNumber: 'EAC2212345678', status: 'completed', createdAt: T0 });
    expect(pulled.lastMutationSeq).toBe(3);
    alice.socket.close();
  });

  it('answers a re-pushed mutation as duplicate and applies it only once', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const first = await alice.push({ name: 'callback.claim@1', args: { callbackId: 'cb-1' } });
    expect(first.ok && first.value.results[0]?.status).toBe('applied');
    const before = await alice.pullAll(0);
    // The same envelope again (same clientId + seq), as after a lost ack.
    const again = await alice.socket.timeout(5000).emitWithAck('push', {
      clientId: alice.clientId,
      mutations: [
        { id: `m-${alice.clientId}-1`, seq: 1, name: 'callback.claim@1', args: { callbackId: 'cb-1' } },
      ],
    });
    expect(again).toMatchObject({
      ok: true,
      value: { results: [{ status: 'duplicate', firstStatus: 'applied' }] },
    });
    const after = await alice.pullAll(before.cursor);
    expect(after.rows.filter((r) => r.id === 'cb-1')).toHaveLength(0);
    alice.socket.close();
  });

  it('rejects with a reason, records the seq, and changes nothing', async () => {
    const bruno = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    const { cursor } = await bruno.pullAll(0);
    const result = await bruno.push({ name: 'callback.release@1', args: { callbackId: 'cb-9' } });
    expect(result).toMatchObject({
      ok: true,
      value: { results: [{ status: 'rejected', error: { code: 'callback.not_claimed' } }] },
    });
    const page = await bruno.pull(cursor);
    expect(page).toMatchObject({ ok: true, value: { rows: [], lastMutationSeq: 1 } });
    bruno.socket.close();
  });

  it('pokes clients of the team that changed, not other teams', async () => {
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const dev = await connectAgent(t.server, 'tier2.dev', 'demo-password-4');
    const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    let devPoked = false;
    dev.socket.on('poke', () => {
      devPoked = true;
    });
    const poked = nextEvent<{ version: number }>(erin.socket, 'poke');
    const result = await carmen.push({ name: 'callback.claim@1', args: { callbackId: 'cb-2' } });
    expect(result.ok && result.value.results[0]?.status).toBe('applied');
    expect((await poked).version).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(devPoked).toBe(false);
    for (const a of [carmen, dev, erin]) a.socket.close();
  });

  it('pages the first sync as a snapshot and never skips a row', async () => {
    const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    const all = await erin.pullAll(0);
    const seen: string[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await erin.pull(cursor, 2);
      if (!page.ok) throw new Error(page.error.message);
      expect(page.value.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.value.rows.map((r) => `${r.table}/${r.id}`));
      cursor = page.value.cursor;
      pages += 1;
      if (!page.value.more) break;
    }
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen)).toEqual(new Set(all.rows.map((r) => `${r.table}/${r.id}`)));
    expect(cursor).toBe(all.cursor);
    erin.socket.close();
  });

  it('refuses a cursor from the future with a clear reason', async () => {
    const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    const page = await erin.pull(10_000_000);
    expect(page).toMatchObject({ ok: false, error: { code: 'sync.cursor_ahead' } });
    erin.socket.close();
  });

  it('writes presence through the shared mutator and marks offline on disconnect', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    const { cursor } = await erin.pullAll(0);
    const ack = await alice.socket
      .timeout(5000)
      .emitWithAck('presence', { status: 'on-call', currentItem: { table: 'callbacks', id: 'cb-1' } });
    expect(ack).toMatchObject({ ok: true });
    const afterSet = await erin.pullAll(cursor);
    expect(afterSet.rows.find((r) => r.table === 'presence' && r.id === alice.userId)?.data).toMatchObject({
      status: 'on-call',
    });
    const poked = nextEvent(erin.socket, 'poke');
    alice.socket.close();
    await poked;
    const afterClose = await erin.pullAll(afterSet.cursor);
    expect(afterClose.rows.find((r) => r.table === 'presence' && r.id === alice.userId)?.data).toMatchObject({
      status: 'offline',
    });
    erin.socket.close();
  });

  it("keeps a user's presence while another of their sockets on this node is connected", async () => {
    const first = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const second = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const presence = async () =>
      JSON.parse(
        (
          await t.server.db
            .selectFrom('presence')
            .select('data')
            .where('id', '=', first.userId)
            .executeTakeFirst()
        )?.data ?? '{}',
      ) as { status?: string };
    expect(
      (await first.socket.timeout(5000).emitWithAck('presence', { status: 'available', currentItem: null }))
        .ok,
    ).toBe(true);
    first.socket.close();
    await new Promise((r) => setTimeout(r, 300));
    expect((await presence()).status).toBe('available');
    second.socket.close();
    await expect.poll(async () => (await presence()).status, { timeout: 5000 }).toBe('offline');
  });

  it('records audit events without customer data', async () => {
    const events = await t.server.db.selectFrom('audit_events').selectAll().execute();
    expect(events.some((e) => e.action === 'sync.pull.viewed')).toBe(true);
    expect(
      events.some(
        (e) => e.action === 'callback.claim@1' && e.outcome === 'applied' && e.entity_id === 'cb-1',
      ),
    ).toBe(true);
    const text = JSON.stringify(events);
    expect(text).not.toContain('María');
    expect(text).not.toContain('EAC2212345678');
    expect(text).not.toContain('+1212555');
  });
});
