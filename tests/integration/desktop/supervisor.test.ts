import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopCore } from '../../../src/desktop/core/desktop-core';
import { createIpcHandlers, dispatchIpc } from '../../../src/desktop/ipc/ipc-handlers';
import type { ChannelArgs, ChannelResult, IpcChannel, SupervisorSnapshotView } from '../../../src/shared/ipc';
import type { IpcResult } from '../../../src/shared/ipc/result';
import { callback } from '../server/fixtures';
import {
  ADMIN_REASON,
  signIn as serverSignIn,
  startTestServer,
  T0,
  writeFixture,
  type TestServer,
} from '../server/helpers';
import {
  ALICE,
  CARMEN,
  deskWorld,
  ERIN,
  openDesktop,
  restartOnSamePort,
  signIn,
  waitFor,
  waitSynced,
  type TestDesktop,
} from './desktop-helpers';

const CARMEN_ID = 'u-tier2-carmen';
const MINUTE = 60_000;

/** Calls a channel the way a renderer does: through the IPC dispatcher (args and result schemas checked). */
async function call<C extends IpcChannel>(
  core: DesktopCore,
  channel: C,
  args: ChannelArgs<C>,
): Promise<IpcResult<ChannelResult<C>>> {
  return (await dispatchIpc(createIpcHandlers(core), core, channel, args)) as IpcResult<ChannelResult<C>>;
}

