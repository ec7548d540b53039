import { describe, expect, it } from 'vitest';
import { desktopLocations, userDataDirArgument } from '../../../src/main/electron/desktop-locations';

describe('desktop locations', () => {
  it('Windows: the cache, its key, logs and Chromium data in Local AppData; settings roam', () => {
    expect(
      desktopLocations({
        platform: 'win32',
        defaultUserData: 'C:\\Users\\a\\AppData\\Roaming\\Agent Desk',
        localAppData: 'C:\\Users\\a\\AppData\\Local\\Agent Desk',
        userDataOverride: null,
      }),
    ).toEqual({
      userData: 'C:\\Users\\a\\AppData\\Roaming\\Agent Desk',
      cacheDir: 'C:\\Users\\a\\AppData\\Local\\Agent Desk\\cache',
      logsDir: 'C:\\Users\\a\\AppData\\Local\\Agent Desk\\logs',
      sessionData: 'C:\\Users\\a\\AppData\\Local\\Agent Desk\\session',
    });
  });

  it('macOS and Linux: everything under userData', () => {
    const userData = '/Users/a/Library/Application Support/Agent Desk';
    expect(
      desktopLocations({
        platform: 'darwin',
        defaultUserData: userData,
        localAppData: null,
        userDataOverride: null,
      }),
    ).toEqual({
      userData,
      cacheDir: `${userData}/cache`,
      logsDir: `${userData}/logs`,
      sessionData: userData,
    });
  });

  it('--user-data-dir puts everything under one folder', () => {
    const root = 'D:\\desk-2';
    expect(
      desktopLocations({
        platform: 'win32',
        defaultUserData: 'C:\\x',
        localAppData: 'C:\\y',
        userDataOverride: root,
      }),
    ).toEqual({ userData: root, cacheDir: `${root}\\cache`, logsDir: `${root}\\logs`, sessionData: root });
  });

  it('reads --user-data-dir in both spellings, absolute paths only', () => {
    expect(userDataDirArgument(['app', '--user-data-dir=/tmp/d1'], 'linux')).toBe('/tmp/d1');
    expect(userDataDirArgument(['app', '--user-data-dir', 'C:\\d2'], 'win32')).toBe('C:\\d2');
    expect(userDataDirArgument(['app', '--user-data-dir=relative'], 'linux')).toBeNull();
    expect(userDataDirArgument(['app', '--user-data-dir'], 'linux')).toBeNull();
    expect(userDataDirArgument(['app'], 'linux')).toBeNull();
  });
});
