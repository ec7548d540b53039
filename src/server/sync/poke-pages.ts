import type { Server } from 'socket.io';
import { EVENTS, LIMITS, type Poke } from '../../shared/sync/protocol';
import type { AuthService } from '../auth/auth-service';
import type { Logger } from '../logger';
import type { PullScope } from '../storage/pull-reader';
import { pullScope, readPageNow, recordView, scopeKey, type PullService } from './pull';
import { teamRoom, type SyncSocket } from './sync-socket';

export interface PokePagesDeps {
  pulls: PullService;
  auth: Pick<AuthService, 'authenticate'>;
  clock: () => number;
  log: Logger;
}

/** The desktops of one team caught up at the same version: one page serves them all. */
interface Group {
  scope: PullScope;
  from: number;
  sockets: SyncSocket[];
}

/**
 * Pokes that bring the rows (docs/protocol.md, "Pokes"). A plain poke makes every
 * desktop of a team ask for the same page: three messages per desktop, a session
 * check, a head read and an audit row each, on two shared cores ~170 ms of CPU per
 * change for 1,000 desktops. Here each node reads the page once for its own
 * desktops that it last saw caught up (`caughtUpAt`, set when a pull or a poked
 * page leaves them at the newest version), writes their view audit rows in one
 * insert, and sends the poke with the page: one message per desktop. A desktop
 * applies it only when its cursor is the page's `from`; any other desktop — never
 * seen caught up, behind, mid-pull, holding unconfirmed changes — gets or treats it
 * as a plain poke and pulls, so nothing is skipped or applied twice.
 *
 * Every node runs this for its own sockets when any node commits a team's change
 * (the poke crosses nodes as a server-side event, not a room broadcast).
 */
export function createPokePages(io: Server, deps: PokePagesDeps) {
  const plainPoke = (socketIds: string[], version: number) => {
    if (socketIds.length > 0) io.local.to(socketIds).emit(EVENTS.poke, { version } satisfies Poke);
  };

  /** Reads the group's page once, records each desktop's view, then sends it (or a plain poke). */
  async function deliverGroup(group: Group, version: number): Promise<void> {
    const ids = () => group.sockets.map((s) => s.id);
    try {
      const first = group.sockets[0] as SyncSocket;
      const read = await readPageNow(deps.pulls, first.data.clientId, {
        scope: group.scope,
        cursor: group.from,
        limit: LIMITS.defaultPullLimit,
      });
      const { page } = read;
      // Too much to bring (a burst) or not there yet: the desktops pull it page by page.
      if (!page || page.more || page.cursor < version) return plainPoke(ids(), version);
      const sockets = group.sockets.filter((s) => s.connected);
      await Promise.all(
        sockets.map((s) =>
          recordView(
            deps.pulls,
            { user: s.data.user, clientId: s.data.clientId, sourceIp: s.data.ip, clock: deps.clock },
            group.from,
            page,
          ),
        ),
      );
      for (const s of sockets) s.data.caughtUpAt = page.cursor;
      const poke: Poke = {
        version,
        page: { from: group.from, rows: page.rows, cursor: page.cursor, scope: scopeKey(group.scope) },
      };
      if (sockets.length > 0) io.local.to(sockets.map((s) => s.id)).emit(EVENTS.poke, poke);
    } catch (error) {
      // The view could not be recorded (or read): not delivered; a plain poke makes them pull.
      deps.log.warn({ err: error }, 'a poke could not bring its page; the desktops will pull');
      plainPoke(ids(), version);
    }
  }

  /**
   * Where one socket belongs: the group of its scope and version, or a plain poke. The
   * session is checked as a pull checks it (`authenticate`: from the cache while fresh,
   * re-read once `userChanged` marked it stale), so a user moved to another team or role
   * gets no page of the old scope; a socket never seen caught up gets a plain poke.
   */
  async function placeOf(
    socket: SyncSocket,
    team: string,
    version: number,
  ): Promise<{ scope: PullScope; from: number } | undefined> {
    const from = socket.data.caughtUpAt;
    if (from === undefined || from >= version) return undefined;
    const session = await deps.auth.authenticate(socket.data.token, { touch: false });
    if (!session.ok) return undefined;
    const { user } = session.value;
    if (user.role === 'admin' || user.team !== team) return undefined;
    return { scope: pullScope(user), from };
  }

  return {
    /** Pokes this node's desktops of `team` about `version`, with the page where one serves. */
    async deliver(team: string, version: number): Promise<void> {
      const room = io.of('/').adapter.rooms.get(teamRoom(team));
      if (!room) return;
      const sockets = [...room].flatMap((id) => {
        const socket = io.of('/').sockets.get(id) as SyncSocket | undefined;
        return socket ? [socket] : [];
      });
      // A socket whose check fails for any reason is poked plainly: every socket hears of the version.
      const places = await Promise.all(sockets.map((s) => placeOf(s, team, version).catch(() => undefined)));
      const plain: string[] = [];
      const groups = new Map<string, Group>();
      sockets.forEach((socket, i) => {
        const place = places[i];
        if (!place) {
          plain.push(socket.id);
          return;
        }
        const key = `${scopeKey(place.scope)}|${place.from}`;
        const group = groups.get(key) ?? { ...place, sockets: [] };
        group.sockets.push(socket);
        groups.set(key, group);
      });
      plainPoke(plain, version);
      await Promise.all([...groups.values()].map((g) => deliverGroup(g, version)));
    },
  };
}

export type PokePages = ReturnType<typeof createPokePages>;
