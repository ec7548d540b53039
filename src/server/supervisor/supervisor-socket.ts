import type { Namespace } from 'socket.io';
import type { SessionUser } from '../../shared/sync/protocol';
import type { ServerSocket } from '../sockets/socket-events';

/** What the handshake stores on a supervisor socket. */
export interface SupervisorSocketData {
  user: SessionUser;
  sessionId: string;
  token: string;
  ip: string | null;
  /** The board body (boardBody) this socket was last given, by a snapshot or its subscribe answer. */
  shown?: string;
}

export type SupervisorSocket = ServerSocket<SupervisorSocketData>;

const TEAM_ROOM_PREFIX = 'team:';
/** Subscribers of a team's board share this room. */
export const teamRoom = (team: string) => `${TEAM_ROOM_PREFIX}${team}`;

/** The teams whose boards the socket is subscribed to. */
export function subscribedTeams(socket: SupervisorSocket): string[] {
  return [...socket.rooms]
    .filter((r) => r.startsWith(TEAM_ROOM_PREFIX))
    .map((r) => r.slice(TEAM_ROOM_PREFIX.length));
}

/** The connected sockets of the room (this process's). */
export function roomSockets(nsp: Namespace, room: string): SupervisorSocket[] {
  const ids = nsp.adapter.rooms.get(room);
  if (!ids) return [];
  const sockets: SupervisorSocket[] = [];
  for (const id of ids) {
    const socket = nsp.sockets.get(id) as SupervisorSocket | undefined;
    if (socket) sockets.push(socket);
  }
  return sockets;
}
