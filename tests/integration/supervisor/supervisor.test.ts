import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Ack } from '../../../src/shared/sync/protocol';
import {
  SUPERVISOR_EVENTS,
  SUPERVISOR_NAMESPACE,
  drillDownResponseSchema,
  forecastSchema,
  heartbeatSchema,
  supervisorSnapshotSchema,
  type SupervisorSnapshot,
} from '../../../src/shared/supervisor/protocol';
import { reassignCallback } from '../../../src/shared/sync/mutators/callback-reassign';
import { baseWorld, callback, customer } from '../server/fixtures';
import { connectAgent, signIn, startTestServer, writeFixture, T0, type TestServer } from '../server/helpers';

let t: TestServer;
const phone = (e164: string) => ({ label: 'mobile' as const, e164, ext: null, bestTime: null });
const sockets: Socket[] = [];

beforeEach(async () => {
  t = await startTestServer({ supervisorTickMs: 100, supervisorHeartbeatMs: 300 });
  await writeFixture(t.server, [
    ...baseWorld(),
    { table: 'callbacks', row: callback('cb-3', 'alpha', { dueAt: T0 + 10 * 60_000 }) },
  ]);
  await t.server.supervisor.refresh();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await t.dispose();
});

function openSupervisor(token: string): Promise<Socket> {
  const socket = io(`${t.server.url}${SUPERVISOR_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token, schemaVersion: SCHEMA_VERSION },
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error & { data?: unknown }) =>
      reject(Object.assign(new Error(error.message), { data: error.data })),
    );
  });
}

async function lead(username = 'lead.erin', password = 'demo-password-5') {
  const session = await signIn(t.server, username, password);
  const socket = await openSupervisor(session.token);
  const snapshots: SupervisorSnapshot[] = [];
  socket.on(SUPERVISOR_EVENTS.snapshot, (s: unknown) => snapshots.push(supervisorSnapshotSchema.parse(s)));
  const first: Ack<unknown> = await socket.timeout(5000).emitWithAck(SUPERVISOR_EVENTS.subscribe, {});
  if (!first.ok) throw new Error(first.error.message);
  const snapshot = supervisorSnapshotSchema.parse(first.value);
  return { socket, snapshot, snapshots, session };
}

/** Resolves with the first snapshot that satisfies `test`, failing after `withinMs`. */
async function waitForSnapshot(
  snapshots: SupervisorSnapshot[],
  test: (s: SupervisorSnapshot) => boolean,
  withinMs = 1000,
): Promise<SupervisorSnapshot> {
  const started = performance.now();
  for (;;) {
    const hit = snapshots.find(test);
    if (hit) return hit;
    if (performance.now() - started > withinMs) throw new Error(`no matching snapshot within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('supervisor channel', () => {
  it('a lead subscribes and sees a claim and an attempt on the board within a second', async () => {
    const { snapshot, snapshots } = await lead();
    expect(snapshot.team).toBe('alpha');
    expect(snapshot.board.figures.open.total).toBe(3);
    expect(snapshot.board.figures.queued.total).toBe(3);
    expect(snapshot.board.figures['due-soon'].total).toBe(1);
    expect(snapshot.roster.map((r) => r.userId)).toEqual(['u-tier1-alice', 'u-tier2-carmen', 'u-lead-erin']);

    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const claimed = await alice.push({ name: 'callback.claim@1', args: { callbackId: 'cb-1' } });
    expect(claimed.ok && claimed.value.results[0]?.status).toBe('applied');
    const afterClaim = await waitForSnapshot(snapshots, (s) => s.board.figures.claimed.total === 1);
    expect(afterClaim.board.figures.queued.total).toBe(2);
    expect(afterClaim.roster.find((r) => r.userId === 'u-tier1-alice')?.callbacksHeld).toBe(1);

    const attempted = await alice.push({
      name: 'callback.record-attempt@1',
      args: {
        callbackId: 'cb-1',
        attemptId: 'at-1',
        numberDialed: '+12125550123',
        outcome: 'no-answer-message-left',
        messageLeft: true,
      },
    });
    expect(attempted.ok && attempted.value.results[0]?.status).toBe('applied');
    const afterAttempt = await waitForSnapshot(
      snapshots,
      (s) => s.board.figures['second-attempt-pending'].total === 1,
    );
    const aliceRow = afterAttempt.roster.find((r) => r.userId === 'u-tier1-alice');
    expect(aliceRow?.attemptsToday).toBe(1);
    expect(aliceRow?.outcomesToday['no-answer-message-left']).toBe(1);
    const outcomes = afterAttempt.charts.attemptOutcomes.series.find(
      (s) => s.key === 'no-answer-message-left',
    );
    expect(outcomes?.values.at(-1)).toBe(1);
    // Snapshots are throttled: a handful, never a flood.
    expect(snapshots.length).toBeLessThanOrEqual(4);
    alice.socket.close();
  });

  it('presence changes show on the roster; a disconnect makes the agent offline', async () => {
    const { snapshots } = await lead();
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const set = await carmen.socket.timeout(5000).emitWithAck('presence', {
      status: 'on-call',
      currentItem: { table: 'callbacks', id: 'cb-2' },
    });
    expect(set.ok).toBe(true);
    const onCall = await waitForSnapshot(snapshots, (s) =>
      s.roster.some((r) => r.userId === 'u-tier2-carmen' && r.presence === 'on-call'),
    );
    expect(onCall.roster.find((r) => r.userId === 'u-tier2-carmen')?.currentItem).toEqual({
      table: 'callbacks',
      id: 'cb-2',
    });
    carmen.socket.close();
    await waitForSnapshot(snapshots, (s) =>
      s.roster.some((r) => r.userId === 'u-tier2-carmen' && r.presence === 'offline'),
    );
  });

  it('a board is sent only when it changed: never again the board the subscribe answer showed', async () => {
    const { snapshot, snapshots } = await lead();
    // Several clock ticks (supervisorTickMs 100) re-read the unchanged board in this time.
    await new Promise((r) => setTimeout(r, 500));
    await writeFixture(t.server, [
      { table: 'callbacks', row: callback('cb-4', 'alpha', { dueAt: T0 + 3 * 3_600_000 }) },
    ]);
    t.server.supervisor.rowsChanged();
    await waitForSnapshot(snapshots, (s) => s.board.figures.open.total === 4, 2000);
    expect(snapshot.board.figures.open.total).toBe(3);
    expect(snapshots.map((s) => s.board.figures.open.total)).toEqual([4]);
    expect(snapshots[0]?.seq).toBeGreaterThan(snapshot.seq);
  });

  it('clock-driven figures move without any write: due soon becomes overdue', async () => {
    const { snapshot, snapshots } = await lead();
    expect(snapshot.board.figures.overdue.total).toBe(0);
    // Less than the idle timeout, or the session (rightly) expires.
    t.clock.advance(11 * 60_000);
    const later = await waitForSnapshot(snapshots, (s) => s.board.figures.overdue.total === 1);
    expect(later.board.figures['due-soon'].total).toBe(0);
  });

  it('drill-down lists the callbacks behind a figure; forecast answers for the team', async () => {
    const { socket } = await lead();
    const drill: Ack<unknown> = await socket
      .timeout(5000)
      .emitWithAck(SUPERVISOR_EVENTS.drillDown, { figure: 'open' });
    expect(drill.ok).toBe(true);
    const page = drillDownResponseSchema.parse(drill.ok ? drill.value : null);
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).toEqual(['cb-3', 'cb-1', 'cb-2']);
    const forecast: Ack<unknown> = await socket
      .timeout(5000)
      .emitWithAck(SUPERVISOR_EVENTS.forecast, { agentsOnShift: 0, averageHandleMinutes: 30 });
    expect(forecast.ok).toBe(true);
    const f = forecastSchema.parse(forecast.ok ? forecast.value : null);
    expect(f.openCallbacks).toBe(3);
    // cb-3 is due in 10 minutes: even an agent starting now (30 minutes) cannot make it.
    expect(f.counts).toMatchObject({ capacity: 2, hours: 1 });
    expect(f.prevention?.extraAgents).toBe(1);
    const protocolErrors = t.server.metrics.protocolErrors;
    const bad: Ack<unknown> = await socket
      .timeout(5000)
      .emitWithAck(SUPERVISOR_EVENTS.forecast, { averageHandleMinutes: -1 });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'protocol.bad_payload', message: expect.stringContaining('averageHandleMinutes') },
    });
    const unknown: Ack<unknown> = await socket.timeout(5000).emitWithAck('supervisor:launch', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'protocol.unknown_event' } });
    // Counted like the sync channel's: one socket helper answers both.
    expect(t.server.metrics.protocolErrors).toBe(protocolErrors + 2);
    const audited = await t.server.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('action', 'like', 'supervisor.%')
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      'supervisor.drill-down',
      'supervisor.forecast',
      'supervisor.subscribe',
    ]);
  });

  it('tier 1, tier 2 and admins cannot open the supervisor view', async () => {
    for (const [user, password] of [
      ['tier1.alice', 'demo-password-1'],
      ['tier2.carmen', 'demo-password-3'],
      ['admin.grace', 'demo-password-7'],
    ] as const) {
      const session = await signIn(t.server, user, password);
      await expect(openSupervisor(session.token)).rejects.toMatchObject({ data: { code: 'auth.forbidden' } });
    }
  });

  it('a lead sees only their own team and cannot reassign another team’s callback', async () => {
    const { socket } = await lead();
    const other: Ack<unknown> = await socket
      .timeout(5000)
      .emitWithAck(SUPERVISOR_EVENTS.subscribe, { team: 'bravo' });
    expect(other).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    const pushed = await erin.push({
      name: 'callback.reassign@1',
      args: { callbackId: 'cb-9', assigneeId: null },
    });
    expect(pushed.ok && pushed.value.results[0]?.error?.code).toBe('callback.not_found');
    erin.socket.close();
  });

  it('agents cannot reassign or grant attempts; a lead bulk-reassigns and every move is audited', async () => {
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    const denied = await carmen.push(
      { name: 'callback.reassign@1', args: { callbackId: 'cb-1', assigneeId: 'u-tier2-carmen' } },
      { name: 'callback.grant-extra-attempt@1', args: { callbackId: 'cb-1' } },
    );
    expect(denied.ok && denied.value.results.map((r) => r.error?.code)).toEqual([
      'auth.forbidden',
      'auth.forbidden',
    ]);
    carmen.socket.close();

    const { snapshots } = await lead();
    const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    // A bulk reassign is one callback.reassign per callback, as the desktop's SupervisorDesk queues them.
    const batch = ['cb-1', 'cb-2', 'cb-3'].map((callbackId) => ({
      name: reassignCallback.name,
      args: { callbackId, assigneeId: 'u-tier2-carmen' },
    }));
    const moved = await erin.push(...batch);
    expect(moved.ok && moved.value.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const after = await waitForSnapshot(snapshots, (s) => s.board.figures.claimed.total === 3);
    expect(after.roster.find((r) => r.userId === 'u-tier2-carmen')?.callbacksHeld).toBe(3);
    const audit = await t.server.db
      .selectFrom('audit_events')
      .select(['entity_id', 'actor_id', 'outcome'])
      .where('action', '=', 'callback.reassign@1')
      .where('outcome', '=', 'applied')
      .execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual(['cb-1', 'cb-2', 'cb-3']);
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set(['u-lead-erin']));
    erin.socket.close();
  });

  it('rebuilds the index from the database at start', async () => {
    await t.restart();
    expect(t.server.supervisor.index.board('alpha', T0).figures.open.total).toBe(3);
    expect(t.server.supervisor.index.board('bravo', T0).figures.open.total).toBe(1);
  });

  it('an unchanged board hears a heartbeat, so the desktop can tell current from stale', async () => {
    const { socket, snapshot } = await lead();
    const beat = await new Promise<unknown>((resolve) => socket.once(SUPERVISOR_EVENTS.heartbeat, resolve));
    expect(heartbeatSchema.parse(beat)).toMatchObject({ team: 'alpha', seq: snapshot.seq });
  });

  it("a customer's new number moves their callback to due today: the SLA rule counts the customer's hours", async () => {
    // Wednesday 10:00 New York; due Thursday 13:00. In New York Thursday morning is still callable.
    await writeFixture(t.server, [
      {
        table: 'customers',
        row: { ...customer('cu-z', 'alpha'), timeZone: null, phones: [phone('+12125550177')] },
      },
      {
        table: 'callbacks',
        row: callback('cb-z', 'alpha', { customerId: 'cu-z', dueAt: T0 + 27 * 3_600_000 }),
      },
    ]);
    await t.server.supervisor.refresh();
    const { snapshot, snapshots } = await lead();
    const before = snapshot.board.figures['due-today'].total;
    // The customer now gives a Honolulu number only: Thursday's window opens at 14:00 New York, after the due time.
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const moved = await alice.push({
      name: 'customer.upsert@1',
      args: {
        customerId: 'cu-z',
        name: 'Test Customer',
        preferredLanguage: 'en',
        phones: [phone('+18085550177')],
        email: null,
        aNumber: null,
        timeZone: null,
      },
    });
    expect(moved.ok && moved.value.results[0]?.status).toBe('applied');
    const after = await waitForSnapshot(snapshots, (s) => s.board.figures['due-today'].total === before + 1);
    expect(after.board.figures.overdue.total).toBe(snapshot.board.figures.overdue.total);
    const drill: Ack<unknown> = await (
      await lead()
    ).socket
      .timeout(5000)
      .emitWithAck(SUPERVISOR_EVENTS.drillDown, { figure: 'due-today' });
    if (!drill.ok) throw new Error(drill.error.message);
    const item = drillDownResponseSchema.parse(drill.value).items.find((i) => i.id === 'cb-z');
    expect(item?.sla).toMatchObject({ state: 'due-today', lastWindow: { end: expect.any(Number) } });
    alice.socket.close();
  });
});
