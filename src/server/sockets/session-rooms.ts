import type { Server } from 'socket.io';
import type { DomainError } from '../../shared/domain/result';
import { EVENTS } from '../../shared/sync/protocol';
import { SUPERVISOR_NAMESPACE } from '../../shared/supervisor/protocol';

/**
 * Rooms every socket of a session joins, on every channel (sync and supervisor), so a
 * session or a whole account can be ended with one room operation. Room emits and
 * `disconnectSockets` go through the socket.io adapter: with several server nodes
 * sharing one (docs/deployment.md) they reach the sockets on every node.
 */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/** The rooms a socket of this session joins. */
export function sessionRooms(session: { sessionId: string; userId: string }): string[] {
  return [sessionRoom(session.sessionId), userRoom(session.userId)];
}

const CHANNELS = ['/', SUPERVISOR_NAMESPACE] as const;

/** Tells every socket in `room` why its session ended (`session-expired`) and closes it. */
export function endSocketsIn(io: Server, room: string, error: DomainError): void {
  for (const name of CHANNELS) {
    const nsp = io.of(name);
    nsp.to(room).emit(EVENTS.sessionExpired, error);
    nsp.in(room).disconnectSockets(true);
  }
}
