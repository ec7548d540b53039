import type { Socket } from 'socket.io-client';
import type { z } from 'zod';
import { domainErrorSchema } from '../../../shared/domain/error-schema';
import { err, type DomainError, type Result } from '../../../shared/domain/result';
import type { SupervisorStatus } from '../../../shared/ipc/supervisor-views';
import { ackSchema, SCHEMA_VERSION } from '../../../shared/sync/protocol';
import {
  HEARTBEAT_MS,
  heartbeatSchema,
  SUPERVISOR_EVENTS,
  SUPERVISOR_NAMESPACE,
  supervisorSnapshotSchema,
  type SupervisorSnapshot,
} from '../../../shared/supervisor/protocol';

/** Heartbeat periods without a word from the server after which a live board is stale (protocol.ts). */
const STALE_AFTER_PERIODS = 2;
import type { BackoffOptions } from '../backoff';
import type { CoreLogger } from '../logger';
import type { NetworkPort } from '../network/network-port';
import { SocketConnection } from '../socket-connection';

export interface SupervisorLinkDeps {
  serverUrl: string;
  network: NetworkPort;
  token: () => string | undefined;
  clock: () => number;
  logger: CoreLogger;
  backoff?: BackoffOptions;
  ackTimeoutMs?: number;
  onSnapshot(snapshot: SupervisorSnapshot): void;
  onStatus(status: SupervisorStatus): void;
  /** The server refused the session (expired, signed out elsewhere): the sync engine ends it too. */
  onSessionEnded(error: DomainError): void;
}

/**
 * The lead's second socket: the `/supervisor` namespace on the sync server, with
 * the same session token. It connects only while the supervisor view is open
 * (subscribed), reconnects with the core's backoff and re-subscribes on every
 * connect, and drops snapshots older than the one last delivered (`seq`).
 */
export class SupervisorLink {
  private readonly connection: SocketConnection;
  private lastSeq = 0;
  /** When the server last said the board is current (a snapshot, a heartbeat, the connect). */
  private lastHeardAt = 0;
  private current: SupervisorStatus = { state: 'off', error: null, retryAt: null };
  private connectWaiters: ((connected: boolean) => void)[] = [];

  constructor(private readonly deps: SupervisorLinkDeps) {
    this.connection = new SocketConnection({
      network: deps.network,
      get url() {
        return `${deps.serverUrl}${SUPERVISOR_NAMESPACE}`;
      },
      auth: () => ({ token: deps.token() ?? '', schemaVersion: SCHEMA_VERSION }),
      sessionExpiredEvent: SUPERVISOR_EVENTS.sessionExpired,
      logName: 'supervisor',
      clock: deps.clock,
      logger: deps.logger,
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
      unreachable: (detail) => ({
        code: 'supervisor.unreachable',
        message: `The supervisor board cannot reach the server (${detail}); it keeps trying.`,
      }),
      disconnected: {
        code: 'supervisor.disconnected',
        message: 'The supervisor board lost its connection; it reconnects on its own.',
      },
      onConnecting: () => this.setStatus({ state: 'connecting', error: this.current.error, retryAt: null }),
      onConnect: () => this.onLive(),
      listen: (socket) => this.listen(socket),
      onEnded: (error) => {
        this.stop(error);
        // Not a lead (or no longer): retrying cannot help, but the session goes on.
        if (error.code !== 'auth.forbidden') deps.onSessionEnded(error);
      },
      onRetrying: (error, retryAt) => {
        this.settleWaiters(false);
        this.setStatus({ state: 'offline', error, retryAt });
      },
    });
  }

  status(): SupervisorStatus {
    return this.current;
  }

  get connected(): boolean {
    return this.connection.connected;
  }

  /** Subscribes (connecting first when needed) and answers with the first snapshot. */
  async subscribe(): Promise<Result<SupervisorSnapshot>> {
    if (!this.connection.isOpen) this.connection.open();
    // Waiting out a backoff delay: the lead opened the view, so try now.
    else if (!this.connection.socket) this.connection.retryNow();
    const connected = this.connected || (await this.waitForConnect());
    if (!connected) {
      return err(
        this.current.error?.code ?? 'supervisor.unreachable',
        this.current.error?.message ??
          'The supervisor board cannot reach the server right now; it keeps trying and updates when it can.',
      );
    }
    return this.subscribeNow();
  }

  /** Closes the link (leaving the view, sign-out, shutdown); `reason` (kept for the UI) says why when it was not the user's choice. */
  stop(reason: DomainError | null = null): void {
    this.connection.close();
    this.lastSeq = 0;
    this.settleWaiters(false);
    this.setStatus({ state: 'off', error: reason, retryAt: null });
  }

