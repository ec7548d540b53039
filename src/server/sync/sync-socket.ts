import type { Server } from 'socket.io';
import type { SessionUser } from '../../shared/sync/protocol';
import type { ServerSocket } from '../sockets/socket-events';

/** What the handshake stores on a sync socket. */
export interface SyncSocketData {
  user: SessionUser;
  sessionId: string;
  clientId: string;
  token: string;
  ip: string | null;
  /** The installation's desk code (reference numbers); null when the desktop sent no installation key. */
  desk: number | null;
  /**
   * The version this desktop was last seen caught up at (a pull answered with nothing
   * more, or a poke's page sent): a poke brings it the rows from there (poke-pages.ts).
   */
  caughtUpAt?: number;
}

export type SyncSocket = ServerSocket<SyncSocketData>;

/** Admins pull every team's users (and nothing else of a team): they hear about user changes only. */
export const ADMIN_ROOM = 'admins';
export const teamRoom = (team: string) => `team:${team}`;
export const sessionRoom = (sid: string) => `session:${sid}`;
/** Every sync socket of one user, on any node (is their last desktop gone? telephony events for that agent). */
export const userRoom = (userId: string) => `user:${userId}`;
/** The room whose pokes a user's sockets hear. */
export const pokeRoom = (user: SessionUser) => (user.role === 'admin' ? ADMIN_ROOM : teamRoom(user.team));

/** The connected sync sockets (the default namespace). */
export function syncSockets(io: Server): IterableIterator<SyncSocket> {
  return io.sockets.sockets.values() as IterableIterator<SyncSocket>;
}
