// Electron entry: wires the desktop core to Electron — window, IPC, security
// guards, notifications, badge, logs, managed settings. Every decision lives in a
// tested module (core/, ipc/, electron/, config/); this file only connects them.
import { app, BrowserWindow, Notification, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { readManagedSettings } from '../desktop/config/managed-source';
import { osManagedSourcePorts } from '../desktop/config/os-managed-source-ports';
import { readTextFileFromDisk } from '../desktop/config/read-text-file';
import { resolveSettings } from '../desktop/config/resolve-settings';
import { createDesktopCore, type DesktopCore } from '../desktop/core/desktop-core';
import { isAllowedExternalUrl } from '../desktop/core/external-links';
import { errorPageUrl } from './electron/error-page';
import { fileLogger } from './electron/file-logger';
import { badgeText, dueSoonNotification } from './electron/notifications';
import { safeStorageKeyProvider } from './electron/safe-storage-key-provider';
import { isAppUrl, secureWebPreferences, type AppOrigin } from './electron/security';
import { registerIpc } from './ipc/register-ipc';
import { loadAutoUpdater } from './updates/load-auto-updater';
import { planUpdates } from './updates/update-plan';
import { everyWithTimers, startUpdates } from './updates/updater-port';

const origin: AppOrigin = {
  indexFile: join(import.meta.dirname, '../renderer/index.html'),
  devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
};

let mainWindow: BrowserWindow | undefined;
let core: DesktopCore | undefined;

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

async function start(): Promise<void> {
  hardenSession();
  const userData = app.getPath('userData');
  const settings = resolveSettings({
    platform: process.platform,
    managed: readManagedSettings(process.platform, osManagedSourcePorts()),
    userDataDir: userData,
    readFile: readTextFileFromDisk,
  });
  const log = fileLogger(
    join(userData, 'logs', 'agent-desk.log'),
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
    dataDir: join(userData, 'cache'),
    serverUrl: settings.value.serverUrl,
    keyProvider: safeStorageKeyProvider(safeStorage, join(userData, 'cache', 'cache-key.sealed')),
    logger: log,
    appVersion: app.getVersion(),
    ...(settings.value.idleLockMinutes === null ? {} : { idleLockMinutes: settings.value.idleLockMinutes }),
    openExternal: async (url) => {
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
    app.setBadgeCount(event.dueCount);
    if (process.platform === 'darwin') app.dock?.setBadge(badgeText(event.dueCount));
    const note = dueSoonNotification(event);
    if (note && Notification.isSupported()) {
      const notification = new Notification({ title: note.title, body: note.body, silent: false });
      notification.on('click', () => {
        win.show();
        win.focus();
      });
      notification.show();
    }
  });
  loadApp(win);
  void loadAutoUpdater()
    .then((updater) =>
      startUpdates(
        updater,
        planUpdates(settings.value, { isPackaged: app.isPackaged }),
        { info: (m) => log.info(m), warn: (m) => log.warn(m) },
        everyWithTimers,
      ),
    )
    .catch((error: unknown) => log.warn('updates unavailable', { error: String(error) }));
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
