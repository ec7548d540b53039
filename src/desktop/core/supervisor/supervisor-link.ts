import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import { domainErrorSchema } from '../../../shared/domain/error-schema';
import { err, type DomainError, type Result } from '../../../shared/domain/result';
import type { SupervisorStatus } from '../../../shared/ipc/supervisor-views';
import { ackSchema, SCHEMA_VERSION } from '../../../shared/sync/protocol';
import {
  SUPERVISOR_EVENTS,
  SUPERVISOR_NAMESPACE,
  supervisorSnapshotSchema,
  type SupervisorSnapshot,
} from '../../../shared/supervisor/protocol';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../backoff';
import type { CoreLogger } from '../logger';

export interface SupervisorLinkDeps {
  serverUrl: string;
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
  private socket: Socket | undefined;
  private wanted = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private lastSeq = 0;
  private current: SupervisorStatus = { state: 'off', error: null, retryAt: null };
  private connectWaiters: ((connected: boolean) => void)[] = [];

  constructor(private readonly deps: SupervisorLinkDeps) {}

  status(): SupervisorStatus {
    return this.current;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Subscribes (connecting first when needed) and answers with the first snapshot. */
  async subscribe(): Promise<Result<SupervisorSnapshot>> {
    this.wanted = true;
    if (!this.socket) this.connect();
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

  /** Stops following the board and closes the socket (leaving the view, sign-out, shutdown). */
  /** Closes the link; `reason` (kept for the UI) says why when it was not the user's choice. */
  stop(reason: DomainError | null = null): void {
    this.wanted = false;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    socket?.removeAllListeners();
    socket?.disconnect();
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
    const socket = this.socket;
    if (!socket?.connected) {
      return err(
        'supervisor.offline',
        'The supervisor board is not connected to the server; try again when it shows Live.',
      );
    }
    const answer = await new Promise<{ error: Error | null; answer: unknown }>((resolve) => {
      const onDisconnect = () => resolve({ error: new Error('disconnected'), answer: undefined });
      socket.once('disconnect', onDisconnect);
      socket
        .timeout(this.deps.ackTimeoutMs ?? 30_000)
        .emit(event, payload, (error: Error | null, reply: unknown) => {
          socket.off('disconnect', onDisconnect);
          resolve({ error, answer: reply });
        });
    });
    if (answer.error) {
      return err('supervisor.timeout', `The server did not answer ${event} in time; try again.`);
    }
    const parsed = ackSchema(value).safeParse(answer.answer);
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

  private deliver(snapshot: SupervisorSnapshot): void {
    // seq grows per team; an older snapshot arriving late must not replace a newer one.
    if (snapshot.seq <= this.lastSeq) return;
    this.lastSeq = snapshot.seq;
    this.deps.onSnapshot(snapshot);
  }

  private connect(): void {
    if (!this.wanted) return;
    this.setStatus({ state: 'connecting', error: this.current.error, retryAt: null });
    const socket = io(`${this.deps.serverUrl}${SUPERVISOR_NAMESPACE}`, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      timeout: 10_000,
      auth: (cb) => cb({ token: this.deps.token() ?? '', schemaVersion: SCHEMA_VERSION }),
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.attempt = 0;
      // A reconnect may follow a server restart (seq starts over): accept its first snapshot.
      this.lastSeq = 0;
      this.setStatus({ state: 'live', error: null, retryAt: null });
      // A subscribe() call waiting for this connection subscribes itself; a reconnect re-subscribes here.
      const awaited = this.connectWaiters.length > 0;
      this.settleWaiters(true);
      if (this.wanted && !awaited) void this.resubscribe();
    });
    socket.on('connect_error', (error: Error & { data?: unknown }) => {
      const data = error.data as Partial<DomainError> | undefined;
      const domain: DomainError = {
        code: typeof data?.code === 'string' ? data.code : 'supervisor.unreachable',
        message:
          typeof data?.message === 'string'
            ? data.message
            : `The supervisor board cannot reach the server (${error.message}); it keeps trying.`,
      };
      if (domain.code === 'auth.forbidden') {
        // Not a lead (or no longer): retrying cannot help.
        this.fail(socket, domain);
        return;
      }
      if (domain.code.startsWith('auth.')) {
        this.fail(socket, domain);
        this.deps.onSessionEnded(domain);
        return;
      }
      this.scheduleReconnect(socket, domain);
    });
    socket.on('disconnect', (reason) => {
      this.deps.logger.info('supervisor: disconnected', { reason });
      if (socket !== this.socket) return;
      this.scheduleReconnect(socket, {
        code: 'supervisor.disconnected',
        message: 'The supervisor board lost its connection; it reconnects on its own.',
      });
    });
    socket.on(SUPERVISOR_EVENTS.snapshot, (payload: unknown) => {
      const parsed = supervisorSnapshotSchema.safeParse(payload);
      if (parsed.success) this.deliver(parsed.data);
      else this.deps.logger.warn('supervisor: unreadable snapshot dropped');
    });
    socket.on(SUPERVISOR_EVENTS.accessEnded, (payload: unknown) => {
      // Demoted or moved by an administrator: this board is over (no retry), the session goes on.
      const parsed = domainErrorSchema.safeParse(payload);
      this.fail(
        socket,
        parsed.success
          ? parsed.data
          : {
              code: 'supervisor.access_ended',
              message: 'This supervisor view is no longer available to you.',
            },
      );
    });
    socket.on(SUPERVISOR_EVENTS.sessionExpired, (payload: unknown) => {
      const data = payload as Partial<DomainError> | undefined;
      const domain = {
        code: typeof data?.code === 'string' ? data.code : 'auth.session_expired',
        message: typeof data?.message === 'string' ? data.message : 'Your session ended; sign in again.',
      };
      this.fail(socket, domain);
      this.deps.onSessionEnded(domain);
    });
  }

  private async resubscribe(): Promise<void> {
    const answer = await this.subscribeNow();
    if (!answer.ok) {
      this.deps.logger.warn('supervisor: re-subscribe failed', { code: answer.error.code });
      this.setStatus({ ...this.current, error: answer.error });
    }
  }

  /** Stops for good on this error (no retry), keeping the reason for the UI. */
  private fail(socket: Socket, error: DomainError): void {
    if (socket !== this.socket) return;
    this.stop(error);
  }

  private scheduleReconnect(socket: Socket, error: DomainError): void {
    if (socket !== this.socket) return;
    socket.removeAllListeners();
    socket.disconnect();
    this.socket = undefined;
    this.settleWaiters(false);
    if (!this.wanted) return;
    clearTimeout(this.reconnectTimer);
    const delay = backoffDelay(this.attempt, this.deps.backoff ?? DEFAULT_BACKOFF);
    this.attempt += 1;
    this.setStatus({ state: 'offline', error, retryAt: this.deps.clock() + delay });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.socket) this.connect();
    }, delay);
    this.reconnectTimer.unref?.();
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