function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('supervisor view through the real desktop core and a real server', () => {
  let t: TestServer;
  let lead: TestDesktop;
  let agent: TestDesktop;
  const snapshots: SupervisorSnapshotView[] = [];
  const latest = () => snapshots.at(-1);
  const carmenOnRoster = () => latest()?.roster.find((r) => r.userId === CARMEN_ID);

  beforeAll(async () => {
    t = await startTestServer({ supervisorTickMs: 100 });
    await writeFixture(t.server, [
      ...deskWorld(),
      {
        table: 'callbacks',
        row: callback('cb-7', 'alpha', {
          status: 'closed-unable-to-reach',
          closedAt: T0 - 10 * MINUTE,
          attempts: [
            {
              id: 'at-1',
              at: T0 - 90 * MINUTE,
              agentId: 'u-tier1-alice',
              numberDialed: '+12125550123',
              outcome: 'no-answer-message-left',
              messageLeft: true,
            },
            {
              id: 'at-2',
              at: T0 - 10 * MINUTE,
              agentId: 'u-tier1-alice',
              numberDialed: '+12125550123',
              outcome: 'busy',
              messageLeft: false,
            },
          ],
        }),
      },
    ]);
    await t.server.supervisor.refresh();
    lead = await openDesktop(t);
    agent = await openDesktop(t);
    lead.core.events.on('supervisorSnapshot', (s) => snapshots.push(s));
    await signIn(lead.core, ERIN);
    await signIn(agent.core, CARMEN);
    await waitSynced(lead.core);
    await waitSynced(agent.core);
  });
  afterAll(async () => {
    await lead?.dispose();
    await agent?.dispose();
    await t?.dispose();
  });

  it('gives the lead the live board, and refuses an agent with a reason', async () => {
    const first = value(await call(lead.core, 'supervisor.subscribe', {}));
    expect(first.team).toBe('alpha');
    expect(first.board.figures.open.total).toBe(2);
    expect(first.board.figures.queued.total).toBe(2);
    expect(first.board.figures['unable-to-reach-today'].total).toBe(1);
    expect(first.roster.map((r) => r.userId)).toContain(CARMEN_ID);
    expect(lead.core.supervisor.status().state).toBe('live');

    const refused = await call(agent.core, 'supervisor.subscribe', {});
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('auth.forbidden');
  });

  it('drills down to the callbacks behind a figure, with names joined from the cache', async () => {
    const view = value(await call(lead.core, 'supervisor.drillDown', { figure: 'queued' }));
    expect(view.total).toBe(2);
    expect(view.items.map((i) => i.id).sort()).toEqual(['cb-1', 'cb-2']);
    expect(view.items.every((i) => i.customerName === 'Test Customer')).toBe(true);
    expect(view.items.every((i) => i.assigneeName === null)).toBe(true);
  });

  it('reassigns to an agent: her core receives the callback and the board follows', async () => {
    const done = value(
      await call(lead.core, 'supervisor.reassign', { callbackIds: ['cb-2'], assigneeId: CARMEN_ID }),
    );
    expect(done.mutationIds).toHaveLength(1);
    expect(done.refused).toEqual([]);
    // Shown on the lead's desktop at once (optimistic; the server may or may not have it yet).
    const drill = value(await call(lead.core, 'supervisor.drillDown', { figure: 'open' }));
    expect(drill.items.find((i) => i.id === 'cb-2')?.assigneeName).toBe('Carmen Tier2');
    await waitSynced(lead.core);

    await waitFor(() => {
      const mine = agent.core.queries.worklist({ scope: 'mine', status: ['open'], offset: 0, limit: 50 });
      return mine.ok && mine.value.rows.some((r) => r.id === 'cb-2');
    }, "the callback on Carmen's own list");
    await waitFor(
      () => latest()?.board.figures.claimed.total === 1 && carmenOnRoster()?.callbacksHeld === 1,
      'a snapshot with the callback claimed by Carmen',
    );
  });

  it('shows a presence change of the agent on the roster', async () => {
    value(
      await call(agent.core, 'presence.set', {
        status: 'on-call',
        currentItem: { table: 'callbacks', id: 'cb-2' },
      }),
    );
    await waitFor(() => carmenOnRoster()?.presence === 'on-call', 'Carmen on a call on the roster');
    expect(carmenOnRoster()?.currentItem).toEqual({ table: 'callbacks', id: 'cb-2' });
    // The core names the customer from its own cache; the server sent the id only.
    expect(carmenOnRoster()?.currentItemName).toBe('Test Customer');
  });

  it('shows a locked desktop as "Away (locked)", and the status again after the unlock (issue 13 item 4)', async () => {
    agent.core.session.lock();
    await waitFor(() => carmenOnRoster()?.presence === 'away-locked', 'Carmen away (locked) on the roster');
    expect(carmenOnRoster()?.currentItem).toBeNull();
    value(await call(agent.core, 'session.unlock', { password: CARMEN.password }));
    await waitFor(() => carmenOnRoster()?.presence === 'on-call', 'Carmen on a call again after the unlock');
  });

  it('grants an extra attempt in bulk: allowed ones queue, the others are refused with a reason', async () => {
    const done = value(
      await call(lead.core, 'supervisor.grantExtraAttempts', { callbackIds: ['cb-7', 'cb-1'] }),
    );
    expect(done.mutationIds).toHaveLength(1);
    expect(done.refused.map((r) => r.callbackId)).toEqual(['cb-1']);
    expect(done.refused[0]?.message).not.toBe('');
    await waitSynced(lead.core);
    await waitFor(() => latest()?.board.figures.open.total === 3, 'the granted callback open again');
  });

  it('sends an agent-only user nowhere near the bulk actions', async () => {
    const refused = await call(agent.core, 'supervisor.reassign', {
      callbackIds: ['cb-1'],
      assigneeId: null,
    });
    expect(!refused.ok && refused.error.code).toBe('auth.forbidden');
    const alice = await openDesktop(t);
    try {
      await signIn(alice.core, ALICE);
      const forecast = await call(alice.core, 'supervisor.forecast', { averageHandleMinutes: 10 });
      expect(!forecast.ok && forecast.error.code).toBe('auth.forbidden');
    } finally {
      await alice.dispose();
    }
  });

  it('forecasts breaches at the staffing the lead enters', async () => {
    const forecast = value(
      await call(lead.core, 'supervisor.forecast', { averageHandleMinutes: 15, agentsOnShift: 1 }),
    );
    expect(forecast.openCallbacks).toBe(3);
    expect(forecast.settings.agentsOnShift).toBe(1);
    expect(forecast.counts.total).toBe(forecast.breaches.length);
  });

  it('reconnects after a server restart and keeps the board live', async () => {
    const before = latest()?.seq ?? 0;
    const statuses: string[] = [];
    const off = lead.core.events.on('supervisorStatus', (s) => statuses.push(s.state));
    try {
      await restartOnSamePort(t);
      await waitFor(() => statuses.includes('offline'), 'the link to notice the restart');
      await waitFor(() => lead.core.supervisor.status().state === 'live', 'the link live again', 15_000);
      // The server's seq starts over after a restart; the core accepts the new server's first snapshot.
      const count = snapshots.length;
      await waitFor(() => snapshots.length > count || (latest()?.seq ?? 0) !== before, 'a fresh snapshot');
      expect(latest()?.board.figures.claimed.total).toBe(1);
    } finally {
      off();
    }
    value(await call(lead.core, 'supervisor.unsubscribe', {}));
    expect(lead.core.supervisor.status().state).toBe('off');
  });

  it('a lead demoted by an administrator: the board stops with the reason, the session goes on as tier 2', async () => {
    value(await call(lead.core, 'supervisor.subscribe', {}));
    await waitFor(() => lead.core.supervisor.status().state === 'live', 'the board live');
    const admin = await serverSignIn(t.server, 'admin.grace', 'demo-password-7');
    const demoted = await fetch(`${t.server.url}/api/admin/users/u-lead-erin`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ role: 'tier2', reason: ADMIN_REASON }),
    });
    expect(demoted.status).toBe(200);
    await waitFor(() => lead.core.supervisor.status().state === 'off', 'the board to stop');
    // Whichever comes first says why: the server's access-ended event or the synced profile (no longer a lead).
    expect(lead.core.supervisor.status().error?.code).toMatch(/^(supervisor\.role_changed|auth\.forbidden)$/);
    // Not signed out: the session follows the synced profile instead.
    await waitFor(
      () => lead.core.session.state().user?.role === 'tier2',
      'the session to follow the new role',
    );
    expect(lead.core.session.state().status).toBe('signed-in');
  });
});
