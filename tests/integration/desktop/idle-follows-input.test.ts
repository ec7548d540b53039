import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../src/shared/domain/policy';
import type { TestServer } from '../server/helpers';
import { ALICE, openDesktop, signIn, startDeskServer, waitFor, waitSynced } from './desktop-helpers';

// Issue 13 item 1: the idle lock follows input, not data. Input reaches the server
// through keep-alives spaced a third of the idle limit apart; the one held back by
// that spacing must still reach the server, or the server ends the session of an
// agent (or a lead watching the board) minutes before the desktop would lock.
describe('the idle limits follow the last input', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startDeskServer();
  });
  afterAll(async () => t.dispose());

  // What the server last heard from the desk: its session's activity, written back in batches
  // (a presence that repeats the row writes nothing, so the presence row cannot tell).
  const lastSeen = async (userId: string) =>
    (
      await t.server.db
        .selectFrom('sessions')
        .select('last_seen_at')
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .executeTakeFirst()
    )?.last_seen_at;
  const serverHeard = async (userId: string, at: number) => {
    const started = Date.now();
    while ((await lastSeen(userId)) !== at) {
      if (Date.now() - started > 10_000) throw new Error(`the server never heard the desk at ${at}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('the server keeps the session until the desktop locks, counted from the last input', async () => {
    const d = await openDesktop(t, undefined, { clock: () => t.clock.now });
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      const userId = d.core.session.state().user?.id ?? '';
      const start = t.clock.now;
      d.core.session.activity(); // a keep-alive: the server's idle clock starts here
      expect(d.core.commands.setPresence({ status: 'available', currentItem: null }).ok).toBe(true);
      await serverHeard(userId, start);

      t.clock.advance(4 * MINUTE_MS);
      d.core.session.activity(); // the last input, held back by the keep-alive spacing
      t.clock.advance(1 * MINUTE_MS);
      d.core.checkTimers(); // nothing typed since, and data is not input: the held-back input goes now
      await serverHeard(userId, start + 5 * MINUTE_MS);

      // 12 minutes after the last input (16 after the first keep-alive): neither limit has run out.
      t.clock.advance(11 * MINUTE_MS);
      d.core.checkTimers();
      expect(d.core.session.state()).toMatchObject({ status: 'signed-in', expired: false });
      expect(d.core.commands.setPresence({ status: 'available', currentItem: null }).ok).toBe(true);
      await serverHeard(userId, start + 16 * MINUTE_MS);
      expect(d.core.session.state().expired).toBe(false);

      // Past the policy's 15 minutes since the last input: the desktop locks (and no sooner).
      t.clock.advance(3.5 * MINUTE_MS);
      d.core.checkTimers();
      expect(d.core.session.state().status).toBe('locked');
    } finally {
      await d.dispose();
    }
  });

  it('a desktop that only receives data locks after the policy time, not before', async () => {
    const d = await openDesktop(t, undefined, { clock: () => t.clock.now });
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      t.clock.advance(15 * MINUTE_MS - 1);
      d.core.checkTimers();
      expect(d.core.session.state().status).toBe('signed-in');
      t.clock.advance(1);
      d.core.checkTimers();
      await waitFor(() => d.core.session.state().status === 'locked', 'the idle lock');
    } finally {
      await d.dispose();
    }
  });
});
