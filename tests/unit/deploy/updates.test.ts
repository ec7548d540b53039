import { describe, expect, it } from 'vitest';
import { planUpdates } from '../../../src/main/updates/update-plan';
import type { UpdateSettings } from '../../../src/main/updates/update-plan';
import { startUpdates } from '../../../src/main/updates/updater-port';
import type { AppUpdaterPort, Every } from '../../../src/main/updates/updater-port';

const stable: UpdateSettings = { updateChannel: 'stable', updateFeedUrl: null, updateCheckIntervalHours: 6 };
const packaged = { isPackaged: true };

describe('planUpdates', () => {
  it('off means never check, even when packaged', () => {
    expect(planUpdates({ ...stable, updateChannel: 'off' }, packaged)).toMatchObject({ enabled: false });
  });

  it('a development run never checks', () => {
    expect(planUpdates(stable, { isPackaged: false })).toMatchObject({ enabled: false });
  });

  it('stable follows latest*.yml, no pre-releases, no downgrades, the built-in feed', () => {
    expect(planUpdates(stable, packaged)).toEqual({
      enabled: true,
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
      packaged,
    );
    expect(plan).toMatchObject({
      enabled: true,
      channel: 'beta',
      allowPrerelease: true,
      feed: { provider: 'generic', url: 'https://updates.example.gov/agent-desk', channel: 'beta' },
      checkIntervalMs: 3_600_000,
    });
  });
});

/** Mimics electron-updater: setting `channel` turns allowDowngrade on. */
function fakeUpdater(check: () => Promise<unknown> = async () => null) {
  const calls: string[] = [];
  let channel: string | null = null;
  const updater: AppUpdaterPort & { calls: string[] } = {
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
    setFeedURL: (feed) => void calls.push(`feed ${feed.url}`),
    checkForUpdates: () => {
      calls.push('check');
      return check();
    },
  };
  return updater;
}
const log = {
  lines: [] as string[],
  info: (m: string) => void log.lines.push(m),
  warn: (m: string) => void log.lines.push(m),
};

describe('startUpdates', () => {
  it('does nothing when updates are off', () => {
    const updater = fakeUpdater();
    const every: Every = () => {
      throw new Error('must not schedule');
    };
    startUpdates(updater, planUpdates({ ...stable, updateChannel: 'off' }, packaged), log, every);
    expect(updater.calls).toEqual([]);
  });

  it('configures the updater, checks now and on the interval, and stops', async () => {
    const updater = fakeUpdater();
    let scheduled: { ms: number; run: () => void } | undefined;
    let stopped = false;
    const every: Every = (ms, run) => {
      scheduled = { ms, run };
      return () => void (stopped = true);
    };
    const plan = planUpdates({ ...stable, updateFeedUrl: 'https://updates.example.gov/a' }, packaged);
    const stop = startUpdates(updater, plan, log, every);
    expect(updater).toMatchObject({
      channel: 'latest',
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
    });
    expect(updater.calls).toEqual(['feed https://updates.example.gov/a', 'check']);
    expect(scheduled?.ms).toBe(6 * 3_600_000);
    scheduled?.run();
    expect(updater.calls.filter((c) => c === 'check')).toHaveLength(2);
    stop();
    expect(stopped).toBe(true);
  });

  it('logs a failed check instead of throwing', async () => {
    const updater = fakeUpdater(async () => {
      throw new Error('feed unreachable');
    });
    startUpdates(updater, planUpdates(stable, packaged), log, () => () => {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log.lines.some((line) => line.includes('feed unreachable'))).toBe(true);
  });
});
