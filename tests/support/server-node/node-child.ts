/**
 * Child process entry of the multi-node and process-kill tests: one real server node
 * (startServer) on PostgreSQL, or on SQLite in `dataDir` when no database URL is given,
 * in its own process so a test can SIGKILL it like a crashed machine. Reports its address over IPC; SIGTERM is the graceful stop a process
 * manager sends; it exits by itself when the test process goes away.
 */
import { startServer } from '../../../src/server/start-server';
import type { NoticeOptions } from '../../../src/server/notices/notice-service';
import type { Policy } from '../../../src/shared/domain/policy';

interface NodeOptions {
  databaseUrl?: string;
  sessionSecret?: string;
  dataDir: string;
  nodeName: string;
  port: number;
  /** Demo users (loopback only), no demo rows. */
  demo: boolean;
  /** The configured policy (the load tests raise the per-user limits: tests/support/load-policy). */
  policy?: Policy;
  /** Customer notices (providers, the worker's pace). */
  notices?: NoticeOptions;
  /** The server's clock starts here and runs at real speed (default: the real clock). */
  clockStart?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as NodeOptions;
const startedAt = Date.now();
const clockStart = options.clockStart;
const server = await startServer({
  dataDir: options.dataDir,
  ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  ...(options.sessionSecret ? { sessionSecret: options.sessionSecret } : {}),
  ...(options.notices ? { notices: options.notices } : {}),
  ...(clockStart === undefined ? {} : { clock: () => clockStart + (Date.now() - startedAt) }),
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
