/**
 * Child process entry: runs the real sync server (startServer) so the bench
 * process and the server do not share an event loop — as on a real deployment.
 * Talks to its parent over the IPC channel; stops itself when the parent goes
 * away or its lifetime runs out, so no run can leave a server behind.
 */
import { startServer } from '../../../src/server/start-server';
import { LOAD_TEST_POLICY } from '../../support/load-policy';
import type { TelephonyConfig } from '../../../src/server/telephony/telephony-config';

interface ChildOptions {
  dataDir: string;
  /** PostgreSQL (a node of a cluster) instead of the data folder's SQLite file. */
  databaseUrl?: string;
  sessionSecret?: string;
  nodeName?: string;
  demoRows: number;
  /** Share of demo inquiries with a callback (the bench gives every inquiry one). */
  demoCallbackShare?: number;
  scriptsDir?: string;
  /** Hard stop (ms) whatever the parent does. */
  lifetimeMs: number;
  /** Seed and exit (the data folder is then reused by the benches). */
  seedOnly?: boolean;
  /** Telephony platforms (the screen-pop bench plays one). */
  telephony?: TelephonyConfig;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const send = (message: unknown) => process.send?.(message);

const lifetime = setTimeout(() => {
  process.stderr.write(`[bench] server child: lifetime of ${options.lifetimeMs} ms over, exiting\n`);
  process.exit(3);
}, options.lifetimeMs);

const started = performance.now();
const server = await startServer({
  dataDir: options.dataDir,
  ...(options.databaseUrl
    ? { databaseUrl: options.databaseUrl, sessionSecret: options.sessionSecret, nodeName: options.nodeName }
    : {}),
  host: '127.0.0.1',
  port: 0,
  demoRows: options.demoRows,
  ...(options.demoCallbackShare !== undefined ? { demoCallbackShare: options.demoCallbackShare } : {}),
  ...(options.scriptsDir ? { scriptsDir: options.scriptsDir } : {}),
  ...(options.telephony ? { telephony: options.telephony } : {}),
  logLevel: 'warn',
  // Hundreds of desktops on a few demo users: the per-user limits raised (policy is data).
  policy: LOAD_TEST_POLICY,
});
const startMs = performance.now() - started;

const stop = async (code: number) => {
  clearTimeout(lifetime);
  await server.close().catch(() => undefined);
  process.exit(code);
};

if (options.seedOnly) {
  send({ type: 'seeded', startMs, seeded: server.seeded });
  await stop(0);
}

process.on('disconnect', () => void stop(0));
process.on('message', (raw) => {
  const message = raw as { type: string };
  if (message.type === 'stop') void stop(0);
  if (message.type === 'rss') {
    send({
      type: 'rss',
      rssBytes: process.memoryUsage().rss,
      // resourceUsage().maxRSS is in kilobytes.
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      sockets: server.metrics.connectedSockets,
    });
  }
});
send({ type: 'ready', url: server.url, startMs });
