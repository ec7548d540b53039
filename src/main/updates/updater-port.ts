import type { GenericFeed, UpdatePlan } from './update-plan';

/**
 * The few members of electron-updater's autoUpdater that Agent Desk uses. The real
 * object is loaded by load-auto-updater.ts (which tests never import: electron-updater
 * requires electron); tests pass a fake.
 */
export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

export interface AppUpdaterPort {
  channel: string | null;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: UpdaterLogger | null;
  setFeedURL(options: GenericFeed): void;
  /** With autoDownload, the result carries the download's promise, which rejects on its own. */
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** The app log (file-logger.ts). */
export interface UpdaterLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

/** Repeats `run` every `ms`; returns a function that stops it. Injected so tests control time. */
export type Every = (ms: number, run: () => void) => () => void;

export const everyWithTimers: Every = (ms, run) => {
  const handle = setInterval(run, ms);
  handle.unref();
  return () => clearInterval(handle);
};

const text = (value: unknown): string =>
  value instanceof Error ? value.message : typeof value === 'string' ? value : String(value);

/** electron-updater's own lines, into the app log instead of the console nobody sees. */
function intoAppLog(log: UpdaterLog): UpdaterLogger {
  return {
    info: (m) => log.info(`updater: ${text(m)}`),
    warn: (m) => log.warn(`updater: ${text(m)}`),
    error: (m) => log.error(`updater: ${text(m)}`),
    debug: (m) => log.debug(`updater: ${m}`),
  };
}

/**
 * Loads and configures the updater from a plan and starts checking; resolves to a
 * stop function. An install that does not update itself never loads
 * electron-updater. Every failure — loading it, the check, the download, an
 * `error` event — is logged, never thrown or left unhandled: an unreachable feed
 * must not stop agents working.
 */
export async function startUpdates(
  plan: UpdatePlan,
  loadUpdater: () => Promise<AppUpdaterPort>,
  log: UpdaterLog,
  every: Every,
): Promise<() => void> {
  if (!plan.selfUpdate) {
    log.info(`updates: this app does not update itself: ${plan.reason}`);
    return () => {};
  }
  let updater: AppUpdaterPort;
  try {
    updater = await loadUpdater();
  } catch (error) {
    log.warn(`updates: the updater could not be loaded: ${text(error)}`);
    return () => {};
  }
  try {
    updater.logger = intoAppLog(log);
    // An EventEmitter 'error' with no listener throws; electron-updater emits one for every failure.
    updater.on('error', (error) => log.warn(`updates: ${text(error)}`));
    if (plan.feed) updater.setFeedURL(plan.feed);
    // Setting `channel` makes electron-updater turn allowDowngrade on; set it first so ours wins.
    updater.channel = plan.channel;
    updater.allowPrerelease = plan.allowPrerelease;
    updater.allowDowngrade = plan.allowDowngrade;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
  } catch (error) {
    log.warn(`updates: the updater could not be configured: ${text(error)}`);
    return () => {};
  }

  const check = (): void => {
    updater
      .checkForUpdates()
      .then((result) => {
        result?.downloadPromise?.catch((error: unknown) =>
          log.warn(`updates: download failed: ${text(error)}`),
        );
      })
      .catch((error: unknown) => log.warn(`updates: check failed: ${text(error)}`));
  };
  log.info(`updates: channel ${plan.channel}, feed ${plan.feed?.url ?? 'built into the installer'}`);
  check();
  return every(plan.checkIntervalMs, check);
}
