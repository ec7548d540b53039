import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * The server's clock as best the desktop knows it: the core reports its `now` with
 * every worklist page and callback detail, and we keep the offset to the local clock.
 * SLA countdowns tick from this, never from the desktop's own clock alone.
 */
interface ClockState {
  offsetMs: number;
  now: number;
  /** A server instant observed at local time `localNow`. */
  sync(serverNow: number, localNow?: number): void;
  tick(localNow?: number): void;
}

export const useClockStore = create<ClockState>()((set, get) => ({
  offsetMs: 0,
  now: Date.now(),
  sync: (serverNow, localNow = Date.now()) => set({ offsetMs: serverNow - localNow, now: serverNow }),
  tick: (localNow = Date.now()) => set({ now: localNow + get().offsetMs }),
}));

export function useNow(): number {
  return useClockStore((s) => s.now);
}

/** One ticking interval for the whole app (mounted once by the shell). */
export function useClockTicker(intervalMs: number): void {
  useEffect(() => {
    const id = window.setInterval(() => useClockStore.getState().tick(), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
}
