import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectInstall,
  diskInstallProbe,
  type InstallFacts,
  type InstallInputs,
  type InstallProbe,
} from '../../../src/main/updates/install-facts';
import { planUpdates, type UpdateSettings } from '../../../src/main/updates/update-plan';
import { startUpdates, type AppUpdaterPort, type Every } from '../../../src/main/updates/updater-port';

const stable: UpdateSettings = { updateChannel: 'stable', updateFeedUrl: null, updateCheckIntervalHours: 6 };
/** A DMG copy the agent owns, from a build with a feed: the one case that updates itself. */
const ownCopy: InstallFacts = {
  isPackaged: true,
  kind: 'mac-bundle',
  hasBuiltInFeed: true,
  replaceableWithoutElevation: true,
  location: '/Users/agent/Applications/Agent Desk.app',
};

describe('planUpdates: IT-managed unless the app can update itself without an administrator', () => {
  it.each([
    ['updates off in settings', { ...stable, updateChannel: 'off' as const }, ownCopy, 'turned-off'],
    ['a development run', stable, { ...ownCopy, isPackaged: false }, 'development'],
    [
      'an MSI install (no NSIS uninstaller)',
      stable,
      { ...ownCopy, kind: 'windows-other' as const },
      'not-updatable',
    ],
    ['a deb install', stable, { ...ownCopy, kind: 'linux-package' as const }, 'not-updatable'],
    [
      'a build without app-update.yml (PKG, MSI, no feed)',
      stable,
      { ...ownCopy, hasBuiltInFeed: false },
      'no-feed',
    ],
    [
      'a per-machine NSIS install in Program Files',
      stable,
      {
        ...ownCopy,
        kind: 'nsis' as const,
        replaceableWithoutElevation: false,
        location: 'C:\\Program Files\\Agent Desk',
      },
      'needs-admin',
    ],
    [
      'the PKG’s root-owned bundle in /Applications',
      stable,
      { ...ownCopy, replaceableWithoutElevation: false, location: '/Applications/Agent Desk.app' },
      'needs-admin',
    ],
  ])('%s: no self-update', (_what, settings, install, why) => {
    expect(planUpdates(settings, install)).toMatchObject({ selfUpdate: false, why });
  });

  it('a managed feed does not make an IT-managed install update itself', () => {
    const plan = planUpdates(
      { ...stable, updateFeedUrl: 'https://updates.example.gov/agent-desk' },
      {
        ...ownCopy,
        kind: 'nsis',
        replaceableWithoutElevation: false,
        location: 'C:\\Program Files\\Agent Desk',
      },
    );
    expect(plan).toMatchObject({ selfUpdate: false, why: 'needs-admin' });
    expect(!plan.selfUpdate && plan.reason).toContain('IT-managed');
  });

  it('an install the user owns follows stable: latest*.yml, no pre-releases, no downgrades', () => {
    expect(planUpdates(stable, ownCopy)).toEqual({
      selfUpdate: true,
      channel: 'latest',
      allowPrerelease: false,
      allowDowngrade: false,
      feed: null,
      checkIntervalMs: 6 * 3_600_000,
    });
  });

  it('beta follows beta*.yml from a managed HTTPS feed', () => {
    const plan = planUpdates(
      {
        updateChannel: 'beta',
        updateFeedUrl: 'https://updates.example.gov/agent-desk',
        updateCheckIntervalHours: 1,
      },
      { ...ownCopy, kind: 'appimage' },
    );
    expect(plan).toMatchObject({
      selfUpdate: true,
      channel: 'beta',
      allowPrerelease: true,
      feed: { provider: 'generic', url: 'https://updates.example.gov/agent-desk', channel: 'beta' },
      checkIntervalMs: 3_600_000,
    });
  });
});

