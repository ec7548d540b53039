import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import type { Server } from 'socket.io';
import type { Logger } from '../logger';

/** What one node tells the others (socket.io server-side events through the adapter). */
export const CLUSTER_EVENTS = {
  /** Rows of these teams were committed through the sending node: catch the supervisor index up. */
  rowsChanged: 'agent-desk:rows-changed',
  /** A team's rows changed at a version: poke this node's desktops of the team (poke-pages.ts). */
  teamPoked: 'agent-desk:team-poked',
  /** A user was edited or signed out everywhere: drop cached session checks of that user. */
  userChanged: 'agent-desk:user-changed',
  /**
   * A session ended (sign-out, password reset): tell its sockets why, then close them.
   * One message per node rather than a room broadcast plus a room disconnect: those two
   * are published separately and may overtake each other, closing a socket before it
   * heard why.
   */
  sessionEnded: 'agent-desk:session-ended',
  /** Every session of a user ended (account disabled, password reset): the same, by user. */
  userEnded: 'agent-desk:user-ended',
} as const;

/**
 * The nodes of one deployment, as socket.io sees them. On PostgreSQL every
 * namespace gets `@socket.io/postgres-adapter` (LISTEN/NOTIFY on the same
 * database, nothing else to run): a room broadcast (`io.to('team:alpha')`) reaches
 * the sockets of every node, `io.in(room).disconnectSockets()` and `fetchSockets()`
 * work across nodes, and `serverSideEmit` carries the events above. On SQLite there
 * is one node and the in-memory adapter; `announce` then does nothing (the one
 * node already knows).
 */
export interface Cluster {
  /** The adapter factory for `new Server(…, { adapter })`; undefined with one node. */
  readonly adapter: ReturnType<typeof createAdapter> | undefined;
  /** Sends a server-side event to the other nodes. */
  announce(io: Server, event: string, ...args: unknown[]): void;
  /**
   * Resolves true once this node listens to the others (within `withinMs`, else
   * false). The adapter takes its LISTEN connection from the pool asynchronously
   * and releases it on close only if it already has it: a node closed in that gap
   * keeps the connection checked out for ever, and ending the pool then never
   * returns. So a node starts serving only once it listens (it would miss the other
   * nodes' pokes before), and waits for it again before it closes.
   */
  listening(io: Server, withinMs: number): Promise<boolean>;
}

export const SINGLE_NODE: Cluster = {
  adapter: undefined,
  announce: () => undefined,
  listening: () => Promise.resolve(true),
};

/**
 * What `@socket.io/postgres-adapter` (pinned in package.json) keeps and does not
 * expose: each namespace's adapter holds the one PubSubClient, whose `client` is set
 * once its LISTEN connection is up and unset while it reconnects.
 */
interface AdapterInternals {
  client?: { client?: unknown };
}

const LISTENING_POLL_MS = 10;

async function untilListening(io: Server, withinMs: number): Promise<boolean> {
  const pubsub = (io.of('/').adapter as unknown as AdapterInternals).client;
  if (!pubsub) return true; // not the PostgreSQL adapter: nothing to wait for
  const deadline = Date.now() + withinMs;
  while (pubsub.client === undefined) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, LISTENING_POLL_MS));
  }
  return true;
}

/**
 * The cluster over PostgreSQL. `pool` is the adapter's own (publishes and the LISTEN
 * connection): never starved by the node's writes or reads, so pokes and cross-node
 * requests (`fetchSockets`) go out under load.
 */
export function postgresCluster(pool: pg.Pool, log: Logger): Cluster {
  const adapter = createAdapter(pool, {
    // A node that stops answering (SIGKILL) is forgotten after heartbeatTimeout; requests
    // that ask every node (fetchSockets) then stop waiting for it.
    heartbeatInterval: 2_000,
    heartbeatTimeout: 6_000,
    errorHandler: (error) => log.warn({ err: error }, 'socket.io adapter error'),
  });
  return {
    adapter,
    announce(io, event, ...args) {
      io.serverSideEmit(event, ...args);
    },
    listening: untilListening,
  };
}
