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
