import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { BRIDGE_PATH } from './bridge-script';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The browser host's CSP (also sent as a header): our files only, WebSocket to ourselves only. */
export function webHostCsp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A request path → a file inside `root`, or undefined (traversal, odd encodings). */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  return file.startsWith(base + sep) ? file : undefined;
}

/** index.html with the bridge script in front of the app's own scripts (a plain script runs before modules). */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const at = html.indexOf('<script');
  if (at >= 0) return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
  return html.replace('</head>', `  ${tag}\n  </head>`);
}

const META_CSP = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;

/**
 * index.html carries the Electron build's CSP (connect-src 'self' only). Two
 * CSPs both apply, so the host swaps the meta for its own policy (the header's,
 * which adds this port's WebSocket) rather than depending on how a browser reads
 * 'self' for ws:.
 */
export function replaceMetaCsp(html: string, csp: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${csp}" />`;
  if (META_CSP.test(html)) return html.replace(META_CSP, tag);
  return html.replace('<head>', `<head>\n    ${tag}`);
}

export interface StaticFile {
  status: number;
  type: string;
  body: Buffer | string;
}

/** `csp`: the policy index.html's meta tag is set to (the same one the host sends as a header). */
export async function loadStaticFile(root: string, urlPath: string, csp?: string): Promise<StaticFile> {
  const file = resolveStaticPath(root, urlPath);
  if (!file) return { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found' };
  try {
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith(`${sep}index.html`) && file === resolve(root, 'index.html')) {
      const html = injectBridge(body.toString('utf8'));
      return { status: 200, type, body: csp === undefined ? html : replaceMetaCsp(html, csp) };
    }
    return { status: 200, type, body };
  } catch {
    return { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found' };
  }
}
