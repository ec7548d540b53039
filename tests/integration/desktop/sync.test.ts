import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_FILE_NAME } from '../../../src/desktop/core/desktop-core';
import { startTestServer, writeFixture, type TestServer } from '../server/helpers';
import { ALICE, openDesktop, signIn, waitFor, waitSynced, deskWorld } from './desktop-helpers';

describe('desktop core against a real server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, deskWorld());
  });
  afterAll(async () => t.dispose());

  it('signs in, syncs its team, claims a callback and the server agrees', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      const page = d.core.queries.worklist({ scope: 'team', status: ['open'], offset: 0, limit: 50 });
      expect(page.ok && page.value.rows.map((r) => r.id).sort()).toEqual(['cb-1', 'cb-2']);
      expect(page.ok && page.value.rows[0]?.customerName).toBe('Test Customer');

      const claimed = d.core.commands.run('callback.claim', { callbackId: 'cb-1' });
      expect(claimed.ok).toBe(true);
      // Shown at once (optimistic), marked as not yet confirmed.
      const detail = d.core.queries.callback({ callbackId: 'cb-1' });
      expect(detail.ok && detail.value.callback.assigneeId).toBe('u-tier1-alice');
      await waitSynced(d.core);
      const server = await t.server.db
        .selectFrom('callbacks')
        .select('data')
        .where('id', '=', 'cb-1')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(server.data).assigneeId).toBe('u-tier1-alice');
      const after = d.core.queries.callback({ callbackId: 'cb-1' });
      expect(after.ok && after.value.pendingSync).toBe(false);
    } finally {
      await d.dispose();
    }
  });

  it('keeps customer data encrypted on disk and wipes it at sign-out', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      const file = join(d.dataDir, CACHE_FILE_NAME);
      const bytes = () => Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`, { flag: 'a+' })]);
      expect(bytes().includes(Buffer.from('Test Customer'))).toBe(false);
      expect(bytes().includes(Buffer.from('+12125550123'))).toBe(false);
      const out = await d.core.session.signOut({ discardPending: false });
      expect(out.ok && out.value.status).toBe('signed-out');
      const rows = d.core.store.db.prepare('SELECT count(*) AS n FROM confirmed_rows').get() as { n: number };
      expect(rows.n).toBe(0);
      expect(d.core.connectionState().state).toBe('signed-out');
    } finally {
      await d.dispose();
    }
  });

  it('refuses a wrong password with the server message and stays signed out', async () => {
    const d = await openDesktop(t);
    try {
      const result = await d.core.session.signIn({ username: ALICE.username, password: 'wrong-password-x' });
      expect(result.ok).toBe(false);
      expect(d.core.session.state().status).toBe('signed-out');
      await waitFor(() => d.core.connectionState().state === 'signed-out', 'signed-out state');
    } finally {
      await d.dispose();
    }
  });
});
