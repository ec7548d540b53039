import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openPostgresDatabase,
  type PostgresDatabase,
} from '../../../src/server/storage/postgres/open-postgres';
import { newPostgresDatabase } from '../../support/test-store';
import { postJson } from '../server/helpers';
import { startWorkloadDesktop, type WorkloadDesktop } from './support/push-workload';
import { LOAD_TEST_POLICY } from '../../support/load-policy';
import { startNode, type ServerNode } from '../../support/server-node/server-nodes';
import { expectStoredExactlyOnce, sleep, totalAcknowledged, waitFor } from './support/workload-checks';

const KILLS = 30;
const DESKTOPS = 24;

/**
 * Two nodes on one PostgreSQL; 24 desktops (each with its own outbox and client
 * id, failing over between the two addresses) push all the time; one node or the
 * other is SIGKILLed 30 times — mid-transaction, mid-acknowledgement, whatever it
 * was doing — and started again. Every desktop must be reconnected after every
 * kill, and at the end every acknowledged mutation must be stored exactly once.
 */
describe('a node killed 30 times under a push workload (PostgreSQL, two nodes)', () => {
  let database: { url: string; drop(): Promise<void> };
  let store: PostgresDatabase;
  let dataDir: string;
  const nodes: ServerNode[] = [];
  const desktops: WorkloadDesktop[] = [];

  beforeAll(async () => {
    database = await newPostgresDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'agent-desk-nodes-'));
    const options = {
      databaseUrl: database.url,
      sessionSecret: 'kill-test-secret-'.padEnd(40, 'x'),
      dataDir,
      // Every desktop reconnects after each kill or restart: more than the default per-user limits allow.
      policy: LOAD_TEST_POLICY,
    };
    // Started together on an empty database: one migrates and seeds, the other waits (advisory locks).
    nodes.push(...(await Promise.all([startNode('node-a', options), startNode('node-b', options)])));
    store = openPostgresDatabase(database.url, { applicationName: 'kill-test', onError: () => undefined });
  }, 120_000);

  afterAll(async () => {
    for (const d of desktops) d.stop();
    for (const node of nodes) await node.kill();
    await store?.db.destroy();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing and applies nothing twice, and every desktop reconnects each time', async () => {
    const [a, b] = nodes as [ServerNode, ServerNode];
    expect(a.url).not.toBe(b.url);
    // Signed in on one node, used on both: every node verifies every node's tokens.
    const tokens = [
      (await postJson(`${a.url}/api/sign-in`, { username: 'tier1.alice', password: 'demo-password-1' })).json
        .value.token,
      (await postJson(`${b.url}/api/sign-in`, { username: 'tier2.carmen', password: 'demo-password-3' })).json
        .value.token,
    ];
    for (let i = 0; i < DESKTOPS; i++) {
      // Half the desktops list node B first, so both nodes carry load.
      const urls = i % 2 === 0 ? () => [a.url, b.url] : () => [b.url, a.url];
      desktops.push(
        startWorkloadDesktop({
          urls,
          token: tokens[i % 2] as string,
          clientId: `kill-${i}-${process.pid}`,
          team: 'alpha',
          pauseMs: 5,
        }),
      );
    }
    await waitFor('every desktop connected', () => desktops.every((d) => d.connected()));
    for (let kill = 0; kill < KILLS; kill++) {
      const victim = kill % 2 === 0 ? a : b;
      const survivor = victim === a ? b : a;
      const before = totalAcknowledged(desktops);
      await waitFor('pushes acknowledged', () => totalAcknowledged(desktops) > before + DESKTOPS);
      await sleep(Math.random() * 50);
      await victim.kill();
      await waitFor(`every desktop reconnected to ${survivor.name} after kill ${kill + 1}`, () =>
        desktops.every((d) => d.connected() && d.connectedTo() === survivor.url),
      );
      await victim.restart();
    }
    const moving = totalAcknowledged(desktops);
    await waitFor(
      'pushes acknowledged after the last restart',
      () => totalAcknowledged(desktops) > moving + DESKTOPS,
    );
    for (const d of desktops) d.stop();
    await sleep(200);
    const { acknowledged, applied } = await expectStoredExactlyOnce(store.db, desktops);
    expect(acknowledged).toBeGreaterThan(KILLS * DESKTOPS);
    // Applied but never acknowledged (killed before the answer, desktop stopped before re-pushing): at most one batch per desktop.
    expect(applied - acknowledged).toBeLessThanOrEqual(DESKTOPS * 5);
    expect(desktops.every((d) => d.connections() >= KILLS / 2)).toBe(true);
  }, 600_000);
});
