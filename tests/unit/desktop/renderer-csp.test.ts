import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../src/main/electron/security';
import { replaceMetaCsp } from '../../../src/desktop/host-web/static-files';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources.sort()]),
  );

describe('renderer CSP', () => {
  it("index.html's meta CSP is exactly the header CSP (never looser: file:// pages get no header)", () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(directives(meta)).toEqual(directives(RENDERER_CSP));
  });

  it('the browser host replaces the meta CSP with its own, or adds one when there is none', () => {
    const withMeta = `<head><meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" /></head>`;
    expect(replaceMetaCsp(withMeta, "connect-src 'self' ws://127.0.0.1:9")).toBe(
      `<head><meta http-equiv="Content-Security-Policy" content="connect-src 'self' ws://127.0.0.1:9" /></head>`,
    );
    expect(replaceMetaCsp('<head></head>', "default-src 'self'")).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'" />`,
    );
  });
});
