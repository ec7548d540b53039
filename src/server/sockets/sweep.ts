/**
 * Runs `check` on every socket of a channel every `everyMs` (sessions that ended,
 * access that ended, for sockets that send nothing). Events re-check on their
 * own; this catches the quiet ones. Returns the stop function.
 *
 * A check that fails — thrown, or its promise rejected (PostgreSQL restarting while
 * the session is re-read) — goes to `onError`: a rejection nobody handles would end
 * the node's process.
 */
export function sweepSockets<S>(
  sockets: () => Iterable<S>,
  check: (socket: S) => void | Promise<unknown>,
  everyMs: number,
  onError: (error: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    for (const socket of [...sockets()]) {
      try {
        void Promise.resolve(check(socket)).catch(onError);
      } catch (error) {
        onError(error);
      }
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
