import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import type { Policy } from '../../shared/domain/policy';
import { err, type DomainError, type Result } from '../../shared/domain/result';
import {
  EVENTS,
  LIMITS,
  SCHEMA_VERSION,
  handshakeAuthSchema,
  presenceRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  type Ack,
  type SessionUser,
} from '../../shared/sync/protocol';
import { GLOBAL_TEAM } from '../../shared/sync/rows/common';
import type { AuthService } from '../auth/auth-service';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { AuditBatcher } from '../audit-batch';
import type { Db, ReadDb } from '../storage/database';
import { PullReader } from '../storage/pull-reader';
import { bindClient } from './clients';
import { PokeThrottle } from './poke-throttle';
import { applyPresence } from './presence';
import { createPullService, servePull } from './pull';
import { applyPush } from './push';

interface SocketData {
  user: SessionUser;
  sessionId: string;
  clientId: string;
  token: string;
  ip: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are validated with zod at runtime
type LooseEvents = Record<string, (...args: any[]) => void>;
type SyncSocket = Socket<LooseEvents, LooseEvents, LooseEvents, SocketData>;

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
}

/** Admins pull every team's users (and nothing else of a team): they hear about user changes only. */
const ADMIN_ROOM = 'admins';
const teamRoom = (team: string) => `team:${team}`;
const sessionRoom = (sid: string) => `session:${sid}`;
/** The room whose pokes a user's sockets hear. */
const pokeRoom = (user: SessionUser) => (user.role === 'admin' ? ADMIN_ROOM : teamRoom(user.team));

const CLIENT_EVENTS = new Set<string>([EVENTS.push, EVENTS.pull, EVENTS.presence]);

function issuesMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
}

/** An Error whose `data` reaches the client's connect_error handler. */
function handshakeError(code: string, message: string): Error & { data: DomainError } {
  return Object.assign(new Error(message), { data: { code, message } });
}

