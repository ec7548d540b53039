/**
 * The desktop's one socket-connection helper (used by the sync engine and the
 * supervisor link) against a real socket.io server on 127.0.0.1: an `auth.*`
 * refusal ends the connection without retrying, any other failure retries with
 * the backoff, and the server's session-expired event ends it too.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/desktop/core/logger';
import { directNetwork } from '../../../src/desktop/core/network/network-port';
import { SocketConnection, type SocketConnectionOptions } from '../../../src/desktop/core/socket-connection';
import type { DomainError } from '../../../src/shared/domain/result';

const FAST = { baseMs: 20, maxMs: 40, factor: 2, jitter: 0 };

async function server(refuse: () => DomainError | null) {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  let handshakes = 0;
  io.use((_socket, next) => {
    handshakes += 1;
    const reason = refuse();
    if (!reason) return next();
    const error = new Error(reason.message) as Error & { data?: unknown };
    error.data = reason;
    next(error);
  });
  io.on('connection', (socket) =>
    socket.on('echo', (value: unknown, ack: (v: unknown) => void) => ack(value)),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    io,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    handshakes: () => handshakes,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

function recorder(url: string) {
  const log: string[] = [];
  const options: SocketConnectionOptions = {
    url,
    network: directNetwork(),
    auth: () => ({ token: 't' }),
    sessionExpiredEvent: 'session-expired',
    logName: 'test',
    clock: Date.now,
    logger: silentLogger,
    backoff: FAST,
    unreachable: (detail) => ({ code: 'test.unreachable', message: detail }),
    disconnected: { code: 'test.disconnected', message: 'dropped' },
    onConnecting: () => log.push('connecting'),
    onConnect: () => log.push('connect'),
    onEnded: (error) => log.push(`ended ${error.code}`),
    onRetrying: (error) => log.push(`retry ${error.code}`),
  };
  const connection = new SocketConnection(options);
  return { connection, log };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

describe('SocketConnection', () => {
  it('an auth.* refusal ends it once, with the server’s reason, and it does not retry', async () => {
    const s = await server(() => ({ code: 'auth.session_expired', message: 'Signed out elsewhere.' }));
    cleanups.push(s.close);
    const { connection, log } = recorder(s.url);
    cleanups.push(() => connection.close());
    connection.open();
    await until(() => log.includes('ended auth.session_expired'));
    await new Promise((r) => setTimeout(r, 150));
    expect(s.handshakes()).toBe(1);
    expect(connection.isOpen).toBe(false);
    expect(log).toEqual(['connecting', 'ended auth.session_expired']);
  });

  it('any other refusal retries with the backoff until it connects; requests answer once connected', async () => {
    let refusals = 2;
    const s = await server(() => (refusals-- > 0 ? { code: 'server.busy', message: 'busy' } : null));
    cleanups.push(s.close);
    const { connection, log } = recorder(s.url);
    cleanups.push(() => connection.close());
    expect(await connection.request('echo', 1, 1000)).toEqual({ ok: false, failure: 'offline' });
    connection.open();
    await until(() => connection.connected);
    expect(log).toEqual([
      'connecting',
      'retry server.busy',
      'connecting',
      'retry server.busy',
      'connecting',
      'connect',
    ]);
    expect(await connection.request('echo', { a: 1 }, 1000)).toEqual({ ok: true, answer: { a: 1 } });
  });

  it('a dropped connection retries; the session-expired event ends it', async () => {
    const s = await server(() => null);
    cleanups.push(s.close);
    const { connection, log } = recorder(s.url);
    cleanups.push(() => connection.close());
    connection.open();
    await until(() => connection.connected);
    for (const socket of s.io.sockets.sockets.values()) socket.disconnect(true);
    await until(() => log.filter((l) => l === 'connect').length === 2);
    expect(log).toContain('retry test.disconnected');
    for (const socket of s.io.sockets.sockets.values())
      socket.emit('session-expired', { code: 'auth.session_expired', message: 'Your session ended.' });
    await until(() => log.includes('ended auth.session_expired'));
    expect(connection.isOpen).toBe(false);
    expect(connection.connected).toBe(false);
  });
});
