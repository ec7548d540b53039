import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { parseUnknown } from '../../shared/domain/parse';
import { err, type DomainError, type Result } from '../../shared/domain/result';
import { EVENTS, type Ack } from '../../shared/sync/protocol';
import type { Logger } from '../logger';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are validated with zod at runtime
type LooseEvents = Record<string, (...args: any[]) => void>;

/** A server-side socket whose payloads are checked at runtime, carrying the channel's data `D`. */
export type ServerSocket<D> = Socket<LooseEvents, LooseEvents, LooseEvents, D>;

/** The per-event check's answer: what the handler works with, or a refusal and what then happens to the socket. */
export type Authorization<C> =
  | { ok: true; value: C }
  | {
      ok: false;
      error: DomainError;
      /** Runs once the refusal was answered (end the session's socket, end the view). */
      close: () => void;
    };

/** What each channel (sync, supervisor) brings to its sockets' events. */
export interface EventChannel<D, C> {
  log: Logger;
  /** Counts a malformed or unknown message (metrics). */
  protocolError(): void;
  /** Checks, before each event, that the socket's user may still send it (session, role, scope). */
  authorize(socket: ServerSocket<D>, touch: boolean): Authorization<C> | Promise<Authorization<C>>;
}

export interface EventSpec<S extends z.ZodType, C, T> {
  schema: S;
  /**
   * Whether the event is user activity for the idle timeout (machine traffic like pulls is
   * not); a function when that depends on the payload.
   */
  touch: boolean | ((payload: z.output<S>) => boolean);
  run(payload: z.output<S>, context: C): Promise<Result<T>>;
}

/** Tells the socket its session ended (signed out, expired, idle, disabled) and closes it. */
export function expireSocket(socket: Socket, error: DomainError): void {
  socket.emit(EVENTS.sessionExpired, error);
  socket.disconnect(true);
}

/**
 * The client events of one socket, each answered the same way: the ack must be a
 * function, the one payload must parse, the channel must still authorize the
 * user, and the ack carries `{ ok, value } | { ok, error }`. Nothing thrown
 * escapes: it is logged (ids only, never the payload) and answered `server.error`.
 * Events not registered with `on` are refused as unknown.
 */
export class SocketEvents<D extends { user: { id: string } }, C> {
  private readonly known = new Set<string>();

  constructor(
    private readonly socket: ServerSocket<D>,
    private readonly channel: EventChannel<D, C>,
  ) {
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event !== 'string' || !this.known.has(event)) this.refuseUnknown(event, args);
    });
  }

  on<S extends z.ZodType, T>(event: string, spec: EventSpec<S, C, T>): void {
    this.known.add(event);
    this.socket.on(event, (...args: unknown[]) => void this.answer(event, spec, args));
  }

  private async answer<S extends z.ZodType, T>(
    event: string,
    spec: EventSpec<S, C, T>,
    args: unknown[],
  ): Promise<void> {
    const ack = args.at(-1);
    if (typeof ack !== 'function') {
      this.channel.protocolError();
      this.socket.emit(EVENTS.protocolError, {
        code: 'protocol.ack_required',
        message: `"${event}" needs an acknowledgement callback.`,
      });
      return;
    }
    const reply = (value: Ack<T>) => (ack as (v: Ack<T>) => void)(value);
    try {
      if (args.length !== 2) {
        this.channel.protocolError();
        return reply(err('protocol.bad_payload', `"${event}" takes exactly one payload object.`));
      }
      const payload = parseUnknown(
        spec.schema,
        args[0],
        'protocol.bad_payload',
        `The ${event} payload`,
        'payload',
      );
      if (!payload.ok) {
        this.channel.protocolError();
        return reply(payload);
      }
      const touch = typeof spec.touch === 'function' ? spec.touch(payload.value) : spec.touch;
      const allowed = await this.channel.authorize(this.socket, touch);
      if (!allowed.ok) {
        reply({ ok: false, error: allowed.error });
        allowed.close();
        return;
      }
      reply(await spec.run(payload.value, allowed.value));
    } catch (error) {
      this.channel.log.error(
        { err: error, event, nsp: this.socket.nsp.name, userId: this.socket.data.user.id },
        'socket handler failed',
      );
      reply(err('server.error', 'The server could not process this request; it was not applied. Try again.'));
    }
  }

  private refuseUnknown(event: unknown, args: unknown[]): void {
    this.channel.protocolError();
    const error = {
      code: 'protocol.unknown_event',
      message: `Unknown event "${String(event).slice(0, 60)}".`,
    };
    const ack = args.at(-1);
    if (typeof ack === 'function') (ack as (v: Ack<never>) => void)({ ok: false, error });
    else this.socket.emit(EVENTS.protocolError, error);
  }
}
