import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/server/logger';
import { BoardSender } from '../../../src/server/supervisor/board-sender';
import { SupervisorIndex } from '../../../src/server/supervisor/supervisor-index';
import { teamRoom, type SupervisorSocket } from '../../../src/server/supervisor/supervisor-socket';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { SUPERVISOR_EVENTS, SUPERVISOR_NAMESPACE } from '../../../src/shared/supervisor/protocol';

/**
 * A board goes only to the subscribers the gate's re-check lets have it: a socket it
 * holds (its session is still being read) stays in the team's room but hears neither
 * the board nor the "unchanged" heartbeat, and gets the board once it is let through.
 * Real socket.io server and clients; the re-check is the rule under test's input (the
 * gate itself: supervisor-gate-hold.test.ts).
 */
describe('board sender and a held subscriber', () => {
  let io: Server;
  let sender: BoardSender;
  let clients: ClientSocket[];
  const held = new Set<string>();
  const heard = new Map<ClientSocket, string[]>();

  beforeEach(async () => {
    const http = createServer();
    io = new Server(http, { transports: ['websocket'] });
    const nsp = io.of(SUPERVISOR_NAMESPACE);
    nsp.on('connection', (socket) => void socket.join(teamRoom('alpha')));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}${SUPERVISOR_NAMESPACE}`;
    sender = new BoardSender({
      nsp,
      index: new SupervisorIndex(DEFAULT_POLICY),
      clock: () => Date.UTC(2025, 2, 12, 14),
      log: createLogger('silent'),
      heartbeatMs: 0,
      recheck: (socket: SupervisorSocket) => !held.has(socket.id),
    });
    clients = await Promise.all(
      [0, 1].map(async () => {
        const client = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false });
        const events: string[] = [];
        heard.set(client, events);
        client.onAny((event: string) => events.push(event));
        await new Promise((resolve) => client.once('connect', () => resolve(undefined)));
        return client;
      }),
    );
    // Both in the room before anything is sent.
    for (let i = 0; i < 100 && (nsp.adapter.rooms.get(teamRoom('alpha'))?.size ?? 0) < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
  });
  afterEach(async () => {
    sender.close();
    held.clear();
    for (const client of clients) client.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });

  const serverIdOf = (client: ClientSocket) => {
    const id = [...io.of(SUPERVISOR_NAMESPACE).sockets.values()].find((s) => s.id === client.id)?.id;
    if (!id) throw new Error('no server socket');
    return id;
  };
  /** Asks for a send and waits past the snapshot gap for what arrives. */
  const round = async () => {
    sender.request('alpha');
    await new Promise((resolve) => setTimeout(resolve, 400));
  };

  it('a held socket gets no board and no heartbeat, then the board once let through', async () => {
    const [free, waiting] = clients as [ClientSocket, ClientSocket];
    held.add(serverIdOf(waiting));
    await round();
    expect(heard.get(free)).toEqual([SUPERVISOR_EVENTS.snapshot]);
    expect(heard.get(waiting)).toEqual([]);
    // Nothing changed: the free one hears that it is unchanged; the held one hears nothing.
    await round();
    expect(heard.get(free)).toEqual([SUPERVISOR_EVENTS.snapshot, SUPERVISOR_EVENTS.heartbeat]);
    expect(heard.get(waiting)).toEqual([]);
    held.clear();
    await round();
    expect(heard.get(waiting)).toEqual([SUPERVISOR_EVENTS.snapshot]);
  });
});