  /** One request with an acknowledgement, its answer checked against `value`. */
  async request<T extends z.ZodType>(
    event: string,
    payload: unknown,
    value: T,
  ): Promise<Result<z.output<T>>> {
    const outcome = await this.connection.request(event, payload, this.deps.ackTimeoutMs ?? 30_000);
    if (!outcome.ok && outcome.failure === 'offline') {
      return err(
        'supervisor.offline',
        'The supervisor board is not connected to the server; try again when it shows Live.',
      );
    }
    if (!outcome.ok) {
      return err('supervisor.timeout', `The server did not answer ${event} in time; try again.`);
    }
    const parsed = ackSchema(value).safeParse(outcome.answer);
    if (!parsed.success) {
      return err(
        'supervisor.bad_response',
        `The server answered ${event} with something this desktop cannot read.`,
      );
    }
    return parsed.data as Result<z.output<T>>;
  }

  private async subscribeNow(): Promise<Result<SupervisorSnapshot>> {
    const answer = await this.request(SUPERVISOR_EVENTS.subscribe, {}, supervisorSnapshotSchema);
    if (answer.ok) this.deliver(answer.value);
    return answer;
  }

  /**
   * A live board that heard neither a snapshot nor a heartbeat for two periods shows
   * figures that may be wrong (a server restarted behind a balancer, a half-open
   * connection): it says so ("Reconnecting…", figures from their time) and reconnects,
   * which re-subscribes and brings a fresh snapshot. The core's timer calls it.
   */
  checkFreshness(now: number): void {
    if (this.current.state !== 'live' || now - this.lastHeardAt <= STALE_AFTER_PERIODS * HEARTBEAT_MS) return;
    this.deps.logger.warn('supervisor: no snapshot or heartbeat in time; reconnecting');
    this.setStatus({
      state: 'offline',
      error: {
        code: 'supervisor.stale',
        message: 'The supervisor board heard nothing from the server in time; it reconnects on its own.',
      },
      retryAt: null,
    });
    this.connection.retryNow();
  }

  private deliver(snapshot: SupervisorSnapshot): void {
    this.lastHeardAt = this.deps.clock();
    // seq grows per team; an older snapshot arriving late must not replace a newer one.
    if (snapshot.seq <= this.lastSeq) return;
    this.lastSeq = snapshot.seq;
    this.deps.onSnapshot(snapshot);
  }

  private onLive(): void {
    // A reconnect may follow a server restart (seq starts over): accept its first snapshot.
    this.lastSeq = 0;
    this.lastHeardAt = this.deps.clock();
    this.setStatus({ state: 'live', error: null, retryAt: null });
    // A subscribe() call waiting for this connection subscribes itself; a reconnect re-subscribes here.
    const awaited = this.connectWaiters.length > 0;
    this.settleWaiters(true);
    if (!awaited) void this.resubscribe();
  }

  private listen(socket: Socket): void {
    socket.on(SUPERVISOR_EVENTS.snapshot, (payload: unknown) => {
      const parsed = supervisorSnapshotSchema.safeParse(payload);
      if (parsed.success) this.deliver(parsed.data);
      else this.deps.logger.warn('supervisor: unreadable snapshot dropped');
    });
    socket.on(SUPERVISOR_EVENTS.heartbeat, (payload: unknown) => {
      if (heartbeatSchema.safeParse(payload).success) this.lastHeardAt = this.deps.clock();
    });
    socket.on(SUPERVISOR_EVENTS.accessEnded, (payload: unknown) => {
      if (socket !== this.connection.socket) return;
      // Demoted or moved by an administrator: this board is over (no retry), the session goes on.
      const parsed = domainErrorSchema.safeParse(payload);
      this.stop(
        parsed.success
          ? parsed.data
          : {
              code: 'supervisor.access_ended',
              message: 'This supervisor view is no longer available to you.',
            },
      );
    });
  }

  private async resubscribe(): Promise<void> {
    const answer = await this.subscribeNow();
    if (!answer.ok) {
      this.deps.logger.warn('supervisor: re-subscribe failed', { code: answer.error.code });
      this.setStatus({ ...this.current, error: answer.error });
    }
  }

  private waitForConnect(): Promise<boolean> {
    return new Promise((resolve) => this.connectWaiters.push(resolve));
  }

  private settleWaiters(connected: boolean): void {
    const waiters = this.connectWaiters;
    this.connectWaiters = [];
    for (const w of waiters) w(connected);
  }

  private setStatus(status: SupervisorStatus): void {
    const same =
      status.state === this.current.state &&
      status.retryAt === this.current.retryAt &&
      status.error?.code === this.current.error?.code;
    this.current = status;
    if (!same) this.deps.onStatus(status);
  }
}
