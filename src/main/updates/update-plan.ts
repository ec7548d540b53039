import type { ResolvedSettings } from '../../desktop/config/resolve-settings';
import type { InstallFacts } from './install-facts';

/**
 * Whether and how the app updates itself, decided from the resolved settings and
 * the install (pure, so the decision is tested without electron-updater).
 *
 * The default for installs IT deploys (per-machine NSIS, MSI, PKG, deb) is
 * IT-managed updates: the app never updates itself and IT ships each version
 * with its installer. It updates itself only where that works without an
 * administrator — an install this user owns (a DMG copy in ~/Applications or one
 * they dragged to /Applications, an AppImage) — and only if IT did not turn
 * updates off.
 */

/** electron-updater's generic provider: a plain HTTPS folder with latest*.yml / beta*.yml. */
export interface GenericFeed {
  provider: 'generic';
  url: string;
  channel: UpdaterChannel;
}

/** electron-builder names the stable channel's files latest*.yml. */
export type UpdaterChannel = 'latest' | 'beta';

export type NoSelfUpdateReason = 'turned-off' | 'development' | 'not-updatable' | 'no-feed' | 'needs-admin';

export type UpdatePlan =
  | { selfUpdate: false; why: NoSelfUpdateReason; reason: string }
  | {
      selfUpdate: true;
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

const HOUR_IN_MS = 3_600_000;
const IT_SHIPS = 'IT ships new versions with the installer';

function noSelfUpdate(why: NoSelfUpdateReason, reason: string): UpdatePlan {
  return { selfUpdate: false, why, reason };
}

export function planUpdates(settings: UpdateSettings, install: InstallFacts): UpdatePlan {
  if (settings.updateChannel === 'off')
    return noSelfUpdate('turned-off', `updateChannel is "off": ${IT_SHIPS}`);
  if (!install.isPackaged) return noSelfUpdate('development', 'a development build: nothing to update');
  if (install.kind === 'windows-other' || install.kind === 'linux-package')
    return noSelfUpdate(
      'not-updatable',
      `an ${install.kind === 'windows-other' ? 'MSI' : 'operating-system package'} install, which the app cannot replace itself: ${IT_SHIPS}`,
    );
  if (!install.hasBuiltInFeed)
    return noSelfUpdate('no-feed', `this build carries no update feed (no app-update.yml): ${IT_SHIPS}`);
  if (!install.replaceableWithoutElevation)
    return noSelfUpdate(
      'needs-admin',
      `installed in ${install.location}, which only an administrator can change: ${IT_SHIPS} (IT-managed updates)`,
    );
  const channel: UpdaterChannel = settings.updateChannel === 'beta' ? 'beta' : 'latest';
  return {
    selfUpdate: true,
    channel,
    allowPrerelease: channel === 'beta',
    allowDowngrade: false,
    feed:
      settings.updateFeedUrl === null ? null : { provider: 'generic', url: settings.updateFeedUrl, channel },
    checkIntervalMs: settings.updateCheckIntervalHours * HOUR_IN_MS,
  };
}
