/**
 * rss_server_1000: peak RSS of the real server process (the 50k-inquiry data
 * set, started fresh on the seeded folder) while 1,000 authenticated sockets
 * are connected and each has pulled once. Baseline: an idle Node process.
 */
import { randomUUID } from 'node:crypto';
import { loadDataset, TEAM_AGENTS } from './lib/dataset';
import { idleNodeRssBytes, MB } from './lib/idle-rss';
import { connect, connectMany, request, signIn } from './lib/protocol-client';
import { note, printBench } from './lib/report';
import { startServerProcess } from './lib/server-process';
import { sleep } from './lib/stats';

const dataset = loadDataset(process.argv[2] as string);
const SOCKETS = 1_000;

async function main(): Promise<void> {
  const server = await startServerProcess(dataset.dataDir, 110_000);
  try {
    const before = await server.rss();
    const sessions = await Promise.all(TEAM_AGENTS.map((a) => signIn(server.url, a.username, a.password)));
    const sockets = await connectMany(SOCKETS, 25, async (i) => {
      const session = sessions[i % sessions.length] as { token: string };
      const socket = await connect(server.url, session.token, `bench-rss-${i}-${randomUUID()}`);
      // Each desktop catches up once (from the server's current version: nothing to send).
      await request(socket, 'pull', { cursor: dataset.latestVersion, limit: 1 });
      return socket;
    });
    await sleep(1_000);
    const after = await server.rss();
    note(
      `server RSS: ${(before.rssBytes / MB).toFixed(0)} MB after start (peak ${(before.maxRssBytes / MB).toFixed(0)} MB), ${(after.rssBytes / MB).toFixed(0)} MB with ${after.sockets} sockets (peak ${(after.maxRssBytes / MB).toFixed(0)} MB)`,
    );
    const idle = idleNodeRssBytes();
    printBench({
      name: 'rss_server_1000',
      value: after.maxRssBytes / MB,
      unit: 'MB',
      baseline: idle / MB,
      goal: 'report',
    });
    for (const s of sockets) s.disconnect();
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    note(`bench-rss-server failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
