import type { ResolvedSettings } from '../../desktop/config/resolve-settings';

/**
 * What the auto-updater should do, decided from the resolved settings alone (pure,
 * so the decision is tested without electron-updater, which needs Electron).
 */

/** electron-updater's generic provider: a plain HTTPS folder with latest*.yml / beta*.yml. */
export interface GenericFeed {
  provider: 'generic';
  url: string;
  channel: UpdaterChannel;
}

/** electron-builder names the stable channel's files latest*.yml. */
export type UpdaterChannel = 'latest' | 'beta';

export type UpdatePlan =
  | { enabled: false; reason: string }
  | {
      enabled: true;
      channel: UpdaterChannel;
      /** Beta follows pre-release versions (0.3.0-beta.1); stable never does. */
      allowPrerelease: boolean;
      /** Never: a rollback is IT pushing the older installer, not the updater deciding. */
      allowDowngrade: false;
      /** null: keep the feed built into the installer (resources/app-update.yml). */
      feed: GenericFeed | null;
      checkIntervalMs: number;
    };

export type UpdateSettings = Pick<
  ResolvedSettings,
  'updateChannel' | 'updateFeedUrl' | 'updateCheckIntervalHours'
>;

export interface UpdateHost {
  /** Electron's app.isPackaged: a development run has no app-update.yml and nothing to update. */
  isPackaged: boolean;
}

const HOUR_IN_MS = 3_600_000;

export function planUpdates(settings: UpdateSettings, host: UpdateHost): UpdatePlan {
  if (settings.updateChannel === 'off') {
    return { enabled: false, reason: 'updates are turned off by settings (updateChannel: "off")' };
  }
  if (!host.isPackaged)
    return { enabled: false, reason: 'development build: not packaged, nothing to update' };
  const channel: UpdaterChannel = settings.updateChannel === 'beta' ? 'beta' : 'latest';
  return {
    enabled: true,
    channel,
    allowPrerelease: channel === 'beta',
    allowDowngrade: false,
    feed:
      settings.updateFeedUrl === null ? null : { provider: 'generic', url: settings.updateFeedUrl, channel },
    checkIntervalMs: settings.updateCheckIntervalHours * HOUR_IN_MS,
  };
}
