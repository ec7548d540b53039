import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { NoticeOptions } from '../../../src/server/notices/notice-service';
import type { Policy } from '../../../src/shared/domain/policy';

const CHILD = fileURLToPath(new URL('./node-child.ts', import.meta.url));

export interface ServerNode {
  readonly name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGKILL: the process dies at once, mid-transaction or not (its connections simply drop). */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop; resolves when the process has exited. */
  stop(): Promise<void>;
  /** Starts the node again on the same port (after kill or stop). */
  restart(): Promise<void>;
}

export interface NodeOptions {
  /** PostgreSQL; absent: SQLite in dataDir. */
  databaseUrl?: string;
  sessionSecret?: string;
  dataDir: string;
  demo?: boolean;
  /** The configured policy; the default when absent. */
  policy?: Policy;
  notices?: NoticeOptions;
  /** The node's clock starts here and runs at real speed (default: the real clock). */
  clockStart?: number;
}

function waitReady(child: ChildProcess, name: string): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node ${name} did not start within 60 s`)), 60_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as { url: string; port: number });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node ${name} exited (${code}) before it was ready`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts one server node in its own process (tests/support/server-node/node-child.ts). */
export async function startNode(name: string, options: NodeOptions, port = 0): Promise<ServerNode> {
  const spawn = (p: number) =>
    fork(CHILD, [JSON.stringify({ demo: true, ...options, nodeName: name, port: p })], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  const child = spawn(port);
  const ready = await waitReady(child, name);
  const node: ServerNode = {
    name,
    url: ready.url,
    port: ready.port,
    child,
    async kill() {
      node.child.kill('SIGKILL');
      await exited(node.child);
    },
    async stop() {
      node.child.kill('SIGTERM');
      await exited(node.child);
    },
    async restart() {
      await exited(node.child);
      node.child = spawn(node.port);
      await waitReady(node.child, name);
    },
  };
  return node;
}
