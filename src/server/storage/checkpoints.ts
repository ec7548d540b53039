import { sql } from 'kysely';
import type { Db } from './database';

export interface Checkpoints {
  /** Stops the timer and waits for a checkpoint under way. */
  stop(): Promise<void>;
}

/**
 * Copies the WAL back into the database file on a timer, through Kysely (so never
 * inside someone's transaction), instead of letting a commit that crosses the
 * automatic threshold do it: then no push waits for a checkpoint. PASSIVE never
 * blocks readers or writers; openDatabase keeps a high automatic threshold as the
 * bound when this timer is not running (tools, tests).
 */
export function scheduleCheckpoints(db: Db, everyMs: number, onError: (error: unknown) => void): Checkpoints {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(async () => {
        await sql`pragma wal_checkpoint(PASSIVE)`.execute(db);
      })
      .catch(onError);
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
