import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Policy } from '../../shared/domain/policy';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import { EVENTS, LIMITS, handshakeAuthSchema, type HandshakeAuth } from '../../shared/sync/protocol';
import type { AuthService } from '../auth/auth-service';
import { AuditBatcher } from '../audit-batch';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { PolicyAt } from '../policy/policy-book';
import type { PlaceCall } from '../telephony/place-call';
import { handshake } from '../sockets/handshake';
import { expireSocket } from '../sockets/socket-events';
import { sweepSockets } from '../sockets/sweep';
import { deskOfInstallation, installationHash } from '../storage/desks';
import type { ServerStore } from '../storage/server-store';
import { bindClient } from './clients';
import { CONNECT_BUCKET, withinRate } from './connection-rate';
import { CLUSTER_EVENTS, SINGLE_NODE, type Cluster } from './cluster';
import { InFlight } from './in-flight';
import { createPokePages } from './poke-pages';
import { createPokes, type Pokes } from './pokes';
import { applyPresence } from './presence';
import { createPullService } from './pull';
import type { PlanNotices } from '../notices/notice-planner';
import { registerSyncEvents } from './sync-events';
import { expireLocalSockets } from '../sockets/session-rooms';
import {
  pokeRoom,
  sessionRoom,
  syncSockets,
  teamRoom,
  userRoom,
  type SyncSocket,
  type SyncSocketData,
} from './sync-socket';

export interface SyncServerDeps {
  store: ServerStore;
  auth: AuthService;
  policyAt: PolicyAt;
  clock: () => number;
  log: Logger;
  metrics: Metrics;
  /** The other nodes (PostgreSQL); SINGLE_NODE on SQLite. */
  cluster?: Cluster;
  /** How often connected sessions are re-checked for expiry/idle/sign-out. */
  sessionSweepMs: number;
  /**
   * Least time between two pokes of one team (ms); a lone change is poked at once, a
   * burst is folded into one more poke at the end of the gap (PokeThrottle).
   */
  pokeGapMs?: number;
  /** Told whenever rows of these teams changed, here or on another node (the supervisor index catches up). */
  onRowsChanged?: (teams: readonly string[]) => void;
  /** Brings the notice outbox in step with the callbacks a push wrote, after its commit. */
  planNotices?: PlanNotices;
  /** The cti port's place-call (docs/telephony.md). */
  placeCall?: PlaceCall;
}

