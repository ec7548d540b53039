/**
 * A thin desktop stand-in speaking the real sync protocol over socket.io
 * (many of these fit in one process; a full DesktopCore per socket would not).
 */
import { io, type Socket } from 'socket.io-client';
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol';
import { withTimeout } from './stats';

export interface SignedIn {
  token: string;
  user: { id: string; team: string; role: string };
}

export async function signIn(url: string, username: string, password: string): Promise<SignedIn> {
  const response = await fetch(`${url}/api/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { ok: boolean; value?: SignedIn; error?: { message: string } };
  if (!body.ok || !body.value) throw new Error(`sign-in of ${username} failed: ${body.error?.message}`);
  return body.value;
}

export function connect(url: string, token: string, clientId: string): Promise<Socket> {
  const socket = io(url, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    timeout: 30_000,
    auth: { token, clientId, schemaVersion: SCHEMA_VERSION },
  });
  return withTimeout(
    new Promise<Socket>((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error: Error & { data?: { message?: string } }) =>
        reject(new Error(`connect failed: ${error.data?.message ?? error.message}`)),
      );
    }),
    60_000,
    'socket connect',
  );
}

/** Connects many sockets with bounded concurrency (a burst of thousands of handshakes is not what we measure). */
export async function connectMany(
  count: number,
  concurrency: number,
  open: (i: number) => Promise<Socket>,
): Promise<Socket[]> {
  const sockets: Socket[] = new Array<Socket>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      sockets[i] = await open(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return sockets;
}

export interface AckResult<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

export function request<T>(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 30_000,
): Promise<AckResult<T>> {
  return new Promise((resolve, reject) => {
    socket.timeout(timeoutMs).emit(event, payload, (error: Error | null, answer: AckResult<T>) => {
      if (error) reject(new Error(`${event} was not acknowledged within ${timeoutMs} ms`));
      else resolve(answer);
    });
  });
}

export interface PulledRow {
  table: string;
  id: string;
  version: number;
  data: unknown;
}

export interface PullAnswer {
  rows: PulledRow[];
  cursor: number;
  more: boolean;
  lastMutationSeq: number;
}
