import type { Namespace, Server } from 'socket.io';
import { SUPERVISOR_NAMESPACE, supervisorHandshakeSchema } from '../../shared/supervisor/protocol';
import type { AuthService } from '../auth/auth-service';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { handshake } from '../sockets/handshake';
import { sweepSockets } from '../sockets/sweep';
import type { Db } from '../storage/database';
import { BoardSender } from './board-sender';
import { SupervisorGate } from './supervisor-gate';
import { registerSupervisorEvents } from './supervisor-events';
import type { SupervisorIndex } from './supervisor-index';
import type { SupervisorSocket } from './supervisor-socket';

export interface SupervisorChannelDeps {
  io: Server;
  db: Db;
  auth: AuthService;
  clock: () => number;
  log: Logger;
  metrics: Metrics;
  index: SupervisorIndex;
  /** Brings the index up to date with the database before a read. */
  catchUp: () => Promise<void>;
  /** How often subscribed boards are re-read for clock-driven changes (due soon → overdue). */
  tickMs: number;
  /** Unchanged boards hear a heartbeat this often (HEARTBEAT_MS). */
  heartbeatMs: number;
  /**
   * How often every supervisor socket is re-checked (expiry, sign-out, and the user
   * still being an active lead of the subscribed team). A board also re-checks its
   * subscribers before each snapshot, which is what makes an admin's change count at once.
   */
  sessionSweepMs: number;
}

export interface SupervisorChannel {
  namespace: Namespace;
  /** Rows of these teams changed: send their subscribers a fresh snapshot (throttled). */
  teamsChanged(teams: Iterable<string>): void;
  close(): void;
}

/**
 * The supervisor namespace: board snapshots pushed to subscribed leads (at most
 * SNAPSHOTS_PER_SECOND per team, only when something they show changed),
 * drill-downs and forecasts on request.
 */
export function createSupervisorChannel(deps: SupervisorChannelDeps): SupervisorChannel {
  const { log } = deps;
  const nsp = deps.io.of(SUPERVISOR_NAMESPACE);
  const gate = new SupervisorGate(deps);
  const boards = new BoardSender({ ...deps, nsp, recheck: (socket) => gate.recheck(socket) });
  let closing = false;

  nsp.use(
    handshake(supervisorHandshakeSchema, log, (auth, socket: SupervisorSocket) =>
      gate.admit(auth.token, socket.handshake.address || null),
    ),
  );
  nsp.on('connection', (socket: SupervisorSocket) => {
    // Sign-out and an administrator's disable end these sockets too (expireLocalSockets, sockets/session-rooms).
    registerSupervisorEvents(socket, { ...deps, gate, boards });
  });

  const tick = setInterval(() => {
    for (const team of boards.knownTeams()) boards.request(team);
  }, deps.tickMs);
  tick.unref();

  // Catches what no snapshot would: a quiet team, a socket connected but not subscribed.
  const stopSweep = sweepSockets(
    () => nsp.sockets.values() as IterableIterator<SupervisorSocket>,
    (socket) => gate.sweep(socket),
    deps.sessionSweepMs,
    (error, failedChecks) => {
      if (!closing) log.warn({ err: error, failedChecks }, 'supervisor session sweep failed');
    },
  );

  return {
    namespace: nsp,
    teamsChanged(changed) {
      for (const team of changed) boards.request(team);
    },
    close() {
      closing = true;
      clearInterval(tick);
      stopSweep();
      boards.close();
      nsp.disconnectSockets(true);
    },
  };
}
