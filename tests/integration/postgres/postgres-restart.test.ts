import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openPostgresDatabase,
  type PostgresDatabase,
} from '../../../src/server/storage/postgres/open-postgres';
import { startEmbeddedCluster, type EmbeddedCluster } from '../../support/postgres/embedded-cluster';
import { createTestDatabase } from '../../support/postgres/test-database';
import { postJson } from '../server/helpers';
import { startWorkloadDesktop, type WorkloadDesktop } from './support/push-workload';
import { LOAD_TEST_POLICY } from '../../support/load-policy';
import { startNode, type ServerNode } from '../../support/server-node/server-nodes';
import { expectStoredExactlyOnce, sleep, totalAcknowledged, waitFor } from './support/workload-checks';

const DESKTOPS = 12;

/**
 * PostgreSQL itself restarts (a failover of a managed database looks the same to
 * the nodes: every connection drops, new ones are refused for a while) under a
 * push workload through two nodes. The nodes must recover on their own — no
 * restart of theirs — and nothing acknowledged may be lost or applied twice.
 * Runs on its own PostgreSQL, started and stopped by the test.
 */
describe('PostgreSQL restarted under a push workload (two nodes)', () => {
  let cluster: EmbeddedCluster;
  let databaseUrl: string;
  let dataDir: string;
  const nodes: ServerNode[] = [];
  const desktops: WorkloadDesktop[] = [];
  let store: PostgresDatabase | undefined;

  beforeAll(async () => {
    cluster = await startEmbeddedCluster();
    databaseUrl = (await createTestDatabase(cluster.url)).url;
    dataDir = mkdtempSync(join(tmpdir(), 'agent-desk-pg-restart-'));
    const options = {
      databaseUrl,
      sessionSecret: 'restart-test-secret-'.padEnd(40, 'x'),
      dataDir,
      // Every desktop reconnects after the restart: more than the default per-user limits allow.
      policy: LOAD_TEST_POLICY,
    };
    nodes.push(await startNode('node-a', options), await startNode('node-b', options));
  }, 120_000);

  afterAll(async () => {
    for (const d of desktops) d.stop();
    for (const node of nodes) await node.kill();
    await store?.db.destroy();
    await cluster?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged mutation exactly once, and the nodes recover by themselves', async () => {
    const [a, b] = nodes as [ServerNode, ServerNode];
    const token = (
      await postJson(`${a.url}/api/sign-in`, { username: 'tier1.alice', password: 'demo-password-1' })
    ).json.value.token as string;
    for (let i = 0; i < DESKTOPS; i++) {
      const urls = i % 2 === 0 ? () => [a.url, b.url] : () => [b.url, a.url];
      desktops.push(
        startWorkloadDesktop({
          urls,
          token,
          clientId: `restart-${i}-${process.pid}`,
          team: 'alpha',
          pauseMs: 5,
        }),
      );
    }
    await waitFor('every desktop connected', () => desktops.every((d) => d.connected()));
    for (let round = 0; round < 2; round++) {
      const before = totalAcknowledged(desktops);
      await waitFor('pushes acknowledged', () => totalAcknowledged(desktops) > before + DESKTOPS * 5);
      await cluster.stop();
      const readyWhileDown = await fetch(`${a.url}/ready`);
      expect(readyWhileDown.status).toBe(503);
      await sleep(1_500);
      await cluster.start();
      const after = totalAcknowledged(desktops);
      await waitFor(
        'pushes acknowledged again after the restart',
        () => totalAcknowledged(desktops) > after + DESKTOPS * 5,
        30_000,
      );
    }
    // The same processes as before the restarts, and ready again.
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    for (const node of nodes) expect((await fetch(`${node.url}/ready`)).status).toBe(200);
    for (const d of desktops) d.stop();
    await sleep(200);
    store = openPostgresDatabase(databaseUrl, { applicationName: 'restart-test', onError: () => undefined });
    const { acknowledged } = await expectStoredExactlyOnce(store.db, desktops);
    expect(acknowledged).toBeGreaterThan(DESKTOPS * 20);
  }, 300_000);
});
