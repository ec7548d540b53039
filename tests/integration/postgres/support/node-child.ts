/**
 * Child process entry of the multi-node tests: one real server node (startServer)
 * on PostgreSQL, in its own process so a test can SIGKILL it like a crashed
 * machine. Reports its address over IPC; SIGTERM is the graceful stop a process
 * manager sends; it exits by itself when the test process goes away.
 */
import { startServer } from '../../../../src/server/start-server';
import type { Policy } from '../../../../src/shared/domain/policy';

interface NodeOptions {
  databaseUrl: string;
  sessionSecret: string;
  dataDir: string;
  nodeName: string;
  port: number;
  /** Demo users (loopback only), no demo rows. */
  demo: boolean;
  /** The configured policy (the load tests raise the per-user limits: tests/support/load-policy). */
  policy?: Policy;
}

const options = JSON.parse(process.argv[2] ?? '{}') as NodeOptions;
const server = await startServer({
  dataDir: options.dataDir,
  databaseUrl: options.databaseUrl,
  sessionSecret: options.sessionSecret,
  nodeName: options.nodeName,
  host: '127.0.0.1',
  port: options.port,
  demo: options.demo,
  demoRows: 0,
  ...(options.policy ? { policy: options.policy } : {}),
  logLevel: 'silent',
  sessionSweepMs: 1_000,
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
process.send?.({ type: 'ready', url: server.url, port: server.port });
