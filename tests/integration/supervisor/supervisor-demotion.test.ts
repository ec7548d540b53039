/**
 * A lead whom an administrator demotes, moves or disables while the supervisor view
 * is open stops getting that team's board with the change, and is told why.
 */
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainError } from '../../../src/shared/domain/result';
import { SCHEMA_VERSION, type Ack } from '../../../src/shared/sync/protocol';
import {
  SUPERVISOR_EVENTS,
  SUPERVISOR_NAMESPACE,
  supervisorSnapshotSchema,
  type SupervisorSnapshot,
} from '../../../src/shared/supervisor/protocol';
import { baseWorld, callback } from '../server/fixtures';
import {
  ADMIN_REASON,
  createUser,
  signIn,
  startTestServer,
  writeFixture,
  T0,
  type TestServer,
} from '../server/helpers';

let t: TestServer;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await t.dispose();
});

/**
 * `sweepMs` long: only the path an admin edit takes (poke → index → board re-check)
 * can end the view in time; short: the periodic sweep does.
 */
async function start(sweepMs: number): Promise<void> {
  t = await startTestServer({ supervisorTickMs: 100, sessionSweepMs: sweepMs });
  await writeFixture(t.server, baseWorld());
  await t.server.supervisor.refresh();
}

interface Watcher {
  socket: Socket;
  snapshots: SupervisorSnapshot[];
  ended: Promise<{ event: string; error: DomainError }>;
  events: string[];
}

async function watch(username: string, password: string, subscribe = true): Promise<Watcher> {
  const session = await signIn(t.server, username, password);
  const socket = io(`${t.server.url}${SUPERVISOR_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token: session.token, schemaVersion: SCHEMA_VERSION },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const snapshots: SupervisorSnapshot[] = [];
  const events: string[] = [];
  socket.onAny((event: string) => events.push(event));
  socket.on(SUPERVISOR_EVENTS.snapshot, (s: unknown) => snapshots.push(supervisorSnapshotSchema.parse(s)));
  const ended = new Promise<{ event: string; error: DomainError }>((resolve) => {
    socket.once(SUPERVISOR_EVENTS.accessEnded, (error: DomainError) =>
      resolve({ event: SUPERVISOR_EVENTS.accessEnded, error }),
    );
    socket.once(SUPERVISOR_EVENTS.sessionExpired, (error: DomainError) =>
      resolve({ event: SUPERVISOR_EVENTS.sessionExpired, error }),
    );
  });
  if (subscribe) {
    const first: Ack<unknown> = await socket.timeout(5000).emitWithAck(SUPERVISOR_EVENTS.subscribe, {});
    if (!first.ok) throw new Error(first.error.message);
    snapshots.push(supervisorSnapshotSchema.parse(first.value));
  }
  return { socket, snapshots, ended, events };
}

async function admin(): Promise<string> {
  return (await signIn(t.server, 'admin.grace', 'demo-password-7')).token;
}

async function patchUser(token: string, id: string, body: unknown): Promise<void> {
  const response = await fetch(`${t.server.url}/api/admin/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ reason: ADMIN_REASON, ...(body as object) }),
  });
  expect(response.status).toBe(200);
}

/** A second lead of team alpha: proof that alpha's board kept flowing to those still allowed to see it. */
async function controlLead(token: string): Promise<Watcher> {
  await createUser(
    t.server,
    token,
    { username: 'lead.zoe', name: 'Zoe Lead', role: 'lead', team: 'alpha' },
    'zoe-lead-password',
  );
  return watch('lead.zoe', 'zoe-lead-password');
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms),
    ),
  ]);
}