export interface SyncServer {
  io: Server;
  poke: Pokes['poke'];
  /** Closes every socket of a session (sign-out), on every channel and node, with the reason. */
  endSession(sessionId: string, error: DomainError): void;
  /** Closes every socket of a user (disabled, password reset), on every channel and node, with the reason. */
  endUser(userId: string, error: DomainError): void;
  /** A user was edited or signed out: every node re-reads what it caches about them. */
  userChanged(userId: string): Promise<void>;
  /** Tells every desktop connected here the policy now in force (each node announces to its own). */
  announcePolicy(policy: Policy): void;
  /**
   * The graceful stop's first half: refuse new sockets, let pushes under way commit
   * and be acknowledged (up to `graceMs`), then close this node's sockets so their
   * desktops reconnect to another node. Resolves true if nothing was cut short.
   */
  drain(graceMs: number): Promise<boolean>;
  /** Resolves true once this node hears the other nodes (at once on one node); false after `withinMs`. */
  listening(withinMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** How long a closing node waits for its cluster connection to settle (cluster.ts, `listening`). */
const CLOSE_LISTENER_WAIT_MS = 5_000;

/** The sync channel: desktops push, pull and report presence on the default namespace. */
export function createSyncServer(httpServer: HttpServer, deps: SyncServerDeps): SyncServer {
  const { store, auth, log, metrics } = deps;
  const cluster = deps.cluster ?? SINGLE_NODE;
  const pullAudit = new AuditBatcher(store.appendDb, (error, events) =>
    log.error({ err: error, events }, 'could not write pull audit events'),
  );
  const pulls = createPullService(store.pulls, pullAudit);
  const io = new Server(httpServer, {
    maxHttpBufferSize: LIMITS.maxSocketMessageBytes,
    serveClient: false,
    cors: { origin: false },
    ...(cluster.adapter ? { adapter: cluster.adapter } : {}),
  });
  const announceRows = (teams: readonly string[]) => {
    deps.onRowsChanged?.(teams);
    cluster.announce(io, CLUSTER_EVENTS.rowsChanged, teams);
  };
  const pokePages = createPokePages(io, { pulls, auth, clock: deps.clock, log });
  // A page that cannot be brought becomes a plain poke (poke-pages.ts); anything else is logged.
  const pokeLocally = (team: string, version: number) =>
    void pokePages.deliver(team, version).catch((error: unknown) => {
      // Whatever failed, this node's desktops of the team still hear of the version.
      log.warn({ err: error }, 'poke with pages failed; poking plainly');
      io.local.to(teamRoom(team)).emit(EVENTS.poke, { version });
    });
  const pokeTeam = (team: string, version: number) => {
    cluster.announce(io, CLUSTER_EVENTS.teamPoked, team, version);
    pokeLocally(team, version);
  };
  const pokes = createPokes(io, deps.pokeGapMs ?? 200, pokeTeam, announceRows);
  const pushes = new InFlight();
  let closing = false;
  let draining = false;

  // What other nodes committed or changed (nothing arrives on a single node).
  io.on(CLUSTER_EVENTS.rowsChanged, (teams: unknown) => {
    if (Array.isArray(teams)) deps.onRowsChanged?.(teams.filter((t): t is string => typeof t === 'string'));
  });
  io.on(CLUSTER_EVENTS.teamPoked, (team: unknown, version: unknown) => {
    if (typeof team === 'string' && Number.isSafeInteger(version) && (version as number) >= 0)
      pokeLocally(team, version as number);
  });
  io.on(CLUSTER_EVENTS.userChanged, (userId: unknown) => {
    if (typeof userId === 'string') void auth.userChanged(userId).catch(() => undefined);
  });
  // Sign-out, a disabled account, a reset password: this node's sockets of that session or
  // user (sync and supervisor channels) hear why and close; the other nodes are told to do
  // the same with theirs (one message per node, so the reason always arrives first).
  const expireSession = (sessionId: string, error: DomainError) => {
    // Before the sockets hear it: a token of this session is refused here from now on.
    auth.sessionEnded(sessionId);
    expireLocalSockets(io, (data) => data.sessionId === sessionId, error);
  };
  const expireUser = (userId: string, error: DomainError) =>
    expireLocalSockets(io, (data) => data.user.id === userId, error);
  io.on(CLUSTER_EVENTS.sessionEnded, (sessionId: unknown, error: unknown) => {
    const reason = domainReason(error);
    if (typeof sessionId === 'string' && reason) expireSession(sessionId, reason);
  });
  io.on(CLUSTER_EVENTS.userEnded, (userId: unknown, error: unknown) => {
    const reason = domainReason(error);
    if (typeof userId !== 'string' || !reason) return;
    expireUser(userId, reason);
    void auth.userChanged(userId).catch(() => undefined);
  });

  io.use(
    handshake(handshakeAuthSchema, log, (auth, socket) =>
      draining
        ? Promise.resolve(err('server.draining', 'This server is stopping; connect to another one.'))
        : admitDesktop(deps, auth, socket),
    ),
  );

  io.on('connection', (socket: SyncSocket) => {
    const { user, clientId } = socket.data;
    metrics.connectedSockets += 1;
    void socket.join([pokeRoom(user), sessionRoom(socket.data.sessionId), userRoom(user.id)]);
    log.info({ userId: user.id, clientId }, 'socket connected');
    registerSyncEvents(socket, { ...deps, pulls, poke: pokes.poke, pushes });
    socket.emit(EVENTS.policy, { policy: deps.policyAt(deps.clock()) });
    socket.on('disconnect', () => {
      metrics.connectedSockets -= 1;
      log.info({ userId: user.id, clientId }, 'socket disconnected');
      void markOfflineIfLast(io, socket, deps, pokes.poke, () => closing || draining);
    });
  });

  const stopSweep = sweepSockets(
    () => syncSockets(io),
    (socket) =>
      auth.authenticate(socket.data.token, { touch: false }).then((session) => {
        if (!session.ok) expireSocket(socket, session.error);
      }),
    deps.sessionSweepMs,
    (error, failedChecks) => log.warn({ err: error, failedChecks }, 'session sweep failed'),
  );

  return {
    io,
    poke: pokes.poke,
    endSession: (sessionId, error) => {
      expireSession(sessionId, error);
      cluster.announce(io, CLUSTER_EVENTS.sessionEnded, sessionId, error);
    },
    endUser: (userId, error) => {
      expireUser(userId, error);
      cluster.announce(io, CLUSTER_EVENTS.userEnded, userId, error);
    },
    userChanged: async (userId) => {
      await auth.userChanged(userId);
      cluster.announce(io, CLUSTER_EVENTS.userChanged, userId);
    },
    announcePolicy: (policy) => {
      io.local.emit(EVENTS.policy, { policy });
    },
    drain: async (graceMs) => {
      draining = true;
      const finished = await pushes.idle(graceMs);
      // Only this node's sockets: their desktops reconnect elsewhere.
      io.local.disconnectSockets(true);
      return finished;
    },
    listening: (withinMs) => cluster.listening(io, withinMs),
    close: async () => {
      closing = true;
      stopSweep();
      pokes.close();
      await cluster.listening(io, CLOSE_LISTENER_WAIT_MS);
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      // Pulls answered before the close still owe their audit rows.
      await pullAudit.flush();
    },
  };
}

/** A reason another node sent, if it has the shape of one. */
function domainReason(error: unknown): DomainError | undefined {
  const reason = error as Partial<DomainError> | null;
  return typeof reason?.code === 'string' && typeof reason.message === 'string'
    ? { code: reason.code, message: reason.message }
    : undefined;
}

/**
 * The handshake's check: a valid session, within the user's connection rate, and a
 * client id that is this user's desktop (bindClient: a new one counts against the
 * user's new desktops per day).
 */
async function admitDesktop(
  deps: SyncServerDeps,
  auth: HandshakeAuth,
  socket: SyncSocket,
): Promise<Result<SyncSocketData>> {
  const session = await deps.auth.authenticate(auth.token, { touch: true });
  if (!session.ok) return session;
  const now = deps.clock();
  const security = deps.policyAt(now).security;
  const limited = await withinRate(
    deps.store.db,
    CONNECT_BUCKET(session.value.user.id),
    security.connectionsPerUserPerMinute,
    now,
  );
  if (!limited.ok) return limited;
  const bound = await bindClient(deps.store.db, deps.store.pulls, auth.clientId, session.value.user.id, {
    now,
    newPerDay: security.newDesktopsPerUserPerDay,
  });
  if (!bound.ok) return bound;
  const { user, sessionId } = session.value;
  const ip = socket.handshake.address || null;
  // A key the server never gave a desk (no sign-in sent it) has none: its references are refused.
  const desk = auth.installation
    ? ((await deskOfInstallation(deps.store.db, installationHash(auth.installation))) ?? null)
    : null;
  return ok({ user, sessionId, clientId: auth.clientId, token: auth.token, ip, desk });
}

/**
 * When a user's last socket goes — on any node — their presence becomes offline
 * (leads see it at once). This node's own sockets answer first; only when it has no
 * other socket of the user does it ask every node through the adapter (`fetchSockets`,
 * a request over PostgreSQL NOTIFY that carries every socket of the user found): with
 * one desk and one board per user that is one small request per user leaving, never one
 * per socket of a user with many (the load bench's agents share a few accounts).
 */
async function markOfflineIfLast(
  io: Server,
  gone: SyncSocket,
  deps: SyncServerDeps,
  poke: Pokes['poke'],
  closing: () => boolean,
): Promise<void> {
  try {
    if (closing()) return;
    const { user, clientId } = gone.data;
    const others = async (sockets: Promise<{ id: string }[]>) =>
      (await sockets).some((s) => s.id !== gone.id);
    const room = userRoom(user.id);
    const still =
      (await others(io.local.in(room).fetchSockets())) || (await others(io.in(room).fetchSockets()));
    if (still || closing()) return;
    const applied = await applyPresence(
      deps.store.db,
      { user, clientId, policyAt: deps.policyAt, clock: deps.clock },
      { status: 'offline', currentItem: null },
    );
    if (applied.ok && applied.value.version !== undefined) poke([applied.value.team], applied.value.version);
  } catch (error) {
    if (!closing()) deps.log.warn({ err: error }, 'could not mark user offline');
  }
}
