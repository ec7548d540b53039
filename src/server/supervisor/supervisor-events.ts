import { err, ok, type Result } from '../../shared/domain/result';
import { summarizeCallback } from '../../shared/supervisor/board';
import { forecastBreaches, type Forecast } from '../../shared/supervisor/forecast/forecast';
import {
  DRILL_DOWN_DEFAULT_LIMIT,
  SUPERVISOR_EVENTS,
  drillDownRequestSchema,
  forecastRequestSchema,
  subscribeRequestSchema,
  unsubscribeRequestSchema,
  type DrillDownResponse,
  type SupervisorSnapshot,
} from '../../shared/supervisor/protocol';
import type { SessionUser } from '../../shared/sync/protocol';
import { appendAudit } from '../audit';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { SocketEvents, type EventChannel, type EventSpec } from '../sockets/socket-events';
import type { Db } from '../storage/database';
import type { BoardSender } from './board-sender';
import type { SupervisorGate } from './supervisor-gate';
import type { SupervisorIndex } from './supervisor-index';
import {
  subscribedTeams,
  teamRoom,
  type SupervisorSocket,
  type SupervisorSocketData,
} from './supervisor-socket';

export interface SupervisorEventDeps {
  db: Db;
  clock: () => number;
  log: Logger;
  metrics: Metrics;
  index: SupervisorIndex;
  gate: SupervisorGate;
  boards: BoardSender;
  /** Brings the index up to date with the database before a read. */
  catchUp: () => Promise<void>;
}

/** Audits an action of the socket's user (ids and codes only). */
type Audit = (action: string, outcome: string, detail: object | null, entityType?: string) => Promise<void>;

/** subscribe, unsubscribe, drill-down and forecast on one lead's socket (docs/supervisor.md). */
export function registerSupervisorEvents(socket: SupervisorSocket, deps: SupervisorEventDeps): void {
  const events = new SocketEvents(socket, supervisorChannel(deps));
  const audit: Audit = async (action, outcome, detail, entityType) => {
    await appendAudit(deps.db, {
      at: deps.clock(),
      actorId: socket.data.user.id,
      action,
      entityType: entityType ?? null,
      sourceIp: socket.data.ip,
      outcome,
      detail: detail as Record<string, unknown> | null,
    });
  };
  events.on(SUPERVISOR_EVENTS.subscribe, subscribe(socket, deps, audit));
  events.on(SUPERVISOR_EVENTS.unsubscribe, {
    schema: unsubscribeRequestSchema,
    touch: true,
    run: async () => {
      for (const team of subscribedTeams(socket)) await socket.leave(teamRoom(team));
      return ok(null);
    },
  });
  events.on(SUPERVISOR_EVENTS.drillDown, drillDown(deps, audit));
  events.on(SUPERVISOR_EVENTS.forecast, forecast(deps, audit));
}

/** The per-event check: a lead's valid session; then the index catches up, so an answer shows every committed write. */
function supervisorChannel(deps: SupervisorEventDeps): EventChannel<SupervisorSocketData, SessionUser> {
  return {
    log: deps.log,
    protocolError: () => {
      deps.metrics.protocolErrors += 1;
    },
    authorize: async (socket) => {
      const allowed = await deps.gate.authorize(socket);
      if (allowed.ok) await deps.catchUp();
      return allowed;
    },
  };
}

function subscribe(
  socket: SupervisorSocket,
  deps: SupervisorEventDeps,
  audit: Audit,
): EventSpec<typeof subscribeRequestSchema, SessionUser, SupervisorSnapshot> {
  return {
    schema: subscribeRequestSchema,
    touch: true,
    run: async (req, user) => {
      if (req.team !== undefined && req.team !== user.team) {
        await audit('supervisor.subscribe', 'rejected', { code: 'auth.forbidden', team: req.team });
        return err('auth.forbidden', `Team leads see only their own team (${user.team}).`);
      }
      // A lead moved to another team by an admin leaves the old team's room.
      for (const team of subscribedTeams(socket)) if (team !== user.team) void socket.leave(teamRoom(team));
      await audit('supervisor.subscribe', 'applied', { team: user.team });
      // Joined just before the board is read: a send in between would repeat the answer's board.
      await socket.join(teamRoom(user.team));
      return ok(deps.boards.answerSubscribe(socket, user.team));
    },
  };
}

function drillDown(
  deps: SupervisorEventDeps,
  audit: Audit,
): EventSpec<typeof drillDownRequestSchema, SessionUser, DrillDownResponse> {
  return {
    schema: drillDownRequestSchema,
    touch: true,
    run: async (req, user) => {
      const now = deps.clock();
      const all = deps.index.callbacksFor(user.team, req.figure, now, req.urgency);
      const offset = req.offset ?? 0;
      const page = all.slice(offset, offset + (req.limit ?? DRILL_DOWN_DEFAULT_LIMIT));
      const detail = { figure: req.figure, urgency: req.urgency ?? null, ids: page.map((c) => c.id) };
      await audit('supervisor.drill-down', 'applied', detail, 'callbacks');
      return ok({
        figure: req.figure,
        urgency: req.urgency ?? null,
        at: now,
        total: all.length,
        offset,
        items: page.map((cb) => summarizeCallback(cb, now, deps.index.policy)),
      });
    },
  };
}

function forecast(
  deps: SupervisorEventDeps,
  audit: Audit,
): EventSpec<typeof forecastRequestSchema, SessionUser, Forecast> {
  return {
    schema: forecastRequestSchema,
    touch: true,
    run: async (req, user): Promise<Result<Forecast>> => {
      const now = deps.clock();
      const inputs = {
        agentsOnShift: req.agentsOnShift ?? deps.index.agentsOnShift(user.team, now),
        averageHandleMinutes: req.averageHandleMinutes,
        unreachedShare: req.unreachedShare,
        arrivals: req.arrivals ?? null,
        horizonHours: req.horizonHours,
      };
      const result = forecastBreaches(deps.index.openCallbacks(user.team), inputs, now, deps.index.policy);
      const detail = result.ok ? null : { code: result.error.code };
      await audit('supervisor.forecast', result.ok ? 'applied' : 'rejected', detail);
      return result;
    },
  };
}
