import { spawnSync } from 'node:child_process';

/** Peak RSS (bytes) of a Node process that does nothing: the memory baseline. */
export function idleNodeRssBytes(): number {
  const run = spawnSync(
    process.execPath,
    ['-e', 'setTimeout(() => process.stdout.write(String(process.resourceUsage().maxRSS)), 300)'],
    { encoding: 'utf8', timeout: 10_000 },
  );
  const kb = Number(run.stdout.trim());
  return Number.isFinite(kb) && kb > 0 ? kb * 1024 : NaN;
}

export const MB = 1024 * 1024;

/**
 * One line on where this process's memory is at a step of a bench (docs/performance.md,
 * "Memory"): resident now and at its peak, and the V8 heap and the memory outside it
 * (Buffers, SQLite's own allocations count in RSS only).
 */
export function memoryLine(step: string): string {
  const m = process.memoryUsage();
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
  return `memory ${step}: rss ${mb(m.rss)} (peak ${mb(process.resourceUsage().maxRSS * 1024)}), V8 heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)})`;
}
