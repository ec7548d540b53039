/**
 * The page shown when the app cannot start (invalid managed settings, unreadable
 * cache): static HTML as a data: URL, no script, with the message IT needs.
 */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function errorPageHtml(title: string, message: string, details: readonly string[] = []): string {
  const items = details.map((d) => `<li>${escapeHtml(d)}</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui,sans-serif;margin:3rem;max-width:48rem;color:#1b1b1b}h1{font-size:1.5rem;color:#b50909}li{margin:.4rem 0}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${items ? `<ul>${items}</ul>` : ''}</main></body></html>`;
}

export function errorPageUrl(title: string, message: string, details: readonly string[] = []): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(errorPageHtml(title, message, details))}`;
}