describe('detectInstall', () => {
  function probe(existing: string[], writable: string[]): InstallProbe {
    return {
      exists: (f) => existing.includes(f),
      canWriteDir: (d) => writable.includes(d),
      canWriteFile: (f) => writable.includes(f),
    };
  }
  const win: InstallInputs = {
    platform: 'win32',
    isPackaged: true,
    execPath: 'C:\\Program Files\\Agent Desk\\Agent Desk.exe',
    resourcesPath: 'C:\\Program Files\\Agent Desk\\resources',
    productName: 'Agent Desk',
    appImage: undefined,
  };

  it('Windows: the NSIS uninstaller tells NSIS from MSI; Program Files is not the agent’s to write', () => {
    const nsis = detectInstall(
      win,
      probe(
        [
          'C:\\Program Files\\Agent Desk\\Uninstall Agent Desk.exe',
          'C:\\Program Files\\Agent Desk\\resources\\app-update.yml',
        ],
        [],
      ),
    );
    expect(nsis).toMatchObject({ kind: 'nsis', hasBuiltInFeed: true, replaceableWithoutElevation: false });
    expect(detectInstall(win, probe([], [])).kind).toBe('windows-other');
  });

  it('macOS: the bundle and its folder must both be writable', () => {
    const mac: InstallInputs = {
      ...win,
      platform: 'darwin',
      execPath: '/Applications/Agent Desk.app/Contents/MacOS/Agent Desk',
      resourcesPath: '/Applications/Agent Desk.app/Contents/Resources',
    };
    expect(detectInstall(mac, probe([], ['/Applications/Agent Desk.app'])).replaceableWithoutElevation).toBe(
      false,
    );
    expect(detectInstall(mac, probe([], ['/Applications/Agent Desk.app', '/Applications']))).toMatchObject({
      kind: 'mac-bundle',
      replaceableWithoutElevation: true,
      location: '/Applications/Agent Desk.app',
    });
  });

  it('Linux: an AppImage the user owns is replaceable; a deb install is not', () => {
    const linux: InstallInputs = {
      ...win,
      platform: 'linux',
      execPath: '/opt/Agent Desk/agent-desk',
      resourcesPath: '/opt/Agent Desk/resources',
    };
    expect(detectInstall(linux, probe([], ['/opt/Agent Desk'])).kind).toBe('linux-package');
    const appImage = { ...linux, appImage: '/home/agent/Apps/agent-desk.AppImage' };
    expect(
      detectInstall(appImage, probe([], ['/home/agent/Apps/agent-desk.AppImage', '/home/agent/Apps'])),
    ).toMatchObject({ kind: 'appimage', replaceableWithoutElevation: true });
  });

  it('the disk probe writes and removes a file to find out (Windows ignores permission bits)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-desk-probe-'));
    try {
      expect(diskInstallProbe.canWriteDir(dir)).toBe(true);
      expect(diskInstallProbe.canWriteDir(join(dir, 'missing'))).toBe(false);
      expect(diskInstallProbe.exists(dir)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Mimics electron-updater: setting `channel` turns allowDowngrade on; 'error' events need a listener. */
function fakeUpdater(
  check: () => Promise<{ downloadPromise?: Promise<unknown> | null } | null> = async () => null,
) {
  const calls: string[] = [];
  const errorListeners: Array<(error: Error) => void> = [];
  let channel: string | null = null;
  const updater: AppUpdaterPort & { calls: string[]; emitError(error: Error): void } = {
    calls,
    get channel() {
      return channel;
    },
    set channel(value) {
      channel = value;
      updater.allowDowngrade = true;
    },
    allowPrerelease: false,
    allowDowngrade: false,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    setFeedURL: (feed) => void calls.push(`feed ${feed.url}`),
    checkForUpdates: () => {
      calls.push('check');
      return check();
    },
    on: (_event, listener) => void errorListeners.push(listener),
    emitError(error) {
      if (errorListeners.length === 0) throw error; // what an EventEmitter does
      for (const listener of errorListeners) listener(error);
    },
  };
  return updater;
}

function appLog() {
  const lines: string[] = [];
  return {
    lines,
    info: (m: string) => void lines.push(`info ${m}`),
    warn: (m: string) => void lines.push(`warn ${m}`),
    error: (m: string) => void lines.push(`error ${m}`),
    debug: (m: string) => void lines.push(`debug ${m}`),
  };
}
const never: Every = () => () => {};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startUpdates', () => {
  it('an IT-managed install never loads electron-updater, and says why in the app log', async () => {
    const log = appLog();
    let loaded = false;
    const plan = planUpdates(stable, { ...ownCopy, hasBuiltInFeed: false });
    await startUpdates(plan, async () => ((loaded = true), fakeUpdater()), log, never);
    expect(loaded).toBe(false);
    expect(log.lines).toEqual([
      expect.stringContaining('does not update itself: this build carries no update feed'),
    ]);
  });

  it('configures the updater, routes its log into the app log, checks now and on the interval, and stops', async () => {
    const updater = fakeUpdater();
    const log = appLog();
    let scheduled: { ms: number; run: () => void } | undefined;
    let stopped = false;
    const every: Every = (ms, run) => {
      scheduled = { ms, run };
      return () => void (stopped = true);
    };
    const plan = planUpdates({ ...stable, updateFeedUrl: 'https://updates.example.gov/a' }, ownCopy);
    const stop = await startUpdates(plan, async () => updater, log, every);
    expect(updater).toMatchObject({
      channel: 'latest',
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
    });
    expect(updater.calls).toEqual(['feed https://updates.example.gov/a', 'check']);
    updater.logger?.info('Checking for update');
    expect(log.lines).toContain('info updater: Checking for update');
    expect(scheduled?.ms).toBe(6 * 3_600_000);
    scheduled?.run();
    expect(updater.calls.filter((c) => c === 'check')).toHaveLength(2);
    stop();
    expect(stopped).toBe(true);
  });

  it('handles every failure: check, download, error events, loading the updater', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const log = appLog();
      const failedCheck = fakeUpdater(async () => {
        throw new Error('feed unreachable');
      });
      await startUpdates(planUpdates(stable, ownCopy), async () => failedCheck, log, never);
      const failedDownload = fakeUpdater(async () => ({
        downloadPromise: Promise.reject(new Error('sha512 mismatch')),
      }));
      await startUpdates(planUpdates(stable, ownCopy), async () => failedDownload, log, never);
      expect(() => failedDownload.emitError(new Error('cannot rename'))).not.toThrow();
      await startUpdates(
        planUpdates(stable, ownCopy),
        () => Promise.reject(new Error('no electron')),
        log,
        never,
      );
      await settle();
      await settle();
      expect(log.lines.filter((l) => l.startsWith('warn')).sort()).toEqual([
        'warn updates: cannot rename',
        'warn updates: check failed: feed unreachable',
        'warn updates: download failed: sha512 mismatch',
        'warn updates: the updater could not be loaded: no electron',
      ]);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
