// Electron entry: wires the desktop core to Electron — window, IPC, security
// guards, notifications, badge, logs, managed settings. Every decision lives in a
// tested module (core/, ipc/, electron/, config/); this file only connects them.
import { app, BrowserWindow, nativeImage, Notification, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { APP_ID } from '../desktop/config/app-identity';
import { readManagedSettings } from '../desktop/config/managed-source';
import { osManagedSourcePorts } from '../desktop/config/os-managed-source-ports';
import { readTextFileFromDisk } from '../desktop/config/read-text-file';
import { resolveSettings } from '../desktop/config/resolve-settings';
import { createDesktopCore, type DesktopCore } from '../desktop/core/desktop-core';
import { isAllowedExternalUrl } from '../desktop/core/external-links';
import { isAllowedDialUri } from '../desktop/config/dial-uri';
import { desktopLocations, userDataDirArgument } from './electron/desktop-locations';
import { electronNetwork } from './electron/electron-network';
import { errorPageUrl } from './electron/error-page';
import { fileLogger } from './electron/file-logger';
import { NotificationKeeper } from './electron/notification-keeper';
import { dueBadge, dueSoonNotification } from './electron/notifications';
import { safeStorageKeyProvider } from './electron/safe-storage-key-provider';
import { isAppUrl, secureWebPreferences, type AppOrigin } from './electron/security';
import { registerIpc } from './ipc/register-ipc';
import { detectInstall, diskInstallProbe } from './updates/install-facts';
import { loadAutoUpdater } from './updates/load-auto-updater';
import { planUpdates } from './updates/update-plan';
import { everyWithTimers, startUpdates } from './updates/updater-port';

const origin: AppOrigin = {
  indexFile: join(import.meta.dirname, '../renderer/index.html'),
  devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
};

// Before anything else: where data lives (Windows: the cache in Local AppData, not the
// roaming profile), and the identity Windows shows toasts and groups the taskbar
// button under — the one the NSIS and MSI installers give their shortcuts (appId).
const locations = desktopLocations({
  platform: process.platform,
  defaultUserData: app.getPath('userData'),
  localAppData:
    process.platform === 'win32'
      ? join(process.env['LOCALAPPDATA'] ?? join(app.getPath('home'), 'AppData', 'Local'), app.getName())
      : null,
  userDataOverride: userDataDirArgument(process.argv, process.platform),
});
app.setPath('userData', locations.userData);
app.setPath('sessionData', locations.sessionData);
if (process.platform === 'win32') app.setAppUserModelId(app.isPackaged ? APP_ID : process.execPath);

let mainWindow: BrowserWindow | undefined;
let core: DesktopCore | undefined;
/** Holds the last notification so its click handler lives until it is closed or replaced. */
const notifications = new NotificationKeeper<Notification>();

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: 'Agent Desk',
    // Spelled out (not only via secureWebPreferences) so electronegativity can see each flag.
    webPreferences: {
      ...secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  // No navigation away from the app, no new windows, no webviews.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, origin)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, origin)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  return win;
}

function loadApp(win: BrowserWindow): void {
  if (origin.devServerUrl) void win.loadURL(origin.devServerUrl);
  else void win.loadFile(origin.indexFile);
}

function showError(win: BrowserWindow, title: string, message: string, details: string[] = []): void {
  void win.loadURL(errorPageUrl(title, message, details));
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    // The literal equals RENDERER_CSP (a unit test checks); literal so electronegativity can parse it.
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

function showDueBadge(win: BrowserWindow, dueCount: number): void {
  const badge = dueBadge(process.platform, dueCount);
  if (badge.kind === 'dock') app.dock?.setBadge(badge.text);
  else if (badge.kind === 'count') app.setBadgeCount(badge.count);
  else {
    const { bitmap } = badge;
    const image = bitmap
      ? nativeImage.createFromBitmap(bitmap.pixels, {
          width: bitmap.width,
          height: bitmap.height,
          scaleFactor: 2,
        })
      : null;
    win.setOverlayIcon(image, badge.description);
  }
}

async function start(): Promise<void> {
  hardenSession();
  const settings = resolveSettings({
    platform: process.platform,
    managed: readManagedSettings(process.platform, osManagedSourcePorts()),
    userDataDir: locations.userData,
    readFile: readTextFileFromDisk,
  });
  const log = fileLogger(
    join(locations.logsDir, 'agent-desk.log'),
    settings.ok ? settings.value.logLevel : 'info',
  );
  mainWindow = createWindow();
  if (!settings.ok) {
    log.error('managed settings invalid', { code: settings.error.code, origin: settings.error.origin });
    showError(
      mainWindow,
      'Agent Desk cannot start: managed settings are invalid',
      settings.error.message,
      settings.error.issues.map((i) => `${i.field}: ${i.message}`),
    );
    return;
  }
  for (const notice of settings.value.notices)
    log.warn('settings notice', { field: notice.field, message: notice.message });
  const created = await createDesktopCore({
    dataDir: locations.cacheDir,
    serverUrl: settings.value.serverUrl,
    network: electronNetwork({
      resolveProxy: (url) => session.defaultSession.resolveProxy(url),
      extraCaBundle: settings.value.extraCaBundle,
      readFile: readTextFileFromDisk,
      logger: log,
    }),
    keyProvider: safeStorageKeyProvider(
      safeStorage,
      join(locations.cacheDir, 'cache-key.sealed'),
      process.platform,
    ),
    logger: log,
    appVersion: app.getVersion(),
    ...(settings.value.idleLockMinutes === null ? {} : { idleLockMinutes: settings.value.idleLockMinutes }),
    telephony: settings.value.telephony,
    ...(settings.value.ssoIssuer === null ? {} : { ssoIssuer: settings.value.ssoIssuer }),
    // Single sign-on opens the identity provider's page in the system browser (RFC 8252), never in
    // a window of ours. The core built it from the provider's own metadata (https, same origin).
    openSignInPage: async (url) => {
      if (!url.startsWith('https://')) return false;
      await shell.openExternal(url);
      return true;
    },
    // The external-URL allowlist: the public links scripts point to, and the dial URIs of IT's template (nothing else).
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url) && !isAllowedDialUri(url, settings.value.telephony.uriTemplate))
        return false;
      await shell.openExternal(url);
      return true;
    },
  });
  if (!created.ok) {
    log.error('cache unavailable', { code: created.error.code });
    showError(mainWindow, 'Agent Desk cannot open its local data', created.error.message);
    return;
  }
  core = created.value;
  const win = mainWindow;
  registerIpc(core, origin, () => mainWindow?.webContents, log);
  core.events.on('dueSoon', (event) => {
    showDueBadge(win, event.dueCount);
    const note = dueSoonNotification(event);
    if (note && Notification.isSupported()) {
      notifications.show(new Notification({ title: note.title, body: note.body, silent: false }), () => {
        win.show();
        win.focus();
      });
    }
  });
  loadApp(win);
  const install = detectInstall(
    {
      platform: process.platform,
      isPackaged: app.isPackaged,
      execPath: process.execPath,
      resourcesPath: process.resourcesPath,
      productName: app.getName(),
      appImage: process.env['APPIMAGE'],
    },
    diskInstallProbe,
  );
  void startUpdates(planUpdates(settings.value, install), loadAutoUpdater, log, everyWithTimers);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, origin)) event.preventDefault();
    });
  });
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void core?.close();
  });
}
