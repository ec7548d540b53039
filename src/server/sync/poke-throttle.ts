/**
 * At most one poke per target (a team, or everyone) per `gapMs`, without delaying a
 * lone change. The first change after a quiet gap is sent at once (leading edge);
 * changes during the gap are folded into one poke at its end carrying the highest
 * version (trailing edge), so nothing is missed and clients pull once. Without it,
 * 1,000 agents of a team working at once would each cause a poke to 1,000 sockets:
 * a million messages a minute for "something changed".
 */
export class PokeThrottle {
  private readonly targets = new Map<
    string,
    { lastSentAt: number; timer: NodeJS.Timeout | null; version: number; admins: boolean }
  >();

  constructor(
    private readonly gapMs: number,
    private readonly send: (target: string, version: number, admins: boolean) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  poke(target: string, version: number, admins: boolean): void {
    const state = this.targets.get(target);
    const at = this.now();
    if (!state) {
      this.targets.set(target, { lastSentAt: at, timer: null, version: 0, admins: false });
      this.send(target, version, admins);
      return;
    }
    if (state.timer === null && at - state.lastSentAt >= this.gapMs) {
      state.lastSentAt = at;
      this.send(target, version, admins);
      return;
    }
    state.version = Math.max(state.version, version);
    state.admins ||= admins;
    if (state.timer !== null) return;
    state.timer = setTimeout(
      () => {
        state.timer = null;
        state.lastSentAt = this.now();
        const { version: folded, admins: foldedAdmins } = state;
        state.version = 0;
        state.admins = false;
        this.send(target, folded, foldedAdmins);
      },
      Math.max(0, state.lastSentAt + this.gapMs - at),
    );
  }

  /** Drops pending pokes (the server is closing). */
  close(): void {
    for (const state of this.targets.values()) if (state.timer !== null) clearTimeout(state.timer);
    this.targets.clear();
  }
}
