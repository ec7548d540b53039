/**
 * The agency's network on loopback: a real HTTP CONNECT proxy that wants Basic
 * credentials, and the real sync server serving TLS with a certificate from a
 * CA made for this run (what a TLS-inspecting proxy's root looks like to the
 * desktop). Sign-in, sync (push and pull) and the supervisor link go through
 * both; each way it can fail ends in a sentence naming the proxy or the
 * certificate, for the sign-in screen and the status bar alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNetwork } from '../../../src/desktop/core/network/node-network';
import { createIpcHandlers, dispatchIpc } from '../../../src/desktop/ipc/ipc-handlers';
import type { DomainError } from '../../../src/shared/domain/result';
import { startTestServer, writeFixture, type TestServer } from '../server/helpers';
import { startConnectProxy, type ConnectProxy } from '../network/connect-proxy';
import { createTestPki, type TestPki } from '../network/test-pki';
import {
  ALICE,
  CARMEN,
  deskWorld,
  ERIN,
  openDesktop,
  signIn,
  tempDir,
  waitFor,
  waitSynced,
  type TestDesktop,
} from './desktop-helpers';

const PROXY_USER = { username: 'svc-agentdesk', password: 'proxy secret:1' };

describe('through an authenticating proxy to a TLS server with an agency CA', () => {
  let pki: TestPki;
  let t: TestServer;
  let proxy: ConnectProxy;
  const desktops: TestDesktop[] = [];
  const serverAuthority = () => new URL(t.server.url).host;

  /** A desktop whose every connection goes through `proxyUrl`, trusting the test CA unless told not to. */
  async function desktop(proxyUrl: string, trust: 'test-ca' | 'default' = 'test-ca', dataDir = tempDir()) {
    const d = await openDesktop(t, dataDir, {
      network: nodeNetwork({ proxyUrl, ...(trust === 'test-ca' ? { extraCa: [pki.caPem] } : {}) }),
    });
    desktops.push(d);
    return d;
  }

  async function signInError(d: TestDesktop, who = ALICE): Promise<DomainError> {
    const result = await d.core.session.signIn(who);
    if (result.ok) throw new Error('sign-in should have failed');
    return result.error;
  }

  beforeAll(async () => {
    pki = createTestPki();
    t = await startTestServer({ tls: pki.server, supervisorTickMs: 100 });
    await writeFixture(t.server, deskWorld());
    proxy = await startConnectProxy({ credentials: PROXY_USER });
  });
  afterAll(async () => {
    for (const d of desktops) await d.dispose();
    await proxy?.close();
    await t?.dispose();
  });

  it('serves https only: the server URL is https', () => {
    expect(t.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('signs in, pushes, pulls and opens the supervisor board, all through the proxy', async () => {
    const through = proxy.url(PROXY_USER);
    const alice = await desktop(through);
    const carmen = await desktop(through);
    const erin = await desktop(through);
    const tunnelsBefore = proxy.tunnels.length;

    await signIn(alice.core, ALICE);
    await signIn(carmen.core, CARMEN);
    await waitSynced(alice.core);
    await waitSynced(carmen.core);

    // Push: Alice's claim reaches the server through the tunnel.
    expect(alice.core.commands.run('callback.claim', { callbackId: 'cb-1' }).ok).toBe(true);
    await waitSynced(alice.core);
    const row = await t.server.db
      .selectFrom('callbacks')
      .select('data')
      .where('id', '=', 'cb-1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.data).assigneeId).toBe('u-tier1-alice');

    // Pull: Carmen's desktop is poked and pulls the claim through its own tunnel.
    await waitFor(() => {
      const detail = carmen.core.queries.callback({ callbackId: 'cb-1' });
      return detail.ok && detail.value.callback.assigneeId === 'u-tier1-alice';
    }, "Carmen's desktop to pull Alice's claim");

    // The supervisor link: the lead's second socket, same proxy, same CA.
    await signIn(erin.core, ERIN);
    await waitSynced(erin.core);
    const subscribed = await dispatchIpc(createIpcHandlers(erin.core), erin.core, 'supervisor.subscribe', {});
    expect(subscribed.ok).toBe(true);
    await waitFor(() => erin.core.supervisor.status().state === 'live', 'the supervisor board to be live');

    // Every connection was a tunnel to the server: 3 sign-ins, 3 sync sockets, 1 supervisor socket at least.
    const tunnels = proxy.tunnels.slice(tunnelsBefore);
    expect(tunnels.length).toBeGreaterThanOrEqual(7);
    expect(new Set(tunnels)).toEqual(new Set([serverAuthority()]));
  });

  it('goes through a proxy that speaks TLS itself (HTTPS proxy), trusted by the same authorities', async () => {
    const tlsProxy = await startConnectProxy({ credentials: PROXY_USER, tls: pki.server });
    try {
      const d = await desktop(tlsProxy.url(PROXY_USER));
      await signIn(d.core, ALICE);
      expect(tlsProxy.tunnels).toContain(serverAuthority());
    } finally {
      await tlsProxy.close();
    }
  });

  it('names the proxy when it refuses the credentials (407)', async () => {
    const d = await desktop(proxy.url({ username: PROXY_USER.username, password: 'wrong' }));
    const error = await signInError(d);
    expect(error.code).toBe('network.proxy_auth_rejected');
    expect(error.message).toContain(`127.0.0.1:${proxy.port}`);
    expect(error.params).toMatchObject({ proxy: `127.0.0.1:${proxy.port}` });
    expect(error.message).not.toContain('wrong');
  });

  it('says the proxy wants credentials when none are set up', async () => {
    const d = await desktop(proxy.url());
    const error = await signInError(d);
    expect(error.code).toBe('network.proxy_auth_required');
    expect(error.message).toContain(`The proxy at 127.0.0.1:${proxy.port} asks for a user name and password`);
  });

  it('says a proxy that wants Windows sign-in only (NTLM/Negotiate) cannot be answered', async () => {
    const windowsOnly = await startConnectProxy({
      credentials: PROXY_USER,
      challenges: ['Negotiate', 'NTLM'],
    });
    try {
      const d = await desktop(windowsOnly.url());
      const error = await signInError(d);
      expect(error.code).toBe('network.proxy_auth_unsupported');
      expect(error.params).toMatchObject({ schemes: 'negotiate, ntlm' });
    } finally {
      await windowsOnly.close();
    }
  });

  it('names the proxy when it cannot be reached', async () => {
    const gone = await startConnectProxy();
    const port = gone.port;
    await gone.close();
    const d = await desktop(`http://127.0.0.1:${port}`);
    const error = await signInError(d);
    expect(error.code).toBe('network.proxy_unreachable');
    expect(error.message).toContain(`The proxy at 127.0.0.1:${port} cannot be reached (ECONNREFUSED)`);
  });

  it('names the certificate and why when the server is not trusted', async () => {
    const d = await desktop(proxy.url(PROXY_USER), 'default');
    const error = await signInError(d);
    expect(error.code).toBe('network.certificate_untrusted');
    expect(error.params).toMatchObject({
      host: '127.0.0.1',
      problem: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      subject: 'CN=localhost',
      issuer: 'CN=Agent Desk Test Root CA',
    });
    expect(error.message).toContain('is not trusted');
    expect(d.core.session.state().status).toBe('signed-out');
  });

  it("takes the agent's proxy credentials after a 407, keeps them encrypted with the session, forgets them at sign-out", async () => {
    const dataDir = tempDir();
    const first = await desktop(proxy.url(), 'test-ca', dataDir);
    const asked = await signInError(first);
    expect(asked.code).toBe('network.proxy_auth_required');
    const handlers = createIpcHandlers(first.core);
    const entered = await dispatchIpc(handlers, first.core, 'network.proxyCredentials', PROXY_USER);
    expect(entered.ok).toBe(true);
    await signIn(first.core, ALICE);
    await waitSynced(first.core);
    const stored = first.core.store.meta.get('proxy_credentials') ?? '';
    expect(stored).not.toBe('');
    expect(Buffer.from(stored, 'base64').includes(Buffer.from(PROXY_USER.password))).toBe(false);
    await first.close();

    // Restarted (a network without credentials of its own): the stored ones carry the sync socket.
    const again = await desktop(proxy.url(), 'test-ca', dataDir);
    await waitSynced(again.core);
    const out = await again.core.session.signOut({ discardPending: false });
    expect(out.ok).toBe(true);
    expect(again.core.store.meta.get('proxy_credentials')).toBeUndefined();
    expect((await signInError(again)).code).toBe('network.proxy_auth_required');
  });

  it('lets a signed-in agent replace stored credentials the proxy now refuses, and reconnects', async () => {
    const dataDir = tempDir();
    const d = await desktop(proxy.url(), 'test-ca', dataDir);
    const handlers = createIpcHandlers(d.core);
    await dispatchIpc(handlers, d.core, 'network.proxyCredentials', PROXY_USER);
    await signIn(d.core, ALICE);
    await waitSynced(d.core);
    // Stored credentials the proxy no longer takes (its password changed) meet the next start.
    await dispatchIpc(handlers, d.core, 'network.proxyCredentials', { ...PROXY_USER, password: 'old' });
    await d.close();
    const restarted = await desktop(proxy.url(), 'test-ca', dataDir);
    await waitFor(
      () => restarted.core.connectionState().error?.code === 'network.proxy_auth_rejected',
      'the sync connection to be refused by the proxy',
    );
    const replaced = await dispatchIpc(
      createIpcHandlers(restarted.core),
      restarted.core,
      'network.proxyCredentials',
      PROXY_USER,
    );
    expect(replaced.ok).toBe(true);
    await waitFor(
      () => restarted.core.connectionState().state === 'online',
      'the desktop to be online again',
    );
  });

  it('refuses empty proxy credentials at the IPC edge', async () => {
    const d = await desktop(proxy.url());
    const refused = await dispatchIpc(createIpcHandlers(d.core), d.core, 'network.proxyCredentials', {
      username: ' ',
      password: '',
    });
    expect(refused.ok).toBe(false);
  });

  it('shows the same problems on the sync connection of a desktop already signed in', async () => {
    const dataDir = tempDir();
    const first = await desktop(proxy.url(PROXY_USER), 'test-ca', dataDir);
    await signIn(first.core, ALICE);
    await waitSynced(first.core);
    await first.close();

    // The same cache, restarted on a network whose proxy now refuses its credentials.
    const refused = await desktop(proxy.url({ username: 'someone', password: 'else' }), 'test-ca', dataDir);
    await waitFor(() => refused.core.connectionState().error !== null, 'the sync connection to fail');
    expect(refused.core.connectionState().error?.code).toBe('network.proxy_auth_rejected');
    expect(refused.core.connectionState().state).toBe('offline');
    await refused.close();

    // And on one that does not trust the server's certificate.
    const untrusted = await desktop(proxy.url(PROXY_USER), 'default', dataDir);
    await waitFor(() => untrusted.core.connectionState().error !== null, 'the sync connection to fail');
    expect(untrusted.core.connectionState().error).toMatchObject({
      code: 'network.certificate_untrusted',
      params: { problem: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    });
    await untrusted.close();
  });
});
