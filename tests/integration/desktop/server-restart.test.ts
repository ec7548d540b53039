import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/helpers';
import {
  ALICE,
  openDesktop,
  restartOnSamePort,
  serverRow,
  signIn,
  startDeskServer,
  waitSynced,
} from './desktop-helpers';

const ids = Array.from({ length: 250 }, (_, i) => `push-${i}`);

describe('the server restarted during a push', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startDeskServer(ids);
  });
  afterAll(async () => t.dispose());

  it('re-pushes what was not acknowledged; every change lands exactly once', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      for (const id of ids) expect(d.core.commands.run('callback.claim', { callbackId: id }).ok).toBe(true);
      // The pushes (three batches) are under way: stop the server under them.
      await restartOnSamePort(t);
      await waitSynced(d.core, 20_000);
      for (const id of ids) expect((await serverRow(t, 'callbacks', id))['assigneeId']).toBe('u-tier1-alice');
      const log = await t.server.db.selectFrom('mutation_log').select(['mutation_id', 'status']).execute();
      expect(log).toHaveLength(ids.length);
      expect(log.every((r) => r.status === 'applied')).toBe(true);
      expect(d.core.connectionState()).toMatchObject({ pending: 0, rejected: 0 });
    } finally {
      await d.dispose();
    }
  });
});
