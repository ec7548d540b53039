import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../../../src/shared/domain/policy';
import type { CallbackRow } from '../../../src/shared/sync/rows';
import type { RunningServer } from '../../../src/server/start-server';
import type { TwilioSettings } from '../../../src/server/notices/twilio-sms';
import { noticeById } from '../../../src/server/storage/notice-store';
import { readRows } from '../../../src/server/storage/row-store';
import { callbackRow, customerRow } from '../../fixtures/rows';
import { newPostgresDatabase, TEST_STORE } from '../../support/test-store';
import { startNode, type ServerNode } from '../../support/server-node/server-nodes';
import { connectAgent, startTestServer, TEST_SESSION_SECRET, writeFixture, type TestServer } from './helpers';
import { ACCOUNT_SID, AUTH_TOKEN, FROM, startSmsPeer, type SmsPeer } from './sms-peer';

// Issue 20 item 5: a server process killed (SIGKILL) after the SMS provider took a text
// and before the server recorded it. The text must never go out a second time; the
// notice shows "outcome unknown" until the provider's delivery report settles it.
const PHONE = '+12125550123';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let peer: SmsPeer;
let t: TestServer;
let node: ServerNode | undefined;
let database: { url: string; drop(): Promise<void> } | undefined;

beforeEach(async () => {
  peer = await startSmsPeer(() => t.server.url);
  database = TEST_STORE === 'postgres' ? await newPostgresDatabase() : undefined;
});

afterEach(async () => {
  await node?.kill();
  node = undefined;
  await t.dispose();
  await peer.close();
  await database?.drop();
});

describe('a server killed between the provider taking a text and recording it', () => {
  it('never sends it again: the notice is "outcome unknown", then settled by the delivery report', async () => {
    const port = await freePort();
    const settings: TwilioSettings = {
      apiUrl: peer.url,
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: FROM,
      publicUrl: `http://127.0.0.1:${port}`,
    };
    const store = database ? { databaseUrl: database.url, sessionSecret: TEST_SESSION_SECRET } : {};
    // The data first, written through a server in this process, which then stops.
    // On the port the provider's callbacks name, as every server of this test.
    t = await startTestServer({ ...store, port, notices: { sms: settings, intervalMs: 3_600_000 } });
    await writeFixture(t.server, [
      {
        table: 'customers',
        row: customerRow({
          id: 'cu-1',
          timeZone: 'America/New_York',
          noticeConsent: {
            sms: {
              address: PHONE,
              at: t.clock.now,
              how: 'verbal-on-call',
              by: 'u-tier1-alice',
              revokedAt: null,
              revokedHow: null,
            },
            email: null,
          },
        }),
      },
      {
        table: 'callbacks',
        row: callbackRow({
          id: 'cb-1',
          customerId: 'cu-1',
          assigneeId: 'u-tier1-alice',
          createdAt: t.clock.now,
          dueAt: t.clock.now + 72 * HOUR_MS,
        }),
      },
    ]);
    await t.server.close();

    // The node that dies: its own process, its outbox worker looking every 100 ms.
    const startedAt = Date.now();
    node = await startNode(
      'sms-node',
      {
        ...store,
        dataDir: t.dataDir,
        notices: { sms: settings, intervalMs: 100 },
        clockStart: t.clock.now,
      },
      port,
    );
    peer.hold = true;
    const alice = await connectAgent({ url: node.url } as RunningServer, 'tier1.alice', 'demo-password-1');
    const ack = await alice.push({ name: 'callback.ask-availability@1', args: { callbackId: 'cb-1' } });
    expect(ack.ok && ack.value.results[0]).toMatchObject({ status: 'applied' });
    alice.socket.close();
    // The provider has the text; the node waits for its answer and is killed meanwhile.
    await peer.taken(1);
    await node.kill();
    node = undefined;
    const sid = peer.messages[0]?.sid as string;
    expect(peer.messages).toHaveLength(1);

    // Back up on the same data, after the dead node's lease ran out.
    peer.hold = false;
    t.clock.now += Date.now() - startedAt + 2 * MINUTE_MS;
    await t.restart();
    const id = 'cb-1:available-now:1';
    await t.server.notices.worker.tick();
    expect((await noticeById(t.server.db, id))?.state).toBe('unknown');
    await t.server.notices.worker.tick();
    expect(peer.messages).toHaveLength(1);
    const callback = (await readRows(t.server.db, [{ table: 'callbacks', id: 'cb-1' }])).get(
      'callbacks/cb-1',
    ) as CallbackRow;
    expect(callback.notices).toMatchObject([{ id, status: 'unknown', reason: 'notice.outcome_unknown' }]);

    // The provider's report names the text: the notice is settled, still sent once.
    expect(await peer.report(sid, 'delivered')).toBe(200);
    expect(await noticeById(t.server.db, id)).toMatchObject({ state: 'delivered', provider_id: sid });
    await t.server.notices.worker.tick();
    expect(peer.messages).toHaveLength(1);
  });
});
