import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { withTimeout } from './stats';

const CHILD = fileURLToPath(new URL('./raw-echo-child.ts', import.meta.url));

export interface RawServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the bare socket.io server in its own process (like the real server). */
export async function startRawServer(lifetimeMs: number): Promise<RawServer> {
  const child = fork(CHILD, [String(lifetimeMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', process.stderr, process.stderr, 'ipc'],
  });
  const url = await withTimeout(
    new Promise<string>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { url: string }).url));
      child.once('exit', (code) => reject(new Error(`raw server exited (${code})`)));
    }),
    30_000,
    'raw socket.io server start',
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      await withTimeout(exited, 10_000, 'raw server stop').catch(() => child.kill('SIGKILL'));
    },
  };
}

export function connectRaw(url: string): Promise<Socket> {
  const socket = io(url, { forceNew: true, reconnection: false, transports: ['websocket'] });
  return withTimeout(
    new Promise<Socket>((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    }),
    30_000,
    'raw connect',
  );
}
