import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A clock the end-to-end tests move, shared by the processes they start (the sync
 * server and the browser hosts): the instant is the real time plus an offset kept in
 * a small JSON file the test writes. Each process re-reads the file ten times a
 * second, so reading the clock costs nothing. Tests only:
 * production code takes `clock?: () => number` and reads the system clock by default.
 */
export interface ClockFile {
  /** Milliseconds added to the real time. */
  offsetMs: number;
}

const POLL_MS = 100;

export function writeClockFile(path: string, clock: ClockFile): void {
  writeFileSync(path, JSON.stringify(clock));
}

/** Sets the clock file so that "now" reads `instant` (it then runs on in real time). */
export function setClockTo(path: string, instant: number): void {
  writeClockFile(path, { offsetMs: instant - Date.now() });
}

/** Moves the clock file's "now" forward by `ms`. */
export function advanceClock(path: string, ms: number): void {
  const current = JSON.parse(readFileSync(path, 'utf8')) as ClockFile;
  writeClockFile(path, { offsetMs: current.offsetMs + ms });
}

/** A clock function that follows the file; `stop()` ends its polling. */
export function fileClock(path: string): { now: () => number; stop(): void } {
  let offsetMs = 0;
  const read = () => {
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ClockFile>;
      if (typeof parsed.offsetMs === 'number') offsetMs = parsed.offsetMs;
    } catch {
      // A half-written file: the next poll reads it whole.
    }
  };
  read();
  const timer = setInterval(read, POLL_MS);
  timer.unref();
  return { now: () => Date.now() + offsetMs, stop: () => clearInterval(timer) };
}
