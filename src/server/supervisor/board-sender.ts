import type { Namespace } from 'socket.io';
import {
  SNAPSHOTS_PER_SECOND,
  SUPERVISOR_EVENTS,
  type SupervisorSnapshot,
} from '../../shared/supervisor/protocol';
import type { Logger } from '../logger';
import type { SupervisorIndex } from './supervisor-index';
import { roomSockets, teamRoom, type SupervisorSocket } from './supervisor-socket';

const MIN_SNAPSHOT_GAP_MS = 1000 / SNAPSHOTS_PER_SECOND;

type Board = Omit<SupervisorSnapshot, 'seq'>;

/** What a lead sees, without the timestamps: equal bodies are not re-sent. */
const boardBody = (s: Board) =>
  JSON.stringify([s.board.today, s.board.figures, s.roster, s.charts, s.handleTimes, s.escalations]);

interface TeamState {
  seq: number;
  lastSentAt: number;
  /** When the team's subscribers last heard from the board (a snapshot or a heartbeat). */
  lastHeardAt: number;
  timer: NodeJS.Timeout | null;
}

export interface BoardSenderDeps {
  nsp: Namespace;
  index: SupervisorIndex;
  clock: () => number;
  log: Logger;
  heartbeatMs: number;
  /** Checks a subscriber again before a board reaches it (false: not this board — closed, or held while its session is read). */
  recheck: (socket: SupervisorSocket) => boolean;
}

/**
 * Team boards to their subscribers: at most SNAPSHOTS_PER_SECOND per team (the
 * first change after a quiet gap at once, then one trailing send per gap), and
 * to each subscriber only when what it shows changed.
 */
export class BoardSender {
  private readonly teams = new Map<string, TeamState>();
  private closing = false;

  constructor(private readonly deps: BoardSenderDeps) {}

  /** The board a subscriber gets in its subscribe answer, counted as shown to it. */
  answerSubscribe(socket: SupervisorSocket, team: string): SupervisorSnapshot {
    const state = this.state(team);
    state.seq += 1;
    state.lastHeardAt = performance.now();
    const board = this.build(team);
    socket.data.shown = boardBody(board);
    return { ...board, seq: state.seq };
  }

  /** The team's rows or the clock moved: schedule a send (leading edge when quiet, else trailing). */
  request(team: string): void {
    if (this.closing || !this.deps.nsp.adapter.rooms.get(teamRoom(team))?.size) return;
    const state = this.state(team);
    if (state.timer) return;
    const wait = Math.max(0, state.lastSentAt + MIN_SNAPSHOT_GAP_MS - performance.now());
    state.timer = setTimeout(() => {
      state.timer = null;
      try {
        this.send(team);
      } catch (error) {
        this.deps.log.error({ err: error, team }, 'supervisor snapshot failed');
      }
    }, wait);
  }

  /** Every team that ever had a subscriber (the clock tick re-reads them). */
  knownTeams(): IterableIterator<string> {
    return this.teams.keys();
  }

  close(): void {
    this.closing = true;
    for (const state of this.teams.values()) if (state.timer) clearTimeout(state.timer);
  }

  /** Sends the board to the subscribers still allowed whose last board differs: never the same twice. */
  private send(team: string): void {
    if (this.closing) return;
    const room = roomSockets(this.deps.nsp, teamRoom(team));
    const subscribers = room.filter((s) => this.deps.recheck(s));
    if (subscribers.length === 0) return;
    const board = this.build(team);
    const body = boardBody(board);
    const behind = subscribers.filter((s) => s.data.shown !== body);
    const state = this.state(team);
    if (behind.length === 0) {
      // Nothing changed: say so now and then, so a silent link reads as stale, not as "unchanged".
      if (performance.now() - state.lastHeardAt < this.deps.heartbeatMs) return;
      state.lastHeardAt = performance.now();
      // Not to a held socket: "unchanged" would vouch for a board it may not have.
      const heard = subscribers.length === room.length ? teamRoom(team) : subscribers.map((s) => s.id);
      this.deps.nsp.local.to(heard).emit(SUPERVISOR_EVENTS.heartbeat, { team, at: board.at, seq: state.seq });
      return;
    }
    state.lastSentAt = performance.now();
    state.lastHeardAt = state.lastSentAt;
    state.seq += 1;
    // The whole room only when every socket in it may have this board (none held or closed).
    const to = behind.length === room.length ? teamRoom(team) : behind.map((s) => s.id);
    // `local`: every node sends its own subscribers boards from its own index (fed from the database).
    this.deps.nsp.local.to(to).emit(SUPERVISOR_EVENTS.snapshot, { ...board, seq: state.seq });
    for (const s of behind) s.data.shown = body;
  }

  private build(team: string): Board {
    const { index } = this.deps;
    const now = this.deps.clock();
    return {
      team,
      at: now,
      board: index.board(team, now),
      roster: index.roster(team, now),
      charts: index.charts(team, now),
      handleTimes: index.handleTimes(team, now),
      escalations: index.escalations(team),
    };
  }

  private state(team: string): TeamState {
    let s = this.teams.get(team);
    if (!s)
      this.teams.set(team, (s = { seq: 0, lastSentAt: -Infinity, lastHeardAt: -Infinity, timer: null }));
    return s;
  }
}
