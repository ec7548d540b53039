import type { GenericFeed, UpdatePlan } from './update-plan';

/**
 * The few members of electron-updater's autoUpdater that Agent Desk uses. The real
 * object is loaded by load-auto-updater.ts (which tests never import: electron-updater
 * requires electron); tests pass a fake.
 */
export interface AppUpdaterPort {
  channel: string | null;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: GenericFeed): void;
  checkForUpdates(): Promise<unknown>;
}

export interface UpdaterLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Repeats `run` every `ms`; returns a function that stops it. Injected so tests control time. */
export type Every = (ms: number, run: () => void) => () => void;

export const everyWithTimers: Every = (ms, run) => {
  const handle = setInterval(run, ms);
  handle.unref();
  return () => clearInterval(handle);
};

/**
 * Configures the updater from a plan and starts checking. Returns a stop function.
 * A failed check is logged, never thrown: an unreachable feed must not stop agents working.
 */
export function startUpdates(
  updater: AppUpdaterPort,
  plan: UpdatePlan,
  log: UpdaterLog,
  every: Every,
): () => void {
  if (!plan.enabled) {
    log.info(`updates: not checking (${plan.reason})`);
    return () => {};
  }
  if (plan.feed) updater.setFeedURL(plan.feed);
  // Setting `channel` makes electron-updater turn allowDowngrade on; set it first so ours wins.
  updater.channel = plan.channel;
  updater.allowPrerelease = plan.allowPrerelease;
  updater.allowDowngrade = plan.allowDowngrade;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;

  const check = (): void => {
    updater.checkForUpdates().catch((error: unknown) => {
      log.warn(`updates: check failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  log.info(`updates: channel ${plan.channel}, feed ${plan.feed?.url ?? 'built into the installer'}`);
  check();
  return every(plan.checkIntervalMs, check);
}
