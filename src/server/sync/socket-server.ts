import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Policy } from '../../shared/domain/policy';
import { ok, type DomainError, type Result } from '../../shared/domain/result';
import { LIMITS, handshakeAuthSchema, type HandshakeAuth } from '../../shared/sync/protocol';
import type { AuthService } from '../auth/auth-service';
import { AuditBatcher } from '../audit-batch';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { handshake } from '../sockets/handshake';
import { expireSocket } from '../sockets/socket-events';
import { sweepSockets } from '../sockets/sweep';
import type { Db, ReadDb } from '../storage/database';
import { PullReader } from '../storage/pull-reader';
import { bindClient } from './clients';
import { createPokes, type Pokes } from './pokes';
import { applyPresence } from './presence';
import { createPullService } from './pull';
import type { AfterWrites } from './push';
import { registerSyncEvents } from './sync-events';
import { pokeRoom, sessionRoom, syncSockets, type SyncSocket, type SyncSocketData } from './sync-socket';

export interface SyncServerDeps {
  db: Db;
  /** The read-only connection pulls and client checks read from (see openReadConnection). */
  reader: ReadDb;
  auth: AuthService;
  policy: Policy;
  clock: () => number;
  log: Logger;
  metrics: Metrics;
  /** How often connected sessions are re-checked for expiry/idle/sign-out. */
  sessionSweepMs: number;
  /**
   * Least time between two pokes of one team (ms); a lone change is poked at once, a
   * burst is folded into one more poke at the end of the gap (PokeThrottle).
   */
  pokeGapMs?: number;
  /** Told whenever rows of these teams changed (the supervisor index catches up from it). */
  onRowsChanged?: (teams: readonly string[]) => void;
  /** Runs inside each push's transaction after its writes (the notice outbox planner). */
  afterWrites?: AfterWrites;
}

export interface SyncServer {
  io: Server;
  poke: Pokes['poke'];
  /** Close every socket of a session (sign-out) with the reason. */
  endSession(sessionId: string, error: DomainError): void;
  close(): Promise<void>;
}

/** The sync channel: desktops push, pull and report presence on the default namespace. */
export function createSyncServer(httpServer: HttpServer, deps: SyncServerDeps): SyncServer {
  const { db, auth, log, metrics } = deps;
  const reader = new PullReader(deps.reader);
  const pullAudit = new AuditBatcher(db, (error, events) =>
    log.error({ err: error, events }, 'could not write pull audit events'),
  );
  const pulls = createPullService(reader, pullAudit);
  const io = new Server(httpServer, {
    maxHttpBufferSize: LIMITS.maxSocketMessageBytes,
    serveClient: false,
    cors: { origin: false },
  });
  const pokes = createPokes(io, deps.pokeGapMs ?? 200, deps.onRowsChanged);
  let closing = false;

  io.use(handshake(handshakeAuthSchema, log, (auth, socket) => admitDesktop(deps, reader, auth, socket)));

  io.on('connection', (socket: SyncSocket) => {
    const { user, clientId } = socket.data;
    metrics.connectedSockets += 1;
    void socket.join([pokeRoom(user), sessionRoom(socket.data.sessionId)]);
    log.info({ userId: user.id, clientId }, 'socket connected');
    registerSyncEvents(socket, { ...deps, pulls, poke: pokes.poke });
    socket.on('disconnect', () => {
      metrics.connectedSockets -= 1;
      log.info({ userId: user.id, clientId }, 'socket disconnected');
      void markOfflineIfLast(io, socket, deps, pokes.poke, () => closing);
    });
  });

  const stopSweep = sweepSockets(
    () => syncSockets(io),
    (socket) => {
      const session = auth.check(socket.data.token, { touch: false });
      if (!session.ok) expireSocket(socket, session.error);
    },
    deps.sessionSweepMs,
    (error) => log.warn({ err: error }, 'session sweep failed'),
  );

  return {
    io,
    poke: pokes.poke,
    endSession: (sessionId, error) => {
      for (const socket of syncSockets(io))
        if (socket.data.sessionId === sessionId) expireSocket(socket, error);
    },
    close: async () => {
      closing = true;
      stopSweep();
      pokes.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      // Pulls answered before the close still owe their audit rows.
      await pullAudit.flush();
    },
  };
}

/** The handshake's check: a valid session, and a client id that is this user's desktop (bindClient). */
async function admitDesktop(
  deps: SyncServerDeps,
  reader: PullReader,
  auth: HandshakeAuth,
  socket: SyncSocket,
): Promise<Result<SyncSocketData>> {
  const session = deps.auth.check(auth.token, { touch: true });
  if (!session.ok) return session;
  const bound = await bindClient(deps.db, reader, auth.clientId, session.value.user.id, deps.clock());
  if (!bound.ok) return bound;
  const { user, sessionId } = session.value;
  const ip = socket.handshake.address || null;
  return ok({ user, sessionId, clientId: auth.clientId, token: auth.token, ip });
}

/** When a user's last socket goes, their presence becomes offline (leads see it at once). */
async function markOfflineIfLast(
  io: Server,
  gone: SyncSocket,
  deps: SyncServerDeps,
  poke: Pokes['poke'],
  closing: () => boolean,
): Promise<void> {
  try {
    const still = [...syncSockets(io)].some((s) => s.id !== gone.id && s.data.user?.id === gone.data.user.id);
    if (still || closing()) return;
    const { user, clientId } = gone.data;
    const applied = await applyPresence(
      deps.db,
      { user, clientId, policy: deps.policy, clock: deps.clock },
      { status: 'offline', currentItem: null },
    );
    if (applied.ok) poke([applied.value.team], applied.value.version);
  } catch (error) {
    if (!closing()) deps.log.warn({ err: error }, 'could not mark user offline');
  }
}
