import { err, ok } from '../../shared/domain/result';
import {
  EVENTS,
  presenceRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  type SessionUser,
} from '../../shared/sync/protocol';
import type { AuthService } from '../auth/auth-service';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { PolicyAt } from '../policy/policy-book';
import { expireSocket, SocketEvents, type Authorization, type EventChannel } from '../sockets/socket-events';
import type { ServerStore } from '../storage/server-store';
import type { InFlight } from './in-flight';
import type { Pokes } from './pokes';
import { applyPresence } from './presence';
import { servePull, type PullService } from './pull';
import type { PlanNotices } from '../notices/notice-planner';
import { applyPush } from './push';
import { pokeRoom, type SyncSocket, type SyncSocketData } from './sync-socket';
import { placeCallArgsSchema, TELEPHONY_EVENTS } from '../../shared/telephony/desk-events';
import type { PlaceCall } from '../telephony/place-call';

export interface SyncEventDeps {
  store: ServerStore;
  /** Pushes under way (a graceful stop waits for them). */
  pushes: InFlight;
  auth: AuthService;
  policyAt: PolicyAt;
  clock: () => number;
  log: Logger;
  metrics: Metrics;
  pulls: PullService;
  poke: Pokes['poke'];
  /** Brings the notice outbox in step with the callbacks a push wrote, after its commit. */
  planNotices?: PlanNotices;
  /** The cti port's place-call (absent: the event is answered `telephony.not_configured`). */
  placeCall?: PlaceCall;
}

/** The sync channel's per-event check: the session is still good (else it ends here). */
function syncChannel(deps: SyncEventDeps): EventChannel<SyncSocketData, SessionUser> {
  return {
    log: deps.log,
    protocolError: () => {
      deps.metrics.protocolErrors += 1;
    },
    async authorize(socket: SyncSocket, touch: boolean): Promise<Authorization<SessionUser>> {
      const session = await deps.auth.authenticate(socket.data.token, { touch });
      if (!session.ok) return { ...session, close: () => expireSocket(socket, session.error) };
      // An administrator may have moved the user or changed their role: follow the new scope's pokes.
      const heard = pokeRoom(socket.data.user);
      socket.data.user = session.value.user;
      if (pokeRoom(session.value.user) !== heard) {
        void socket.leave(heard);
        void socket.join(pokeRoom(session.value.user));
      }
      return ok(session.value.user);
    },
  };
}

/** push, pull, presence and place-call on one desktop's socket (docs/protocol.md, docs/telephony.md). */
export function registerSyncEvents(socket: SyncSocket, deps: SyncEventDeps): void {
  const { store, metrics, poke } = deps;
  const { clientId } = socket.data;
  const events = new SocketEvents(socket, syncChannel(deps));

  events.on(EVENTS.push, {
    schema: pushRequestSchema,
    touch: true,
    run: async (req, user) => {
      if (req.clientId !== clientId) {
        return err(
          'auth.client_mismatch',
          'This push names a different desktop (clientId) than the connection.',
        );
      }
      const { ip: sourceIp, desk } = socket.data;
      const context = { user, clientId, sourceIp, desk, policyAt: deps.policyAt, clock: deps.clock };
      const pushed = await deps.pushes.track(() => applyPush(store, context, req.mutations));
      if (deps.planNotices && pushed.callbackIds.length > 0) {
        // After the commit, in its own transaction: the outbox ids are idempotency keys, so a
        // plan repeated (or run by another node) queues nothing twice.
        try {
          const planned = await deps.planNotices(pushed.callbackIds);
          for (const team of planned.teams) pushed.changedTeams.add(team);
          pushed.lastVersion = planned.lastVersion ?? pushed.lastVersion;
        } catch (error) {
          deps.log.error({ err: error }, 'notice planning after a push failed');
        }
      }
      for (const r of pushed.results) {
        if (r.status === 'applied') metrics.mutationsApplied += 1;
        else if (r.status === 'rejected') metrics.mutationsRejected += 1;
        else metrics.mutationsDuplicate += 1;
      }
      poke(pushed.changedTeams, pushed.lastVersion);
      return ok({ results: pushed.results });
    },
  });

  events.on(EVENTS.pull, {
    schema: pullRequestSchema,
    touch: false,
    run: async (req, user) => {
      metrics.pulls += 1;
      const answer = await servePull(
        deps.pulls,
        { user, clientId, sourceIp: socket.data.ip, clock: deps.clock },
        req,
      );
      if (answer.ok && !answer.value.more) socket.data.caughtUpAt = answer.value.cursor;
      return answer;
    },
  });

  events.on(EVENTS.presence, {
    schema: presenceRequestSchema,
    // A desktop's lock reporting "away" is not the agent at the keyboard: it must not keep the session alive.
    touch: (req) => req.status !== 'away-locked',
    run: async (req, user) => {
      const applied = await applyPresence(
        store.db,
        { user, clientId, policyAt: deps.policyAt, clock: deps.clock },
        req,
      );
      if (!applied.ok) return applied;
      if (applied.value.version !== undefined) poke([applied.value.team], applied.value.version);
      return ok({ version: applied.value.version ?? 0 });
    },
  });

  events.on(TELEPHONY_EVENTS.placeCall, {
    schema: placeCallArgsSchema,
    touch: true,
    run: async (args, user) =>
      deps.placeCall
        ? deps.placeCall(user, args, socket.data.ip)
        : err(
            'telephony.not_configured',
            'This server places no calls; dial by hand or through your softphone.',
          ),
  });
}
