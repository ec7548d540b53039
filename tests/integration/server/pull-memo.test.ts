import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, startTestServer, writeFixture, type TestServer } from './helpers';
import { baseWorld } from './fixtures';

// Desktops of a team (here two agents of alpha) that ask for the same range at the same version share one
// computed page; what belongs to each desktop (lastMutationSeq) stays its own.
describe('pull pages shared between desktops', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('answers the same range alike, with each desktop its own lastMutationSeq, and sees the next change', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const claimed = await alice.push({ name: 'callback.claim@1', args: { callbackId: 'cb-1' } });
    expect(claimed).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }] } });

    const [a, b] = await Promise.all([alice.pull(0), carmen.pull(0)]);
    if (!a.ok || !b.ok) throw new Error('pull refused');
    expect(b.value.rows).toEqual(a.value.rows);
    expect(b.value.cursor).toBe(a.value.cursor);
    expect(a.value.lastMutationSeq).toBe(1);
    expect(b.value.lastMutationSeq).toBe(0);
    const cb1 = a.value.rows.find((r) => r.table === 'callbacks' && r.id === 'cb-1');
    expect(cb1?.data).toMatchObject({ assigneeId: 'u-tier1-alice' });

    const released = await alice.push({ name: 'callback.release@1', args: { callbackId: 'cb-1' } });
    expect(released).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }] } });
    const [a2, b2] = await Promise.all([alice.pull(a.value.cursor), carmen.pull(b.value.cursor)]);
    if (!a2.ok || !b2.ok) throw new Error('pull refused');
    for (const page of [a2.value, b2.value]) {
      expect(page.rows.find((r) => r.id === 'cb-1')?.data).toMatchObject({ assigneeId: null });
      expect(page.cursor).toBeGreaterThan(a.value.cursor);
    }
    expect(a2.value.lastMutationSeq).toBe(2);
    expect(b2.value.lastMutationSeq).toBe(0);
    alice.socket.close();
    carmen.socket.close();
  });
});
