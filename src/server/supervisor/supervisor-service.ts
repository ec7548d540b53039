import type { Server } from 'socket.io';
import type { AuthService } from '../auth/auth-service';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { PolicyAt } from '../policy/policy-book';
import type { Db } from '../storage/database';
import type { ServerStore } from '../storage/server-store';
import { HEARTBEAT_MS } from '../../shared/supervisor/protocol';
import { RowFollower } from './row-follower';
import { createSupervisorChannel, type SupervisorChannel } from './supervisor-channel';
import { SupervisorIndex } from './supervisor-index';

export interface SupervisorDeps {
  io: Server;
  db: Db;
  /** The store whose changes the index follows (by version: whichever node committed them). */
  store: ServerStore;
  auth: AuthService;
  /** The policy in force at an instant: the index follows the one in force now. */
  policyAt: PolicyAt;
  clock: () => number;
  log: Logger;
  metrics: Metrics;
  /** Clock-driven board refresh for subscribers (ms). */
  tickMs?: number;
  heartbeatMs?: number | undefined;
  sessionSweepMs?: number;
  /** Safety net for writes that do not poke (ms). */
  pollMs?: number;
  /**
   * Least time between two catch-ups started by `rowsChanged` (ms). Under a burst of
   * pushes every push would otherwise start its own catch-up transaction on the one
   * database connection; boards refresh at most 4 times a second anyway.
   */
  catchUpGapMs?: number;
}

export interface SupervisorService {
  index: SupervisorIndex;
  channel: SupervisorChannel;
  /** Call after rows were written (the sync server's poke does): the index catches up and boards refresh. */
  rowsChanged(): void;
  /** Resolves once the index holds every committed change. */
  refresh(): Promise<void>;
  close(): void;
}

/**
 * The supervisor side of the sync server: rebuilds the index from the database,
 * then keeps it current from each write (by version), and serves leads on the
 * supervisor namespace.
 */
export async function startSupervisor(deps: SupervisorDeps): Promise<SupervisorService> {
  const index = new SupervisorIndex(deps.policyAt(deps.clock()));
  const holder: { channel?: SupervisorChannel } = {};
  const follower = new RowFollower(deps.store, index, deps.log, (teams) =>
    holder.channel?.teamsChanged(teams),
  );
  const started = performance.now();
  await follower.catchUp();
  deps.log.info(
    { ms: Math.round(performance.now() - started), version: follower.version },
    'supervisor index built',
  );
  const channel = createSupervisorChannel({
    io: deps.io,
    db: deps.db,
    auth: deps.auth,
    clock: deps.clock,
    log: deps.log,
    metrics: deps.metrics,
    index,
    catchUp: () => follower.catchUp(),
    tickMs: deps.tickMs ?? 5000,
    heartbeatMs: deps.heartbeatMs ?? HEARTBEAT_MS,
    sessionSweepMs: deps.sessionSweepMs ?? 30_000,
  });
  holder.channel = channel;
  let closed = false;
  const catchUp = () => {
    if (closed) return;
    // A published policy (or a scheduled one whose time came) re-judges every callback.
    if (index.usePolicy(deps.policyAt(deps.clock()))) channel.teamsChanged(index.teamNames());
    follower.catchUp().catch((error: unknown) => {
      if (!closed) deps.log.warn({ err: error }, 'supervisor index catch-up failed');
    });
  };
  const poll = setInterval(catchUp, deps.pollMs ?? 1000);
  poll.unref();
  const gapMs = deps.catchUpGapMs ?? 100;
  let lastStart = -Infinity;
  let scheduled: NodeJS.Timeout | null = null;
  const rowsChanged = () => {
    if (closed || scheduled) return;
    const wait = Math.max(0, lastStart + gapMs - performance.now());
    scheduled = setTimeout(() => {
      scheduled = null;
      lastStart = performance.now();
      catchUp();
    }, wait);
  };
  return {
    index,
    channel,
    rowsChanged,
    refresh: () => follower.catchUp(),
    close() {
      closed = true;
      if (scheduled) clearTimeout(scheduled);
      clearInterval(poll);
      channel.close();
    },
  };
}
