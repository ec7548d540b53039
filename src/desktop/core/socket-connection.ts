import { io, type Socket } from 'socket.io-client';
import type { DomainError } from '../../shared/domain/result';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { CoreLogger } from './logger';
import type { NetworkPort } from './network/network-port';
import { problemOf } from './network/network-problem';

/** How long socket.io waits for a connection before `connect_error`. */
const CONNECT_TIMEOUT_MS = 10_000;

export interface SocketConnectionOptions {
  /** The server URL, with the namespace when not the default one (read at every connect: the core may move to another node). */
  readonly url: string;
  /** The agent comes from here: the proxy and the trusted authorities. */
  network: NetworkPort;
  /** The handshake's `auth` payload, read at every (re)connect (the token may have changed). */
  auth: () => Record<string, unknown>;
  /** The event the server sends when it ends the session on an open socket. */
  sessionExpiredEvent: string;
  /** Names the connection in log lines ("sync", "supervisor"). */
  logName: string;
  clock: () => number;
  logger: CoreLogger;
  backoff?: BackoffOptions;
  /** The reason shown when the server cannot be reached and did not say why. */
  unreachable: (detail: string) => DomainError;
  /** The reason shown when an open connection drops. */
  disconnected: DomainError;
  /** A new socket is being opened (the first time, or after the backoff delay). */
  onConnecting(): void;
  /** The socket is connected (again): the backoff starts over. */
  onConnect(socket: Socket): void;
  /** The app's own events on each new socket (pokes, snapshots…). */
  listen?(socket: Socket): void;
  /**
   * The server refused the session (an `auth.*` code when connecting, or its
   * session-expired event): the connection is closed and does not retry.
   */
  onEnded(error: DomainError): void;
  /** The connection is down and retries at `retryAt` (ms, this clock). */
  onRetrying(error: DomainError, retryAt: number): void;
}

/** How an acknowledged request ended when no answer came. */
export type RequestFailure = 'offline' | 'disconnected' | 'timeout';
export type RequestOutcome = { ok: true; answer: unknown } | { ok: false; failure: RequestFailure };

/**
 * One socket.io connection the desktop keeps open: its own reconnection with
 * exponential backoff and jitter (socket.io's is off, so every desktop's retry
 * is spread out and each new socket re-reads the token), `connect_error` and the
 * session-expired event read into DomainErrors, and requests with an
 * acknowledgement that fail on timeout or when the connection drops. The sync
 * engine and the supervisor link each keep one.
 */
export class SocketConnection {
  private current: Socket | undefined;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private wanted = false;

  constructor(private readonly options: SocketConnectionOptions) {}

  get socket(): Socket | undefined {
    return this.current;
  }

  get connected(): boolean {
    return this.current?.connected ?? false;
  }

  /** Opened (connecting, connected or waiting to retry) and not closed since. */
  get isOpen(): boolean {
    return this.wanted;
  }

  /** Starts connecting, with a fresh backoff; does nothing when already open. */
  open(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.attempt = 0;
    this.connect();
  }

  /** Disconnects and stops retrying. */
  close(): void {
    this.wanted = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.drop();
  }

  /** Connects now instead of waiting for the backoff delay (the "retry" button). */
  retryNow(): void {
    if (!this.wanted) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.drop();
    this.connect();
  }

  /** Drops the connection and retries after the backoff delay (a request on it failed). */
  retryLater(error: DomainError): void {
    if (this.current) this.scheduleRetry(this.current, error);
  }

  /** One request with an acknowledgement, on the current socket. Never rejects. */
  request(event: string, payload: unknown, timeoutMs: number): Promise<RequestOutcome> {
    const socket = this.current;
    if (!socket?.connected) return Promise.resolve({ ok: false, failure: 'offline' });
    return new Promise((resolve) => {
      const onDisconnect = () => resolve({ ok: false, failure: 'disconnected' });
      socket.once('disconnect', onDisconnect);
      socket.timeout(timeoutMs).emit(event, payload, (error: Error | null, answer: unknown) => {
        socket.off('disconnect', onDisconnect);
        resolve(error ? { ok: false, failure: 'timeout' } : { ok: true, answer });
      });
    });
  }

  private connect(): void {
    if (!this.wanted) return;
    const { options } = this;
    options.onConnecting();
    const socket = io(options.url, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      timeout: CONNECT_TIMEOUT_MS,
      // engine.io-client hands it to `ws` (its type says string | boolean, from the browser build).
      agent: options.network.agentFor(options.url) as unknown as string,
      auth: (cb) => cb(options.auth()),
    });
    this.current = socket;
    socket.on('connect', () => {
      this.attempt = 0;
      options.onConnect(socket);
    });
    socket.on('connect_error', (error: Error & { data?: unknown; description?: unknown }) => {
      const cause = causeOf(error);
      const detail = cause instanceof Error ? cause.message : error.message;
      const reason = problemOf(cause) ?? serverError(error.data, options.unreachable(detail));
      if (reason.code.startsWith('auth.')) this.end(socket, reason);
      else this.scheduleRetry(socket, reason);
    });
    socket.on('disconnect', (why) => {
      options.logger.info(`${options.logName}: disconnected`, { reason: why });
      this.scheduleRetry(socket, options.disconnected);
    });
    socket.on(options.sessionExpiredEvent, (payload: unknown) =>
      this.end(
        socket,
        serverError(payload, { code: 'auth.session_expired', message: 'Your session ended; sign in again.' }),
      ),
    );
    options.listen?.(socket);
  }

  private end(socket: Socket, error: DomainError): void {
    if (socket !== this.current) return;
    this.close();
    this.options.onEnded(error);
  }

  private scheduleRetry(socket: Socket, error: DomainError): void {
    if (!this.wanted || socket !== this.current) return;
    this.drop();
    clearTimeout(this.timer);
    const delay = backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF);
    this.attempt += 1;
    this.options.onRetrying(error, this.options.clock() + delay);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.current) this.connect();
    }, delay);
    this.timer.unref?.();
  }

  private drop(): void {
    const socket = this.current;
    this.current = undefined;
    socket?.removeAllListeners();
    socket?.disconnect();
  }
}

/**
 * The error under a failed connection: engine.io-client reports "websocket error"
 * and keeps the `ws` error event (whose `error` is the agent's) as its description.
 */
function causeOf(error: { description?: unknown }): unknown {
  const event = error.description;
  return typeof event === 'object' && event !== null && 'error' in event ? event.error : undefined;
}

/** The server's reason (a `{code, message}` it attached), each part falling back to ours. */
function serverError(data: unknown, fallback: DomainError): DomainError {
  const sent = (typeof data === 'object' && data !== null ? data : {}) as Partial<DomainError>;
  return {
    code: typeof sent.code === 'string' ? sent.code : fallback.code,
    message: typeof sent.message === 'string' ? sent.message : fallback.message,
  };
}
