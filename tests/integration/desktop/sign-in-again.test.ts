import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import { ADMIN_REASON, signIn as serverSignIn, type TestServer } from '../server/helpers';
import {
  ALICE,
  ERIN,
  openDesktop,
  restartOnSamePort,
  serverRow,
  signIn,
  startDeskServer,
  waitFor,
  waitSynced,
} from './desktop-helpers';

// Issue 13 item 1: the server ends an idle session (auth.session_idle) while the
// desktop is locked. One password entry at the lock screen must sign in again,
// resume sync and send what waited; offline, unlock locally and sign in again as
// soon as the server answers. The lead's board comes back the same way.
describe('unlock after the server ended the session', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startDeskServer(['again-1', 'again-2', 'again-3']);
  });
  afterAll(async () => t.dispose());

  const endIdleSession = async (d: Awaited<ReturnType<typeof openDesktop>>) => {
    d.core.session.lock();
    t.clock.advance(20 * MINUTE_MS);
    await waitFor(() => d.core.session.state().expired, 'the server to end the idle session');
  };

  it('one unlock signs in again and sends the change that waited', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      await endIdleSession(d);
      // Made before the lock reached the screen: queued, and nothing can send it on the ended session.
      expect(d.core.commands.run('callback.claim', { callbackId: 'again-1' }).ok).toBe(true);
      expect(d.core.connectionState().pending).toBe(1);

      const unlocked = await d.core.session.unlock({ password: ALICE.password });
      expect(unlocked.ok && unlocked.value).toMatchObject({ status: 'signed-in', expired: false });
      await waitSynced(d.core);
      expect((await serverRow(t, 'callbacks', 'again-1')).assigneeId).toBe('u-tier1-alice');
    } finally {
      await d.dispose();
    }
  });

  it('a wrong password neither unlocks nor signs in again', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      await endIdleSession(d);
      const wrong = await d.core.session.unlock({ password: 'not-the-password' });
      expect(!wrong.ok && wrong.error.code).toBe('session.wrong_password');
      expect(d.core.session.state()).toMatchObject({ status: 'locked', expired: true });
    } finally {
      await d.dispose();
    }
  });

  it('offline: unlocks locally, then signs in again by itself when the server answers', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      await endIdleSession(d);
      await restartOnSamePort(t, async () => {
        const unlocked = await d.core.session.unlock({ password: ALICE.password });
        expect(unlocked.ok && unlocked.value).toMatchObject({ status: 'signed-in', expired: true });
        expect(d.core.commands.run('callback.claim', { callbackId: 'again-2' }).ok).toBe(true);
        d.core.checkTimers(); // the server is down: the retry finds nobody
      });
      await waitFor(() => {
        d.core.checkTimers();
        return !d.core.session.state().expired;
      }, 'the desktop to sign in again once the server is back');
      await waitSynced(d.core);
      expect((await serverRow(t, 'callbacks', 'again-2')).assigneeId).toBe('u-tier1-alice');
    } finally {
      await d.dispose();
    }
  });

  it('unlocked while the server was away, which then ended the session: the same password signs in again', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      await restartOnSamePort(t, async () => {
        // A break with the server out of reach: the desktop cannot know the session will have ended.
        d.core.session.lock();
        t.clock.advance(20 * MINUTE_MS);
        const unlocked = await d.core.session.unlock({ password: ALICE.password });
        expect(unlocked.ok && unlocked.value).toMatchObject({ status: 'signed-in', expired: false });
        expect(d.core.commands.run('callback.claim', { callbackId: 'again-3' }).ok).toBe(true);
      });
      // The server answers that the session ended; no second password entry is asked for.
      await waitFor(() => {
        d.core.checkTimers();
        const state = d.core.session.state();
        return state.status === 'signed-in' && !state.expired && d.core.connectionState().pending === 0;
      }, 'the desktop to sign in again and send the claim');
      expect((await serverRow(t, 'callbacks', 'again-3')).assigneeId).toBe('u-tier1-alice');
    } finally {
      await d.dispose();
    }
  });

  it('a lock tells the lead "away" without keeping the idle session alive', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      t.clock.advance(10 * MINUTE_MS);
      // The lock reports "Away (locked)" to the server; that is not the agent at the keyboard.
      d.core.session.lock();
      await new Promise((r) => setTimeout(r, 200));
      t.clock.advance(6 * MINUTE_MS);
      await waitFor(() => d.core.session.state().expired, 'the server to end the idle session 16 minutes in');
    } finally {
      await d.dispose();
    }
  });

  it("the lead's board comes back after the unlock", async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ERIN);
      await waitSynced(d.core);
      const first = await d.core.supervisor.subscribe();
      expect(first.ok).toBe(true);
      await endIdleSession(d);
      await waitFor(() => d.core.supervisor.status().state === 'off', 'the board to close with the session');
      const snapshots: unknown[] = [];
      d.core.events.on('supervisorSnapshot', (s) => snapshots.push(s));
      expect((await d.core.session.unlock({ password: ERIN.password })).ok).toBe(true);
      await waitFor(
        () => d.core.supervisor.status().state === 'live' && snapshots.length > 0,
        'the board to be live again with a snapshot',
      );
    } finally {
      await d.dispose();
    }
  });

  it('an account disabled meanwhile goes to the sign-in screen, not the lock screen', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      const admin = await serverSignIn(t.server, 'admin.grace', 'demo-password-7');
      const patch = (active: boolean) =>
        fetch(`${t.server.url}/api/admin/users/u-tier1-alice`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
          body: JSON.stringify({ reason: ADMIN_REASON, active }),
        });
      expect((await patch(false)).status).toBe(200);
      try {
        await waitFor(() => d.core.session.state().expired, 'the server to end the disabled session');
        // No password entry at the lock screen can resume it: the sign-in screen says why.
        expect(d.core.session.state()).toMatchObject({ status: 'signed-out', expired: true });
      } finally {
        expect((await patch(true)).status).toBe(200);
      }
    } finally {
      await d.dispose();
    }
  });

  it('an idle end stays at the lock screen', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      await endIdleSession(d);
      expect(d.core.session.state()).toMatchObject({ status: 'locked', expired: true });
    } finally {
      await d.dispose();
    }
  });
});
