/**
 * Runs `step` after `firstDelayMs`, then again `intervalMs` after each run ENDS (never
 * two at once). The returned stop ends the loop and waits for a run under way.
 */
export function repeat(
  step: () => Promise<unknown>,
  intervalMs: number,
  firstDelayMs = intervalMs,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    if (stopped) return;
    running = step()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, firstDelayMs);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
