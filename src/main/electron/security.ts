import { pathToFileURL } from 'node:url';

/**
 * The Electron security checklist as data and pure checks, so the rules are
 * tested without Electron and index.ts only wires them.
 */

/** The renderer's CSP, also sent as a response header (a meta tag alone can be edited by a compromised page). */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    /** Middle-click must not open links in new windows. */
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

export interface AppOrigin {
  /** The renderer's index.html on disk (packaged / preview). */
  indexFile: string;
  /** ELECTRON_RENDERER_URL during development (http://localhost:5173). */
  devServerUrl?: string | undefined;
}

/** Whether a URL is our own renderer page (IPC sender frames and navigation are checked with it). */
export function isAppUrl(raw: string | undefined, origin: AppOrigin): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (origin.devServerUrl) {
    const dev = new URL(origin.devServerUrl);
    if (url.origin === dev.origin && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1'))
      return true;
  }
  if (url.protocol !== 'file:') return false;
  const index = pathToFileURL(origin.indexFile);
  return url.pathname === index.pathname;
}
