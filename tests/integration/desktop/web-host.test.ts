import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type RunningWebHost } from '../../../src/desktop/host-web/web-host';
import { BRIDGE_PATH, CLOSE_UNAUTHORIZED, SOCKET_PATH } from '../../../src/desktop/host-web/bridge-script';
import { startTestServer, writeFixture, type TestServer } from '../server/helpers';
import { RENDERER_CSP } from '../../../src/main/electron/security';
import { ALICE, openDesktop, tempDir, type TestDesktop, deskWorld } from './desktop-helpers';

const SECRET = 'test-secret-0123456789abcdefghijklmnop';

function open(host: RunningWebHost, origin = `http://127.0.0.1:${host.port}`): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${host.port}${SOCKET_PATH}`, { origin });
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

/** Authenticates and returns an `invoke` over the socket. */
async function session(host: RunningWebHost) {
  const ws = open(host);
  const messages: { type: string; id?: number; result?: unknown; event?: string }[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'hello', secret: SECRET }));
  await waitMessage(messages, (m) => m.type === 'ready');
  let id = 0;
  return {
    ws,
    messages,
    async invoke(channel: string, args: unknown) {
      id += 1;
      const mine = id;
      ws.send(JSON.stringify({ type: 'invoke', id: mine, channel, args }));
      return (await waitMessage(messages, (m) => m.type === 'result' && m.id === mine)).result as {
        ok: boolean;
        value?: unknown;
        error?: { code: string; message: string };
      };
    },
  };
}

async function waitMessage<T>(messages: T[], match: (m: T) => boolean): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const found = messages.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no matching message');
}

describe('browser host', () => {
  let t: TestServer;
  let d: TestDesktop;
  let host: RunningWebHost;
  const rendererDir = tempDir('agent-desk-renderer-');
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, deskWorld());
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(
      join(rendererDir, 'index.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" /><title>x</title><script type="module" src="./assets/app.js"></script></head><body></body></html>`,
    );
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    d = await openDesktop(t);
    host = await startWebHost({ core: d.core, rendererDir, port: 0, secret: SECRET });
  });
  afterAll(async () => {
    await host.close();
    await d.dispose();
    await t.dispose();
  });

  it('prints a 127.0.0.1 address with the secret in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#secret=${SECRET}`);
  });

  it('serves the renderer with the bridge in front of its scripts, and a CSP header', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/`);
    const html = await response.text();
    expect(html.indexOf(BRIDGE_PATH)).toBeGreaterThan(0);
    expect(html.indexOf(BRIDGE_PATH)).toBeLessThan(html.indexOf('./assets/app.js'));
    expect(response.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ws://127.0.0.1:${host.port}`,
    );
    // Both policies apply, so the page's meta (Electron's, no WebSocket) is swapped for the header's.
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(response.headers.get('content-security-policy'));
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
    const bridge = await (await fetch(`http://127.0.0.1:${host.port}${BRIDGE_PATH}`)).text();
    expect(bridge).toContain('"worklist.query"');
    expect((await fetch(`http://127.0.0.1:${host.port}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('refuses a wrong secret and closes the socket', async () => {
    const ws = open(host);
    const messages: unknown[] = [];
    ws.on('message', (m) => messages.push(String(m)));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'hello', secret: `${SECRET}x` }));
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'session.get', args: {} }));
    const { code } = await closed(ws);
    expect(code).toBe(CLOSE_UNAUTHORIZED);
    expect(messages).toEqual([]);
  });

  it('refuses calls before the secret', async () => {
    const ws = open(host);
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'session.get', args: {} }));
    expect((await closed(ws)).code).toBe(CLOSE_UNAUTHORIZED);
  });

  it('refuses a page from another origin', async () => {
    const ws = open(host, 'http://evil.example');
    const error = await new Promise<Error>((resolve) => ws.once('error', resolve));
    expect(error.message).toContain('403');
  });

  it('survives null, arrays, strings and oversized frames, and keeps serving a good client', async () => {
    for (const bad of ['null', '[]', '"x"', '42', 'not json']) {
      const ws = open(host);
      await new Promise((r) => ws.once('open', r));
      ws.send(bad);
      expect((await closed(ws)).code, bad).toBe(1003);
    }
    // The same, after the secret: an authenticated socket that sends null is closed, not the host.
    const authed = await session(host);
    authed.ws.send('null');
    expect((await closed(authed.ws)).code).toBe(1003);
    const big = open(host);
    big.on('error', () => {});
    await new Promise((r) => big.once('open', r));
    big.send('x'.repeat(1_000_001));
    expect((await closed(big)).code).toBe(1009);
    const s = await session(host);
    expect(await s.invoke('session.get', {})).toMatchObject({ ok: true });
    s.ws.close();
  });

  it('serves the core: sign-in, worklist, and bad arguments change nothing', async () => {
    const s = await session(host);
    const signedIn = await s.invoke('session.signIn', ALICE);
    expect(signedIn).toMatchObject({
      ok: true,
      value: { status: 'signed-in', user: { id: 'u-tier1-alice' } },
    });
    const bad = await s.invoke('callback.claim', { callbackId: 'cb 1!', extra: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'ipc.bad_args' } });
    expect(d.core.store.outbox.count()).toBe(0);
    const unknown = await s.invoke('shell.exec', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } });
    await waitMessage(s.messages, (m) => m.type === 'event' && m.event === 'connection');
    s.ws.close();
  });
});
