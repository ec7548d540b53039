import type { Server, Socket } from 'socket.io';
import type { DomainError } from '../../shared/domain/result';
import { SUPERVISOR_NAMESPACE } from '../../shared/supervisor/protocol';
import { expireSocket } from './socket-events';

/** What every signed-in socket carries, on either channel. */
export interface SessionSocketData {
  sessionId: string;
  user: { id: string };
}

const CHANNELS = ['/', SUPERVISOR_NAMESPACE] as const;

/**
 * Tells every socket on THIS node, on every channel (sync and supervisor), whose session
 * matches why it ended (`session-expired`) and closes it. The other nodes do the same
 * with theirs when the cluster tells them (socket-server.ts, CLUSTER_EVENTS).
 */
export function expireLocalSockets(
  io: Server,
  matches: (data: SessionSocketData) => boolean,
  error: DomainError,
): void {
  for (const name of CHANNELS) {
    for (const socket of io.of(name).sockets.values() as IterableIterator<Socket>) {
      const data = socket.data as Partial<SessionSocketData>;
      if (data.sessionId !== undefined && data.user !== undefined && matches(data as SessionSocketData))
        expireSocket(socket, error);
    }
  }
}
