import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../../src/server/storage/row-store';
import { connect, connectAgent, startTestServer, type TestServer } from './helpers';

describe('restart with the data folder intact', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ demoRows: 300 });
  });
  afterAll(async () => t.dispose());

  it('loses nothing, keeps sessions and cursors valid, and does not re-seed', async () => {
    expect(t.server.seeded).toBe(true);
    const lead = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    const first = await lead.pullAll(0);
    const open = first.rows.find(
      (r) =>
        r.table === 'callbacks' &&
        (r.data as { assigneeId: string | null; status: string; tier: number }).assigneeId === null &&
        (r.data as { status: string }).status === 'open',
    );
    expect(open).toBeDefined();
    const claimed = await lead.push({ name: 'callback.claim@1', args: { callbackId: open?.id } });
    expect(claimed.ok && claimed.value.results[0]?.status).toBe('applied');
    const afterClaim = await lead.pullAll(first.cursor);
    const counts = await countRows(t.server.db);
    lead.socket.close();

    const server = await t.restart();
    expect(server.seeded).toBe(false);
    expect(await countRows(server.db)).toEqual(counts);
    // The same token and client id still work (the secret lives in the data folder).
    const socket = await connect(server, { token: lead.token, clientId: lead.clientId });
    const page = await socket.timeout(5000).emitWithAck('pull', { cursor: afterClaim.cursor });
    expect(page).toMatchObject({
      ok: true,
      value: { rows: [], cursor: afterClaim.cursor, lastMutationSeq: 1, more: false },
    });
    const again = await socket.timeout(5000).emitWithAck('push', {
      clientId: lead.clientId,
      mutations: [{ id: 'again', seq: 1, name: 'callback.claim@1', args: { callbackId: open?.id } }],
    });
    expect(again).toMatchObject({
      ok: true,
      value: { results: [{ status: 'duplicate', firstStatus: 'applied' }] },
    });
    socket.close();
  });
});
