import type { Server } from 'socket.io';
import { EVENTS } from '../../shared/sync/protocol';
import { GLOBAL_TEAM } from '../../shared/sync/rows/common';
import { PokeThrottle } from './poke-throttle';
import { ADMIN_ROOM } from './sync-socket';

export interface Pokes {
  /**
   * Tell clients in scope of these teams that something changed. Admins hear only
   * about user changes (`usersChanged`) and global rows, the only rows they pull.
   */
  poke(teams: Iterable<string>, version: number | undefined, options?: { usersChanged?: boolean }): void;
  close(): void;
}

/**
 * Pokes through a PokeThrottle per team; `onRowsChanged` hears every changed team
 * first. A team's desktops are poked by `pokeTeam` (every node, each with the page
 * for its own desktops: poke-pages.ts); everyone and the admins by a plain poke.
 */
export function createPokes(
  io: Server,
  gapMs: number,
  pokeTeam: (team: string, version: number) => void,
  onRowsChanged?: (teams: readonly string[]) => void,
): Pokes {
  /** '*' stands for everyone (a global row changed: every desktop pulls it). */
  const throttle = new PokeThrottle(gapMs, (target, version, admins) => {
    const payload = { version };
    if (target === '*') {
      io.emit(EVENTS.poke, payload);
      return;
    }
    if (admins) io.to(ADMIN_ROOM).emit(EVENTS.poke, payload);
    pokeTeam(target, version);
  });
  return {
    poke(teams, version, options) {
      const all = [...teams];
      if (all.length === 0) return;
      onRowsChanged?.(all);
      if (all.includes(GLOBAL_TEAM)) {
        throttle.poke('*', version ?? 0, false);
        return;
      }
      for (const team of all) throttle.poke(team, version ?? 0, options?.usersChanged ?? false);
    },
    close: () => throttle.close(),
  };
}
