/**
 * The Electron shell's network port without Electron: Chromium's proxy answer
 * (what session.resolveProxy returns for a PAC script with a fallback) and IT's
 * extraCaBundle file, against a real proxy and the TLS sync server on loopback.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextFileFromDisk } from '../../../src/desktop/config/read-text-file';
import { silentLogger, type CoreLogger } from '../../../src/desktop/core/logger';
import { electronNetwork } from '../../../src/main/electron/electron-network';
import { startTestServer, writeFixture, type TestServer } from '../server/helpers';
import { startConnectProxy, type ConnectProxy } from '../network/connect-proxy';
import { createTestPki, type TestPki } from '../network/test-pki';
import { ALICE, deskWorld, openDesktop, tempDir, waitSynced, type TestDesktop } from './desktop-helpers';

describe("the Electron shell's network: Chromium's proxy answer and IT's extra CA bundle", () => {
  let pki: TestPki;
  let t: TestServer;
  let proxy: ConnectProxy;
  let deadProxyPort: number;
  let bundle: string;
  const desktops: TestDesktop[] = [];
  const asked: string[] = [];

  async function desktop(
    rules: () => Promise<string>,
    extraCaBundle: string | null,
    logger: CoreLogger = silentLogger,
  ) {
    const network = electronNetwork({
      resolveProxy: (url) => {
        asked.push(url);
        return rules();
      },
      extraCaBundle,
      readFile: readTextFileFromDisk,
      logger,
    });
    const d = await openDesktop(t, tempDir(), { network });
    desktops.push(d);
    return d;
  }

  beforeAll(async () => {
    pki = createTestPki();
    t = await startTestServer({ tls: pki.server });
    await writeFixture(t.server, deskWorld());
    proxy = await startConnectProxy();
    const dead = await startConnectProxy();
    deadProxyPort = dead.port;
    await dead.close();
    bundle = join(tempDir('agent-desk-ca-'), 'agency-roots.pem');
    writeFileSync(bundle, `# the agency's inspection root\n${pki.caPem}`);
  });
  afterAll(async () => {
    for (const d of desktops) await d.dispose();
    await proxy?.close();
    await t?.dispose();
  });

  it('asks for the proxy per URL, skips an unreachable one for the next, and syncs through it', async () => {
    const rules = `PROXY 127.0.0.1:${deadProxyPort}; PROXY 127.0.0.1:${proxy.port}; DIRECT`;
    const d = await desktop(() => Promise.resolve(rules), bundle);
    const before = proxy.tunnels.length;
    const signedIn = await d.core.session.signIn(ALICE);
    expect(signedIn.ok).toBe(true);
    await waitSynced(d.core);
    expect(proxy.tunnels.length - before).toBeGreaterThanOrEqual(2);
    expect(asked).toContain(`${t.server.url}/`);
  });

  it('goes direct when Chromium cannot resolve a proxy, and logs why', async () => {
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (message: string) => warnings.push(message) };
    const d = await desktop(() => Promise.reject(new Error('PAC script failed')), bundle, logger);
    const before = proxy.tunnels.length;
    expect((await d.core.session.signIn(ALICE)).ok).toBe(true);
    expect(proxy.tunnels.length).toBe(before);
    expect(warnings).toContain('network: the proxy for the sync server could not be resolved; going direct');
  });

  it('without the bundle the agency root is not trusted, and a missing bundle is logged', async () => {
    const errors: string[] = [];
    const logger = { ...silentLogger, error: (message: string) => errors.push(message) };
    const d = await desktop(() => Promise.resolve('DIRECT'), '/nowhere/agency-roots.pem', logger);
    const signedIn = await d.core.session.signIn(ALICE);
    expect(!signedIn.ok && signedIn.error.code).toBe('network.certificate_untrusted');
    expect(errors).toEqual(['network: extraCaBundle cannot be used']);
  });

  it('names a SOCKS proxy it cannot use', async () => {
    const d = await desktop(() => Promise.resolve('SOCKS5 127.0.0.1:1080'), bundle);
    const signedIn = await d.core.session.signIn(ALICE);
    expect(!signedIn.ok && signedIn.error).toMatchObject({
      code: 'network.proxy_unsupported',
      params: { rule: 'SOCKS5 127.0.0.1:1080' },
    });
  });
});
