import { err, ok, type DomainError, type Result } from '../../../shared/domain/result';
import type {
  BulkResult,
  DrillDownView,
  ForecastView,
  SupervisorSnapshotView,
  SupervisorStatus,
} from '../../../shared/ipc/supervisor-views';
import type { SessionUser } from '../../../shared/sync/protocol';
import { grantExtraAttempt, reassignCallback } from '../../../shared/sync/registry';
import {
  drillDownResponseSchema,
  forecastSchema,
  SUPERVISOR_EVENTS,
  type DrillDownRequest,
  type ForecastRequest,
} from '../../../shared/supervisor/protocol';
import type { LocalStore } from '../../store/local-store';
import type { BackoffOptions } from '../backoff';
import type { CoreLogger } from '../logger';
import type { NetworkPort } from '../network/network-port';
import { joinDrillDown, joinForecast, joinSnapshot } from './join-names';
import { SupervisorLink } from './supervisor-link';

export interface SupervisorDeskDeps {
  serverUrl: string;
  network: NetworkPort;
  store: LocalStore;
  /** The signed-in user and token; undefined when signed out or the session ended. */
  session: () => { user: SessionUser; token: string } | undefined;
  /** The server ended the session (the agent may sign in again at the lock screen), as opposed to signed out. */
  sessionEnded: () => boolean;
  clock: () => number;
  logger: CoreLogger;
  backoff?: BackoffOptions;
  /** Queues ONE mutation (optimistic apply + outbox), as every other command does. */
  enqueue: (name: string, args: unknown) => Result<{ mutationId: string }>;
  onSnapshot(snapshot: SupervisorSnapshotView): void;
  onStatus(status: SupervisorStatus): void;
  onSessionEnded(error: DomainError): void;
}

const notLead = (): DomainError => ({
  code: 'auth.forbidden',
  message: 'Only team leads can open the supervisor view.',
});

/**
 * The supervisor view's side of the desktop core: the live link for board
 * snapshots, drill-downs and forecasts (names joined from the cache), and bulk
 * actions as one ordinary mutation per callback through the outbox.
 */
export class SupervisorDesk {
  private readonly link: SupervisorLink;
  /** The lead whose board the server's session end closed: it opens again when they sign in again. */
  private resumeFor: string | undefined;
  private subscribedBy: string | undefined;

  constructor(private readonly deps: SupervisorDeskDeps) {
    this.link = new SupervisorLink({
      network: deps.network,
      // Read at each connection: the core moves it to another node when one fails.
      get serverUrl() {
        return deps.serverUrl;
      },
      token: () => deps.session()?.token,
      clock: deps.clock,
      logger: deps.logger,
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
      onSnapshot: (snapshot) => deps.onSnapshot(joinSnapshot(deps.store, snapshot)),
      onStatus: deps.onStatus,
      onSessionEnded: deps.onSessionEnded,
    });
  }

  status(): SupervisorStatus {
    return this.link.status();
  }

  private lead(): Result<SessionUser> {
    const user = this.deps.session()?.user;
    if (!user) return err('session.not_signed_in', 'Sign in first.');
    return user.role === 'lead' ? ok(user) : err(notLead().code, notLead().message);
  }

  async subscribe(): Promise<Result<SupervisorSnapshotView>> {
    const lead = this.lead();
    if (!lead.ok) return lead;
    this.subscribedBy = lead.value.id;
    const first = await this.link.subscribe();
    return first.ok ? ok(joinSnapshot(this.deps.store, first.value)) : first;
  }

  unsubscribe(): Result<null> {
    this.subscribedBy = undefined;
    this.link.stop();
    return ok(null);
  }

  /**
   * The session changed (sign-in, sign-out, expiry, or an administrator changed the
   * user's role): a link opened for another session, or by a lead no more, must go.
   */
  sessionChanged(): void {
    // Signed out: close, and leave no reason of this user's for the next one to read.
    if (!this.deps.session()) {
      // The server ended the session with the board open: it opens again when the same lead signs in again.
      this.resumeFor = this.deps.sessionEnded() ? this.subscribedBy : undefined;
      return this.link.stop();
    }
    const lead = this.lead();
    if (lead.ok && this.resumeFor !== undefined) {
      // Signed in again (the unlock after the server ended the session): the board comes back by itself.
      const same = lead.value.id === this.resumeFor;
      this.resumeFor = undefined;
      if (same) void this.subscribe();
      return;
    }
    if (lead.ok || this.link.status().state === 'off') return;
    this.link.stop(lead.error);
  }

  async drillDown(request: DrillDownRequest): Promise<Result<DrillDownView>> {
    const lead = this.lead();
    if (!lead.ok) return lead;
    const answer = await this.link.request(SUPERVISOR_EVENTS.drillDown, request, drillDownResponseSchema);
    return answer.ok ? ok(joinDrillDown(this.deps.store, answer.value)) : answer;
  }

  async forecast(request: ForecastRequest): Promise<Result<ForecastView>> {
    const lead = this.lead();
    if (!lead.ok) return lead;
    const answer = await this.link.request(SUPERVISOR_EVENTS.forecast, request, forecastSchema);
    return answer.ok ? ok(joinForecast(this.deps.store, answer.value)) : answer;
  }

  /** One `callback.reassign` per callback; one refused here does not stop the others. */
  reassign(args: { callbackIds: readonly string[]; assigneeId: string | null }): Result<BulkResult> {
    return this.each(args.callbackIds, (callbackId) =>
      this.deps.enqueue(reassignCallback.name, { callbackId, assigneeId: args.assigneeId }),
    );
  }

  grantExtraAttempts(args: { callbackIds: readonly string[] }): Result<BulkResult> {
    return this.each(args.callbackIds, (callbackId) =>
      this.deps.enqueue(grantExtraAttempt.name, { callbackId }),
    );
  }

  private each(
    callbackIds: readonly string[],
    run: (callbackId: string) => Result<{ mutationId: string }>,
  ): Result<BulkResult> {
    const lead = this.lead();
    if (!lead.ok) return lead;
    const result: BulkResult = { mutationIds: [], refused: [] };
    for (const callbackId of new Set(callbackIds)) {
      const done = run(callbackId);
      if (done.ok) result.mutationIds.push(done.value.mutationId);
      else result.refused.push({ callbackId, code: done.error.code, message: done.error.message });
    }
    return ok(result);
  }

  close(): void {
    this.link.stop();
  }
}