async function waitFor(test: () => boolean, ms: number, what: string): Promise<void> {
  const started = performance.now();
  while (!test()) {
    if (performance.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const aNewAlphaCallback = () =>
  writeFixture(t.server, [
    { table: 'callbacks', row: callback('cb-new', 'alpha', { dueAt: T0 + 3_600_000 }) },
  ]);

describe('supervisor view after an administrator changes the lead (no sweep in time: the edit itself)', () => {
  it('a lead demoted to tier 2 gets no further board, is told why, and is not signed out', async () => {
    await start(60_000);
    const token = await admin();
    const zoe = await controlLead(token);
    const erin = await watch('lead.erin', 'demo-password-5');
    const erinBefore = erin.snapshots.length;

    await patchUser(token, 'u-lead-erin', { role: 'tier2' });
    const ended = await within(erin.ended, 3000, 'the demoted lead being told');
    expect(ended.event).toBe(SUPERVISOR_EVENTS.accessEnded);
    expect(ended.error.code).toBe('supervisor.role_changed');
    expect(ended.error.message).toContain('changed your role to tier2');
    // The roster change the demotion itself caused reached the control lead, not Erin.
    await waitFor(
      () => zoe.snapshots.some((s) => s.roster.find((r) => r.userId === 'u-lead-erin')?.role === 'tier2'),
      2000,
      'the control lead seeing the demotion',
    );
    await aNewAlphaCallback();
    t.server.supervisor.rowsChanged();
    await waitFor(
      () => zoe.snapshots.some((s) => s.board.figures.open.total === 3),
      2000,
      'the control lead seeing the new callback',
    );
    expect(erin.snapshots.length).toBe(erinBefore);
    expect(erin.events).not.toContain(SUPERVISOR_EVENTS.sessionExpired);
    expect(erin.socket.connected).toBe(false);

    const audit = await t.server.db
      .selectFrom('audit_events')
      .select(['actor_id', 'outcome', 'detail'])
      .where('action', '=', 'supervisor.access-ended')
      .execute();
    expect(audit).toEqual([
      {
        actor_id: 'u-lead-erin',
        outcome: 'ended',
        detail: JSON.stringify({ code: 'supervisor.role_changed' }),
      },
    ]);
    // Reconnecting is refused at the handshake: a tier 2 agent has no supervisor view.
    await expect(watch('lead.erin', 'demo-password-5')).rejects.toMatchObject({
      data: { code: 'auth.forbidden' },
    });
  });

  it('a lead moved to another team stops getting the old board and can open the new one', async () => {
    await start(60_000);
    const token = await admin();
    const zoe = await controlLead(token);
    const erin = await watch('lead.erin', 'demo-password-5');
    const erinBefore = erin.snapshots.length;

    await patchUser(token, 'u-lead-erin', { team: 'bravo' });
    const ended = await within(erin.ended, 3000, 'the moved lead being told');
    expect(ended).toMatchObject({
      event: SUPERVISOR_EVENTS.accessEnded,
      error: { code: 'supervisor.team_changed', params: { from: 'alpha', to: 'bravo' } },
    });
    await aNewAlphaCallback();
    t.server.supervisor.rowsChanged();
    await waitFor(
      () => zoe.snapshots.some((s) => s.board.figures.open.total === 3),
      2000,
      'the control lead',
    );
    expect(erin.snapshots.length).toBe(erinBefore);

    // The same session opens the supervisor view again: now team bravo's board.
    const again = await watch('lead.erin', 'demo-password-5');
    expect(again.snapshots[0]?.team).toBe('bravo');
  });

  it('a disabled lead’s session ends (session-expired) and the board stops', async () => {
    await start(60_000);
    const token = await admin();
    const erin = await watch('lead.erin', 'demo-password-5');
    const erinBefore = erin.snapshots.length;
    await patchUser(token, 'u-lead-erin', { active: false });
    const ended = await within(erin.ended, 3000, 'the disabled lead being told');
    expect(ended).toMatchObject({
      event: SUPERVISOR_EVENTS.sessionExpired,
      error: { code: 'auth.account_disabled' },
    });
    expect(erin.snapshots.length).toBe(erinBefore);
  });
});

describe('the periodic sweep', () => {
  it('ends the view of a demoted lead who is connected but not subscribed (no board to re-check)', async () => {
    await start(100);
    const token = await admin();
    const erin = await watch('lead.erin', 'demo-password-5', false);
    await patchUser(token, 'u-lead-erin', { role: 'tier1' });
    const ended = await within(erin.ended, 3000, 'the sweep');
    expect(ended).toMatchObject({
      event: SUPERVISOR_EVENTS.accessEnded,
      error: { code: 'supervisor.role_changed' },
    });
    expect(erin.snapshots).toEqual([]);
  });
});
