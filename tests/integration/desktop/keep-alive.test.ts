import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import { startTestServer, type TestServer } from '../server/helpers';
import { ALICE, deskWorld, openDesktop, signIn, waitFor, waitSynced } from './desktop-helpers';
import { writeFixture } from '../server/helpers';

// The server ends a session after the policy's idle minutes without a push or
// presence; pulls do not count. An agent on a long call saves nothing for a while,
// so the desktop's own activity must keep the server session alive.
describe('session keep-alive', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, deskWorld());
  });
  afterAll(async () => t.dispose());

  const lastSeen = async () =>
    (
      await t.server.db
        .selectFrom('sessions')
        .select('last_seen_at')
        .where('user_id', '=', 'u-tier1-alice')
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).last_seen_at;

  it('keeps an active agent signed in past the idle timeout', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      expect(d.core.commands.setPresence({ status: 'available', currentItem: null }).ok).toBe(true);

      t.clock.advance(10 * MINUTE_MS);
      expect(d.core.session.activity().ok).toBe(true);
      let seen = 0;
      await waitFor(() => {
        void lastSeen().then((v) => (seen = v));
        return seen === t.clock.now;
      }, 'the keep-alive to reach the server');

      t.clock.advance(10 * MINUTE_MS); // 20 minutes after sign-in, 10 after the activity
      await new Promise((resolve) => setTimeout(resolve, 300)); // a few server sweeps
      expect(d.core.connectionState().state).not.toBe('signed-out');
      expect(d.core.session.state().expired).toBe(false);
    } finally {
      await d.dispose();
    }
  });

  it('lets an idle session end on the server', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      t.clock.advance(20 * MINUTE_MS);
      await waitFor(() => d.core.session.state().expired, 'the server to end the idle session');
    } finally {
      await d.dispose();
    }
  });
});
