/**
 * Runs a build a slice per turn of the event loop (setImmediate), so a long first fill
 * (50,000+ decrypts) never blocks the desktop. `running()` says whether this build is
 * still the current one (false once it finished — a search may finish it at once — or
 * was reset); `slice()` does one slice. Resolves when it stops running; when a slice
 * throws, calls `abandon()` (the build is left to the first search, which reports its
 * own failure) and rejects with that error — never an exception nobody catches.
 */
export function buildInSlices(running: () => boolean, slice: () => void, abandon: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = () => {
      if (!running()) return resolve();
      try {
        slice();
      } catch (error) {
        abandon();
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      if (running()) setImmediate(step);
      else resolve();
    };
    setImmediate(step);
  });
}
