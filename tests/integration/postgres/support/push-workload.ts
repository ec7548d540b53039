import { io, type Socket } from 'socket.io-client';
import {
  EVENTS,
  SCHEMA_VERSION,
  type Ack,
  type MutationEnvelope,
  type PushResponse,
} from '../../../../src/shared/sync/protocol';
import { customer } from '../../server/fixtures';

/**
 * A desktop as the fault tests need it: a durable outbox (in memory here, but
 * kept across connections exactly like the real one), a list of server addresses
 * it fails over between, and a record of what the server acknowledged. It pushes
 * `customer.upsert@1` batches that each create new customers, so "stored exactly
 * once" is countable: one customer row, one log row and one audit row per
 * acknowledged mutation.
 */
export interface WorkloadDesktop {
  readonly clientId: string;
  /** Mutations acknowledged as applied (first time or as a duplicate of an applied one): customer ids. */
  readonly acknowledged: Set<string>;
  /** Whether the socket is connected now. */
  connected(): boolean;
  /** Which address it is connected to (undefined while offline). */
  connectedTo(): string | undefined;
  /** Connections made (the first one included). */
  connections(): number;
  stop(): void;
}

const BATCH = 5;
const ACK_TIMEOUT_MS = 5_000;

export function startWorkloadDesktop(options: {
  urls: () => readonly string[];
  token: string;
  clientId: string;
  team: string;
  /** Pause between batches (ms). */
  pauseMs?: number;
}): WorkloadDesktop {
  const acknowledged = new Set<string>();
  let seq = 0;
  let outbox: MutationEnvelope[] = [];
  let socket: Socket | undefined;
  let address: string | undefined;
  let stopped = false;
  let connections = 0;
  let nextUrl = 0;
  const { id: _id, team: _team, ...fields } = customer('x', options.team);

  const fill = () => {
    while (outbox.length < BATCH) {
      seq += 1;
      const customerId = `cu-${options.clientId}-${seq}`;
      outbox.push({
        id: `m-${options.clientId}-${seq}`,
        seq,
        name: 'customer.upsert@1',
        args: { customerId, ...fields },
      });
    }
  };

  const pushLoop = async (s: Socket) => {
    while (!stopped && s === socket && s.connected) {
      fill();
      const batch = outbox.slice(0, BATCH);
      let answer: Ack<PushResponse>;
      try {
        answer = await s
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck(EVENTS.push, { clientId: options.clientId, mutations: batch });
      } catch {
        return; // No answer (the node died or the connection dropped): the batch stays in the outbox.
      }
      if (!answer.ok) {
        await new Promise((r) => setTimeout(r, 100));
        continue; // A server error (PostgreSQL restarting): the batch stays and is sent again.
      }
      for (const result of answer.value.results) {
        const envelope = batch.find((m) => m.seq === result.seq);
        const args = envelope?.args as { customerId: string } | undefined;
        const applied =
          result.status === 'applied' || (result.status === 'duplicate' && result.firstStatus === 'applied');
        if (args && applied) acknowledged.add(args.customerId);
        if (
          result.status === 'rejected' ||
          (result.status === 'duplicate' && result.firstStatus !== 'applied')
        )
          throw new Error(`mutation ${result.seq} was refused: ${JSON.stringify(result)}`);
      }
      const answered = new Set(answer.value.results.map((r) => r.seq));
      outbox = outbox.filter((m) => !answered.has(m.seq));
      if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
  };

  const connect = () => {
    if (stopped) return;
    const urls = options.urls();
    const url = urls[nextUrl % urls.length] as string;
    nextUrl += 1;
    const s = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 3_000,
      auth: { token: options.token, clientId: options.clientId, schemaVersion: SCHEMA_VERSION },
    });
    socket = s;
    const retry = () => {
      if (s !== socket) return;
      s.removeAllListeners();
      s.close();
      socket = undefined;
      address = undefined;
      if (!stopped) setTimeout(connect, 50 + Math.random() * 150);
    };
    s.on('connect', () => {
      connections += 1;
      address = url;
      void pushLoop(s).catch((error: unknown) => {
        stopped = true;
        failure = error;
      });
    });
    s.on('connect_error', retry);
    s.on('disconnect', retry);
  };
  let failure: unknown;
  connect();

  return {
    clientId: options.clientId,
    acknowledged,
    connected: () => {
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
      return socket?.connected ?? false;
    },
    connectedTo: () => address,
    connections: () => connections,
    stop() {
      stopped = true;
      socket?.removeAllListeners();
      socket?.close();
      socket = undefined;
    },
  };
}