export interface SyncServer {
  io: Server;
  /**
   * Tell clients in scope of these teams that something changed. Admins hear only
   * about user changes (`usersChanged`) and global rows, the only rows they pull.
   */
  poke(teams: Iterable<string>, version: number | undefined, options?: { usersChanged?: boolean }): void;
  /** Close every socket of a session (sign-out) with the reason. */
  endSession(sessionId: string, error: DomainError): void;
  close(): Promise<void>;
}

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

  /** '*' stands for everyone (a global row changed: every desktop pulls it). */
  const pokes = new PokeThrottle(deps.pokeGapMs ?? 200, (target, version, admins) => {
    const payload = { version };
    if (target === '*') io.emit(EVENTS.poke, payload);
    else io.to([teamRoom(target), ...(admins ? [ADMIN_ROOM] : [])]).emit(EVENTS.poke, payload);
  });
  const poke = (
    teams: Iterable<string>,
    version: number | undefined,
    options?: { usersChanged?: boolean },
  ) => {
    const all = [...teams];
    if (all.length === 0) return;
    deps.onRowsChanged?.(all);
    if (all.includes(GLOBAL_TEAM)) {
      pokes.poke('*', version ?? 0, false);
      return;
    }
    for (const team of all) pokes.poke(team, version ?? 0, options?.usersChanged ?? false);
  };

  const endSession = (sessionId: string, error: DomainError) => {
    for (const socket of io.sockets.sockets.values() as IterableIterator<SyncSocket>) {
      if (socket.data.sessionId === sessionId) expire(socket, error);
    }
  };

  const expire = (socket: SyncSocket, error: DomainError) => {
    socket.emit(EVENTS.sessionExpired, error);
    socket.disconnect(true);
  };

  io.use(async (socket: SyncSocket, next) => {
    try {
      const parsed = handshakeAuthSchema.safeParse(socket.handshake.auth);
      if (!parsed.success)
        return next(
          handshakeError('protocol.bad_handshake', `Bad handshake: ${issuesMessage(parsed.error)}`),
        );
      const { token, clientId, schemaVersion } = parsed.data;
      if (schemaVersion !== SCHEMA_VERSION) {
        return next(
          handshakeError(
            'protocol.schema_mismatch',
            `This desktop speaks sync schema version ${schemaVersion} but the server speaks version ${SCHEMA_VERSION}; update Agent Desk (or the server) so they match.`,
          ),
        );
      }
      const session = auth.check(token, { touch: true });
      if (!session.ok) return next(handshakeError(session.error.code, session.error.message));
      const bound = await bindClient(db, reader, clientId, session.value.user.id, deps.clock());
      if (!bound.ok) return next(handshakeError(bound.error.code, bound.error.message));
      socket.data = {
        user: session.value.user,
        sessionId: session.value.sessionId,
        clientId,
        token,
        ip: socket.handshake.address || null,
      };
      next();
    } catch (error) {
      log.error({ err: error }, 'handshake failed');
      next(handshakeError('server.error', 'The server could not check this connection; try again.'));
    }
  });

  io.on('connection', (socket: SyncSocket) => {
    const { user, clientId } = socket.data;
    metrics.connectedSockets += 1;
    void socket.join([pokeRoom(user), sessionRoom(socket.data.sessionId)]);
    log.info({ userId: user.id, clientId }, 'socket connected');

    /**
     * Wraps a client event: the ack must be a function, the payload must parse,
     * the session must still be valid, and nothing thrown escapes.
     */
    const handle = <S extends z.ZodType, T>(
      event: string,
      schema: S,
      touch: boolean,
      run: (payload: z.infer<S>) => Promise<Result<T>>,
    ) => {
      socket.on(event, async (...args: unknown[]) => {
        const ack = args.at(-1);
        if (typeof ack !== 'function') {
          metrics.protocolErrors += 1;
          socket.emit(EVENTS.protocolError, {
            code: 'protocol.ack_required',
            message: `"${event}" needs an acknowledgement callback.`,
          });
          return;
        }
        const reply = (value: Ack<T>) => (ack as (v: Ack<T>) => void)(value);
        try {
          if (args.length !== 2) {
            metrics.protocolErrors += 1;
            return reply(err('protocol.bad_payload', `"${event}" takes exactly one payload object.`));
          }
          const parsed = schema.safeParse(args[0]);
          if (!parsed.success) {
            metrics.protocolErrors += 1;
            return reply(err('protocol.bad_payload', `Bad ${event} payload: ${issuesMessage(parsed.error)}`));
          }
          const session = auth.check(socket.data.token, { touch });
          if (!session.ok) {
            reply(session);
            expire(socket, session.error);
            return;
          }
          // An administrator may have moved the user or changed their role: follow the new scope's pokes.
          const heard = pokeRoom(socket.data.user);
          socket.data.user = session.value.user;
          if (pokeRoom(session.value.user) !== heard) {
            void socket.leave(heard);
            void socket.join(pokeRoom(session.value.user));
          }
          reply(await run(parsed.data));
        } catch (error) {
          log.error({ err: error, event, userId: user.id }, 'socket handler failed');
          reply(
            err('server.error', 'The server could not process this request; it was not applied. Try again.'),
          );
        }
      });
    };

    handle(EVENTS.push, pushRequestSchema, true, async (req) => {
      if (req.clientId !== socket.data.clientId) {
        return err(
          'auth.client_mismatch',
          'This push names a different desktop (clientId) than the connection.',
        );
      }
      const pushed = await applyPush(
        db,
        {
          user: socket.data.user,
          clientId,
          sourceIp: socket.data.ip,
          policy: deps.policy,
          clock: deps.clock,
        },
        req.mutations,
      );
      for (const r of pushed.results) {
        if (r.status === 'applied') metrics.mutationsApplied += 1;
        else if (r.status === 'rejected') metrics.mutationsRejected += 1;
        else metrics.mutationsDuplicate += 1;
      }
      poke(pushed.changedTeams, pushed.lastVersion);
      return { ok: true, value: { results: pushed.results } };
    });

    handle(EVENTS.pull, pullRequestSchema, false, async (req) => {
      metrics.pulls += 1;
      return servePull(
        pulls,
        { user: socket.data.user, clientId, sourceIp: socket.data.ip, clock: deps.clock },
        req,
      );
    });

    handle(EVENTS.presence, presenceRequestSchema, true, async (req) => {
      const applied = await applyPresence(
        db,
        { user: socket.data.user, clientId, policy: deps.policy, clock: deps.clock },
        req,
      );
      if (applied.ok) poke([applied.value.team], applied.value.version);
      return applied.ok ? { ok: true, value: { version: applied.value.version ?? 0 } } : applied;
    });

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && CLIENT_EVENTS.has(event)) return;
      metrics.protocolErrors += 1;
      const error = {
        code: 'protocol.unknown_event',
        message: `Unknown event "${String(event).slice(0, 60)}".`,
      };
      const ack = args.at(-1);
      if (typeof ack === 'function') (ack as (v: unknown) => void)({ ok: false, error });
      else socket.emit(EVENTS.protocolError, error);
    });

    socket.on('disconnect', () => {
      metrics.connectedSockets -= 1;
      log.info({ userId: user.id, clientId }, 'socket disconnected');
      void markOfflineIfLast(socket);
    });
  });

  /** When a user's last socket goes, their presence becomes offline (leads see it at once). */
  const markOfflineIfLast = async (gone: SyncSocket) => {
    try {
      const still = [...(io.sockets.sockets.values() as IterableIterator<SyncSocket>)].some(
        (s) => s.id !== gone.id && s.data.user?.id === gone.data.user.id,
      );
      if (still || closing) return;
      const applied = await applyPresence(
        db,
        { user: gone.data.user, clientId: gone.data.clientId, policy: deps.policy, clock: deps.clock },
        { status: 'offline', currentItem: null },
      );
      if (applied.ok) poke([applied.value.team], applied.value.version);
    } catch (error) {
      if (!closing) log.warn({ err: error }, 'could not mark user offline');
    }
  };

  let closing = false;
  const sweep = setInterval(() => {
    try {
      for (const socket of io.sockets.sockets.values() as IterableIterator<SyncSocket>) {
        const session = auth.check(socket.data.token, { touch: false });
        if (!session.ok) expire(socket, session.error);
      }
    } catch (error) {
      log.warn({ err: error }, 'session sweep failed');
    }
  }, deps.sessionSweepMs);
  sweep.unref();

  return {
    io,
    poke,
    endSession,
    close: async () => {
      closing = true;
      clearInterval(sweep);
      pokes.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      // Pulls answered before the close still owe their audit rows.
      await pullAudit.flush();
    },
  };
}
