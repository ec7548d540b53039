/**
 * Runs `check` on every socket of a channel every `everyMs` (sessions that ended,
 * access that ended, for sockets that send nothing). Events re-check on their
 * own; this catches the quiet ones. Returns the stop function.
 */
export function sweepSockets<S>(
  sockets: () => Iterable<S>,
  check: (socket: S) => void,
  everyMs: number,
  onError: (error: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    try {
      for (const socket of [...sockets()]) check(socket);
    } catch (error) {
      onError(error);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
