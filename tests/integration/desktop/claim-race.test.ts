import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src/shared/ipc/events';
import { startTestServer, writeFixture, type TestServer } from '../server/helpers';
import {
  ALICE,
  CARMEN,
  DEAD_SERVER,
  openDesktop,
  serverRow,
  signIn,
  tempDir,
  waitFor,
  waitSynced,
  deskWorld,
} from './desktop-helpers';

describe('two desktops claiming the same callback', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, deskWorld());
  });
  afterAll(async () => t.dispose());

  it('gives it to one; the other is told why and its optimistic claim is undone', async () => {
    const aliceDir = tempDir();
    // Alice syncs once, then works offline (her desktop cannot see Carmen's claim).
    const first = await openDesktop(t, aliceDir);
    await signIn(first.core, ALICE);
    await waitSynced(first.core);
    await first.close();
    const offline = await openDesktop(DEAD_SERVER, aliceDir);
    expect(offline.core.commands.run('callback.claim', { callbackId: 'cb-1' }).ok).toBe(true);
    const optimistic = offline.core.queries.callback({ callbackId: 'cb-1' });
    expect(optimistic.ok && optimistic.value.callback.assigneeId).toBe('u-tier1-alice');
    await offline.close();

    const carmen = await openDesktop(t);
    await signIn(carmen.core, CARMEN);
    await waitSynced(carmen.core);
    expect(carmen.core.commands.run('callback.claim', { callbackId: 'cb-1' }).ok).toBe(true);
    await waitSynced(carmen.core);

    const alice = await openDesktop(t, aliceDir);
    const rejected: EventPayload<'mutationRejected'>[] = [];
    alice.core.events.on('mutationRejected', (r) => rejected.push(r));
    try {
      await waitFor(() => rejected.length > 0, 'the rejection to reach Alice');
      await waitSynced(alice.core);
      expect(rejected[0]).toMatchObject({
        code: 'callback.already_claimed',
        message: 'This callback is already claimed by another agent.',
        subject: { table: 'callbacks', id: 'cb-1' },
      });
      const detail = alice.core.queries.callback({ callbackId: 'cb-1' });
      expect(detail.ok && detail.value.callback.assigneeId).toBe('u-tier2-carmen');
      expect(detail.ok && detail.value.pendingSync).toBe(false);
      expect(detail.ok && detail.value.permissions.claim).toEqual({
        allowed: false,
        reason: {
          code: 'callback.already_claimed',
          message: 'This callback is already claimed by another agent.',
        },
      });
      expect((await serverRow(t, 'callbacks', 'cb-1'))['assigneeId']).toBe('u-tier2-carmen');
      expect(alice.core.rejections()).toMatchObject({
        ok: true,
        value: [{ code: 'callback.already_claimed' }],
      });
      expect(alice.core.connectionState()).toMatchObject({ pending: 0, rejected: 1 });
    } finally {
      await alice.dispose();
      await carmen.dispose();
    }
  });
});
