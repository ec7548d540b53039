import { afterEach, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../support/test-store';
import { connectAgent, startTestServer, type TestServer } from './helpers';

const TOKEN = 'metrics-credential-0123456789';

describe(`health, readiness, metrics and the graceful stop (${TEST_STORE})`, () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const t of servers.splice(0)) await t.dispose();
  });
  const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
    const t = await startTestServer(options);
    servers.push(t);
    return t;
  };

  it('is live and ready, and turns not ready as soon as it starts stopping', async () => {
    const t = await start();
    expect(await (await fetch(`${t.server.url}/health`)).json()).toMatchObject({ ok: true });
    const ready = await fetch(`${t.server.url}/ready`);
    expect(ready.status).toBe(200);
    const stopping = t.server.close();
    expect(await t.server.readiness()).toEqual({ ready: false, reason: 'stopping' });
    await stopping;
  });

  it('closes its sockets when it stops, so desktops reconnect elsewhere', async () => {
    const t = await start();
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const gone = new Promise<string>((resolve) => alice.socket.once('disconnect', resolve));
    await t.server.close();
    expect(await gone).toBe('io server disconnect');
  });

  it('serves /metrics on the main port only with the credential when one is configured', async () => {
    const t = await start({ metricsToken: TOKEN });
    expect((await fetch(`${t.server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${t.server.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${t.server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('agent_desk_connected_sockets');
  });

  it('serves /metrics without a credential on its own listener when asked to', async () => {
    const t = await start({ metricsToken: TOKEN, metricsPort: 0, metricsHost: '127.0.0.1' });
    const url = t.server.metricsUrl as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const metrics = await fetch(url);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('agent_desk_pulls_total');
    expect((await fetch(url.replace('/metrics', '/health'))).status).toBe(404);
  });
});
