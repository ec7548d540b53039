import type { Namespace, Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { Policy } from '../../shared/domain/policy';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import { SCHEMA_VERSION, type Ack, type SessionUser } from '../../shared/sync/protocol';
import { summarizeCallback } from '../../shared/supervisor/board';
import { forecastBreaches, type Forecast } from '../../shared/supervisor/forecast/forecast';
import {
  DRILL_DOWN_DEFAULT_LIMIT,
  SNAPSHOTS_PER_SECOND,
  SUPERVISOR_EVENTS,
  SUPERVISOR_NAMESPACE,
  drillDownRequestSchema,
  forecastRequestSchema,
  subscribeRequestSchema,
  supervisorHandshakeSchema,
  unsubscribeRequestSchema,
  type DrillDownResponse,
  type SupervisorSnapshot,
} from '../../shared/supervisor/protocol';
import { appendAudit } from '../audit';
import type { AuthService } from '../auth/auth-service';
import type { Logger } from '../logger';
import type { Db } from '../storage/database';
import { checkSupervisorAccess } from './supervisor-access';
import type { SupervisorIndex } from './supervisor-index';

interface SupervisorSocketData {
  user: SessionUser;
  token: string;
  ip: string | null;
  /** The board body (bodyOf) this socket was last given, by a snapshot or its subscribe answer. */
  shown?: string;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are validated with zod at runtime
type LooseEvents = Record<string, (...args: any[]) => void>;
type SupervisorSocket = Socket<LooseEvents, LooseEvents, LooseEvents, SupervisorSocketData>;

export interface SupervisorChannelDeps {
  io: Server;
  db: Db;
  auth: AuthService;
  policy: Policy;
  clock: () => number;
  log: Logger;
  index: SupervisorIndex;
  /** Brings the index up to date with the database before a read. */
  catchUp: () => Promise<void>;
  /** How often subscribed boards are re-read for clock-driven changes (due soon → overdue). */
  tickMs: number;
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

const TEAM_ROOM_PREFIX = 'team:';
const teamRoom = (team: string) => `${TEAM_ROOM_PREFIX}${team}`;
const MIN_SNAPSHOT_GAP_MS = 1000 / SNAPSHOTS_PER_SECOND;
const KNOWN_EVENTS = new Set<string>([
  SUPERVISOR_EVENTS.subscribe,
  SUPERVISOR_EVENTS.unsubscribe,
  SUPERVISOR_EVENTS.drillDown,
  SUPERVISOR_EVENTS.forecast,
]);

function issuesMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
}

function handshakeError(code: string, message: string): Error & { data: DomainError } {
  return Object.assign(new Error(message), { data: { code, message } });
}

/**
 * Leads only, own team only. Admins are refused too: they manage users and scripts
 * and do not see case operations (least privilege, as for push). Checked at the
 * handshake AND on every event (an admin may change a role mid-session).
 */
function leadOnly(user: SessionUser): Result<void> {
  if (user.role === 'lead') return ok(undefined);
  return err('auth.forbidden', 'Only team leads can open the supervisor view.');
}

/**
 * The supervisor namespace: board snapshots pushed to subscribed leads (at most
 * SNAPSHOTS_PER_SECOND per team, only when something they show changed),
 * drill-downs and forecasts on request.
 */
export function createSupervisorChannel(deps: SupervisorChannelDeps): SupervisorChannel {
  const { auth, db, index, log, policy, clock } = deps;
  const nsp = deps.io.of(SUPERVISOR_NAMESPACE);
  const teams = new Map<string, { seq: number; lastSentAt: number; timer: NodeJS.Timeout | null }>();
  let closing = false;

  const teamState = (team: string) => {
    let s = teams.get(team);
    if (!s) teams.set(team, (s = { seq: 0, lastSentAt: -Infinity, timer: null }));
    return s;
  };
  const hasSubscribers = (team: string) => (nsp.adapter.rooms.get(teamRoom(team))?.size ?? 0) > 0;

  const buildSnapshot = (team: string): Omit<SupervisorSnapshot, 'seq'> => {
    const now = clock();
    return {
      team,
      at: now,
      board: index.board(team, now),
      roster: index.roster(team, now),
      charts: index.charts(team, now),
    };
  };
  /** What a lead sees, without the timestamps: equal bodies are not re-sent. */
  const bodyOf = (s: Omit<SupervisorSnapshot, 'seq'>) =>
    JSON.stringify([s.board.today, s.board.figures, s.roster, s.charts]);

  /**
   * Sends the team's board to the subscribers whose last one differs (a new subscriber
   * already got it in its subscribe answer): never the same board twice to anyone.
   */
  const send = (team: string) => {
    const state = teamState(team);
    if (closing) return;
    const subscribers = dropRevoked(team);
    if (subscribers.length === 0) return;
    const snapshot = buildSnapshot(team);
    const body = bodyOf(snapshot);
    const behind = subscribers.filter((s) => s.data.shown !== body);
    if (behind.length === 0) return;
    state.lastSentAt = performance.now();
    state.seq += 1;
    const to = behind.length === subscribers.length ? teamRoom(team) : behind.map((s) => s.id);
    nsp.to(to).emit(SUPERVISOR_EVENTS.snapshot, { ...snapshot, seq: state.seq });
    for (const s of behind) s.data.shown = body;
  };

  /** Leading edge when the team has been quiet, else one trailing send per gap. */
  const request = (team: string) => {
    if (closing || !hasSubscribers(team)) return;
    const state = teamState(team);
    if (state.timer) return;
    const wait = Math.max(0, state.lastSentAt + MIN_SNAPSHOT_GAP_MS - performance.now());
    state.timer = setTimeout(() => {
      state.timer = null;
      try {
        send(team);
      } catch (error) {
        log.error({ err: error, team }, 'supervisor snapshot failed');
      }
    }, wait);
  };

  const expire = (socket: SupervisorSocket, error: DomainError) => {
    socket.emit(SUPERVISOR_EVENTS.sessionExpired, error);
    socket.disconnect(true);
  };

  /** The session is still good but the view is not theirs any more: say why, audit it, close. */
  const endAccess = (socket: SupervisorSocket, error: DomainError) => {
    socket.emit(SUPERVISOR_EVENTS.accessEnded, error);
    socket.disconnect(true);
    appendAudit(db, {
      at: clock(),
      actorId: socket.data.user.id,
      action: 'supervisor.access-ended',
      sourceIp: socket.data.ip,
      outcome: 'ended',
      detail: { code: error.code },
    }).catch((e: unknown) => log.warn({ err: e }, 'supervisor access-ended audit failed'));
  };

  const subscribedTeams = (socket: SupervisorSocket) =>
    [...socket.rooms]
      .filter((r) => r.startsWith(TEAM_ROOM_PREFIX))
      .map((r) => r.slice(TEAM_ROOM_PREFIX.length));

  /**
   * Re-checks one socket against the user's current session, role and team (the
   * auth cache is dropped by userChanged on every admin edit, so this reads the
   * change) and closes it, with the reason, when it may no longer watch. Synchronous:
   * a disconnected socket has left its rooms before the caller emits to them.
   */
  const recheck = (socket: SupervisorSocket): boolean => {
    const access = checkSupervisorAccess(
      auth.check(socket.data.token, { touch: false }),
      subscribedTeams(socket),
    );
    if (access.kind === 'keep') {
      socket.data.user = access.user;
      return true;
    }
    if (access.kind === 'session-ended') expire(socket, access.error);
    else endAccess(socket, access.error);
    return false;
  };

  /** Before a board goes out, everyone about to receive it is checked again: the ones still allowed. */
  const dropRevoked = (team: string): SupervisorSocket[] => {
    const ids = nsp.adapter.rooms.get(teamRoom(team));
    if (!ids) return [];
    const kept: SupervisorSocket[] = [];
    for (const id of [...ids]) {
      const socket = nsp.sockets.get(id) as SupervisorSocket | undefined;
      if (socket && recheck(socket)) kept.push(socket);
    }
    return kept;
  };

  nsp.use(async (socket: SupervisorSocket, next) => {
    try {
      const parsed = supervisorHandshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success) {
        return next(
          handshakeError('protocol.bad_handshake', `Bad handshake: ${issuesMessage(parsed.error)}`),
        );
      }
      if (parsed.data.schemaVersion !== SCHEMA_VERSION) {
        return next(
          handshakeError(
            'protocol.schema_mismatch',
            `This desktop speaks sync schema version ${parsed.data.schemaVersion} but the server speaks version ${SCHEMA_VERSION}; update Agent Desk (or the server) so they match.`,
          ),
        );
      }
      const session = await auth.authenticate(parsed.data.token, { touch: true });
      if (!session.ok) return next(handshakeError(session.error.code, session.error.message));
      const allowed = leadOnly(session.value.user);
      if (!allowed.ok) {
        await appendAudit(db, {
          at: clock(),
          actorId: session.value.user.id,
          action: 'supervisor.connect',
          sourceIp: socket.handshake.address || null,
          outcome: 'rejected',
          detail: { code: allowed.error.code },
        });
        return next(handshakeError(allowed.error.code, allowed.error.message));
      }
      socket.data = {
        user: session.value.user,
        token: parsed.data.token,
        ip: socket.handshake.address || null,
      };
      next();
    } catch (error) {
      log.error({ err: error }, 'supervisor handshake failed');
      next(handshakeError('server.error', 'The server could not check this connection; try again.'));
    }
  });

  nsp.on('connection', (socket: SupervisorSocket) => {
    const handle = <S extends z.ZodType, T>(
      event: string,
      schema: S,
      run: (payload: z.infer<S>, user: SessionUser) => Promise<Result<T>>,
    ) => {
      socket.on(event, async (...args: unknown[]) => {
        const ack = args.at(-1);
        if (typeof ack !== 'function') {
          socket.emit('protocol-error', {
            code: 'protocol.ack_required',
            message: `"${event}" needs an acknowledgement callback.`,
          });
          return;
        }
        const reply = (value: Ack<T>) => (ack as (v: Ack<T>) => void)(value);
        try {
          if (args.length !== 2)
            return reply(err('protocol.bad_payload', `"${event}" takes exactly one payload object.`));
          const parsed = schema.safeParse(args[0]);
          if (!parsed.success) {
            return reply(err('protocol.bad_payload', `Bad ${event} payload: ${issuesMessage(parsed.error)}`));
          }
          const session = await auth.authenticate(socket.data.token, { touch: true });
          if (!session.ok) {
            reply(session);
            expire(socket, session.error);
            return;
          }
          socket.data.user = session.value.user;
          const allowed = leadOnly(session.value.user);
          if (!allowed.ok) {
            reply(allowed);
            const ended = checkSupervisorAccess(session, []);
            if (ended.kind === 'access-ended') endAccess(socket, ended.error);
            else socket.disconnect(true);
            return;
          }
          await deps.catchUp();
          reply(await run(parsed.data, session.value.user));
        } catch (error) {
          log.error({ err: error, event, userId: socket.data.user.id }, 'supervisor handler failed');
          reply(err('server.error', 'The server could not process this request. Try again.'));
        }
      });
    };

    const audit = (
      action: string,
      outcome: string,
      detail: Record<string, unknown> | null,
      entityType?: string,
    ) =>
      appendAudit(db, {
        at: clock(),
        actorId: socket.data.user.id,
        action,
        entityType: entityType ?? null,
        sourceIp: socket.data.ip,
        outcome,
        detail,
      });

    handle(SUPERVISOR_EVENTS.subscribe, subscribeRequestSchema, async (req, user) => {
      if (req.team !== undefined && req.team !== user.team) {
        await audit('supervisor.subscribe', 'rejected', { code: 'auth.forbidden', team: req.team });
        return err('auth.forbidden', `Team leads see only their own team (${user.team}).`);
      }
      // A lead moved to another team by an admin leaves the old team's room.
      for (const room of socket.rooms)
        if (room.startsWith(TEAM_ROOM_PREFIX) && room !== teamRoom(user.team)) void socket.leave(room);
      await audit('supervisor.subscribe', 'applied', { team: user.team });
      // Joined just before the board is read: a send in between would repeat the answer's board.
      await socket.join(teamRoom(user.team));
      const state = teamState(user.team);
      state.seq += 1;
      const snapshot = buildSnapshot(user.team);
      socket.data.shown = bodyOf(snapshot);
      return ok({ ...snapshot, seq: state.seq });
    });

    handle(SUPERVISOR_EVENTS.unsubscribe, unsubscribeRequestSchema, async () => {
      for (const room of socket.rooms) if (room.startsWith(TEAM_ROOM_PREFIX)) await socket.leave(room);
      return ok(null);
    });

    handle(
      SUPERVISOR_EVENTS.drillDown,
      drillDownRequestSchema,
      async (req, user): Promise<Result<DrillDownResponse>> => {
        const now = clock();
        const all = index.callbacksFor(user.team, req.figure, now, req.urgency);
        const offset = req.offset ?? 0;
        const page = all.slice(offset, offset + (req.limit ?? DRILL_DOWN_DEFAULT_LIMIT));
        await audit(
          'supervisor.drill-down',
          'applied',
          { figure: req.figure, urgency: req.urgency ?? null, ids: page.map((c) => c.id) },
          'callbacks',
        );
        return ok({
          figure: req.figure,
          urgency: req.urgency ?? null,
          at: now,
          total: all.length,
          offset,
          items: page.map((cb) => summarizeCallback(cb, now, policy)),
        });
      },
    );

    handle(
      SUPERVISOR_EVENTS.forecast,
      forecastRequestSchema,
      async (req, user): Promise<Result<Forecast>> => {
        const now = clock();
        const result = forecastBreaches(
          index.openCallbacks(user.team),
          {
            agentsOnShift: req.agentsOnShift ?? index.agentsOnShift(user.team, now),
            averageHandleMinutes: req.averageHandleMinutes,
            unreachedShare: req.unreachedShare,
            arrivals: req.arrivals ?? null,
            horizonHours: req.horizonHours,
          },
          now,
          policy,
        );
        await audit(
          'supervisor.forecast',
          result.ok ? 'applied' : 'rejected',
          result.ok ? null : { code: result.error.code },
        );
        return result;
      },
    );

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && KNOWN_EVENTS.has(event)) return;
      const error = {
        code: 'protocol.unknown_event',
        message: `Unknown event "${String(event).slice(0, 60)}".`,
      };
      const ack = args.at(-1);
      if (typeof ack === 'function') (ack as (v: unknown) => void)({ ok: false, error });
      else socket.emit('protocol-error', error);
    });
  });

  const tick = setInterval(() => {
    for (const team of teams.keys()) request(team);
  }, deps.tickMs);
  tick.unref();

  // Catches what no snapshot would: a quiet team, a socket connected but not subscribed.
  const sweep = setInterval(() => {
    try {
      for (const socket of [...nsp.sockets.values()] as SupervisorSocket[]) recheck(socket);
    } catch (error) {
      if (!closing) log.warn({ err: error }, 'supervisor session sweep failed');
    }
  }, deps.sessionSweepMs);
  sweep.unref();

  return {
    namespace: nsp,
    teamsChanged(changed) {
      for (const team of changed) request(team);
    },
    close() {
      closing = true;
      clearInterval(tick);
      clearInterval(sweep);
      for (const state of teams.values()) if (state.timer) clearTimeout(state.timer);
      nsp.disconnectSockets(true);
    },
  };
}
