/**
 * screen_pop_p99: 500 desktops are connected (protocol stand-ins, the team's agents with
 * distinct client ids, so each agent has ~170 desktops); a stand-in telephony platform
 * sends 200 signed `call.offered` events, one at a time, each for the next agent; the clock
 * runs from just before the platform's POST until every desktop of that agent has the
 * screen pop (`telephony:call`). That includes the HTTP request, the signature check, the
 * event id insert, the customer lookup (a miss: the full worst case) and the fan-out.
 * Baseline: the same server's GET /health round trip, measured in the same run.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { loadDataset, TEAM_AGENTS } from './lib/dataset';
import { connect, connectMany, signIn } from './lib/protocol-client';
import { note, printBench } from './lib/report';
import { startServerProcess } from './lib/server-process';
import { nowMs, percentile, sleep } from './lib/stats';

const dataset = loadDataset(process.argv[2] as string);
const DESKTOPS = 500;
const EVENTS = 200;
const WARMUP_EVENTS = 5;
const EVENT_TIMEOUT_MS = 5_000;
const PLATFORM = { id: 'bench', secret: `bench-secret-${randomUUID()}` };

async function sendOffered(url: string, agent: string, callId: string): Promise<number> {
  const body = JSON.stringify({
    eventId: `ev-${callId}`,
    type: 'call.offered',
    occurredAt: new Date().toISOString(),
    callId,
    agent,
    from: '+12125550100',
    ivr: { language: 'es', receiptNumber: 'EAC2212345678', menuPath: ['case-status', 'agent'] },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', PLATFORM.secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const response = await fetch(`${url}/telephony/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-telephony-platform': PLATFORM.id,
      'x-telephony-timestamp': timestamp,
      'x-telephony-signature': signature,
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

async function healthBaseline(url: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < WARMUP_EVENTS + EVENTS; i++) {
    const t0 = nowMs();
    await (await fetch(`${url}/health`)).arrayBuffer();
    if (i >= WARMUP_EVENTS) latencies.push(nowMs() - t0);
  }
  return latencies;
}

async function main(): Promise<void> {
  const server = await startServerProcess(dataset.dataDir, 300_000, dataset.cluster, 0, {
    telephony: { platforms: [{ ...PLATFORM, placeCall: null }] },
  });
  try {
    const sessions = await Promise.all(TEAM_AGENTS.map((a) => signIn(server.url, a.username, a.password)));
    const byAgent = new Map<string, Socket[]>(TEAM_AGENTS.map((a) => [a.username, []]));
    await connectMany(DESKTOPS, 25, async (i) => {
      const agent = TEAM_AGENTS[i % TEAM_AGENTS.length] as (typeof TEAM_AGENTS)[number];
      const session = sessions[i % sessions.length] as { token: string };
      const socket = await connect(server.url, session.token, `bench-pop-${i}-${randomUUID()}`);
      byAgent.get(agent.username)?.push(socket);
      return socket;
    });
    note(`${DESKTOPS} desktops connected`);
    const baseline = await healthBaseline(server.url);
    const latencies: number[] = [];
    const started = nowMs();
    for (let i = 0; i < WARMUP_EVENTS + EVENTS; i++) {
      if (i % 50 === 0)
        note(`screen pop ${i}/${WARMUP_EVENTS + EVENTS} after ${((nowMs() - started) / 1000).toFixed(0)} s`);
      const agent = TEAM_AGENTS[i % TEAM_AGENTS.length]?.username as string;
      const sockets = byAgent.get(agent) ?? [];
      const callId = `pop-${i}-${randomUUID()}`;
      let t0 = 0;
      let got = 0;
      const all = new Promise<number>((resolve) => {
        for (const s of sockets) {
          const listener = (event: { callId?: string }) => {
            if (event.callId !== `${PLATFORM.id}:${callId}`) return;
            s.off('telephony:call', listener);
            got += 1;
            if (got === sockets.length) resolve(nowMs() - t0);
          };
          s.on('telephony:call', listener);
        }
      });
      t0 = nowMs();
      const status = await sendOffered(server.url, agent, callId);
      if (status !== 200) throw new Error(`the bridge answered ${status}`);
      const latency = await Promise.race([all, sleep(EVENT_TIMEOUT_MS).then(() => Number.POSITIVE_INFINITY)]);
      for (const s of sockets) s.removeAllListeners('telephony:call');
      if (i >= WARMUP_EVENTS) latencies.push(latency);
    }
    note(
      `screen pop to ~${Math.round(DESKTOPS / TEAM_AGENTS.length)} desktops of one agent: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms; /health p99 ${percentile(baseline, 99).toFixed(1)} ms`,
    );
    printBench({
      name: 'screen_pop_p99',
      value: percentile(latencies, 99),
      unit: 'ms',
      baseline: percentile(baseline, 99),
      goal: 'p99<1000ms',
    });
    for (const list of byAgent.values()) for (const s of list) s.disconnect();
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    note(`bench-screen-pop failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
