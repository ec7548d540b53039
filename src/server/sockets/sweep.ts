/**
 * Runs `check` on every socket of a channel every `everyMs` (sessions that ended,
 * access that ended, for sockets that send nothing). Events re-check on their
 * own; this catches the quiet ones. Returns the stop function.
 *
 * A check that fails — thrown, or its promise rejected (PostgreSQL restarting while
 * sessions are re-read) — is reported, never left unhandled (that would end the
 * node's process): once per sweep, with the first error and how many checks failed,
 * so a database outage costs one log line per sweep rather than one per socket.
 */
export function sweepSockets<S>(
  sockets: () => Iterable<S>,
  check: (socket: S) => void | Promise<unknown>,
  everyMs: number,
  onError: (error: unknown, failedChecks: number) => void,
): () => void {
  const timer = setInterval(() => {
    const checks = [...sockets()].map((socket) => {
      try {
        return Promise.resolve(check(socket));
      } catch (error) {
        return Promise.reject(error);
      }
    });
    void Promise.allSettled(checks).then((results) => {
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length > 0) onError(failed[0]?.reason, failed.length);
    });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
