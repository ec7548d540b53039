import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, T0, writeFixture, type TestServer } from '../server/helpers';
import { callback } from '../server/fixtures';
import { ALICE, deskWorld, openDesktop, signIn, tempDir, waitSynced } from './desktop-helpers';

const ALICE_ID = 'u-tier1-alice';
const HOUR = 3_600_000;

describe('a first sync over many pages', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, [
      ...deskWorld(),
      // Alice's own: two overdue, one on track; plus unassigned ones so the snapshot spans many pages.
      { table: 'callbacks', row: callback('late-1', 'alpha', { assigneeId: ALICE_ID, dueAt: T0 - HOUR }) },
      {
        table: 'callbacks',
        row: callback('late-2', 'alpha', { assigneeId: ALICE_ID, dueAt: T0 - 2 * HOUR }),
      },
      {
        table: 'callbacks',
        row: callback('fine-1', 'alpha', { assigneeId: ALICE_ID, dueAt: T0 + 70 * HOUR }),
      },
      ...Array.from({ length: 12 }, (_, i) => ({
        table: 'callbacks' as const,
        row: callback(`other-${i}`, 'alpha'),
      })),
    ]);
  });
  afterAll(async () => t.dispose());

  it('announces data and due-soon once at the end, not after every page', async () => {
    const desk = await openDesktop(t, tempDir(), { pullLimit: 2 });
    const core = desk.core;
    try {
      const progress: number[] = [];
      const dataChanged: string[][] = [];
      const dueSoon: { dueCount: number; ids: string[] }[] = [];
      core.events.on('syncProgress', (p) => progress.push(p.done));
      core.events.on('dataChanged', (e) => dataChanged.push([...e.tables].sort()));
      core.events.on('dueSoon', (e) =>
        dueSoon.push({ dueCount: e.dueCount, ids: e.items.map((i) => i.callbackId).sort() }),
      );
      await signIn(core, ALICE);
      await waitSynced(core, 20_000);

      expect(progress.length).toBeGreaterThanOrEqual(9); // ~18 rows, 2 per page
      expect(dataChanged).toEqual([['callbacks', 'customers', 'inquiries', 'users']]);
      expect(dueSoon).toEqual([{ dueCount: 2, ids: ['late-1', 'late-2'] }]);
      const mine = core.queries.worklist({ scope: 'mine', status: ['open'], offset: 0, limit: 10 });
      expect(mine.ok && mine.value.rows.map((r) => r.id).sort()).toEqual(['fine-1', 'late-1', 'late-2']);
    } finally {
      await desk.dispose();
    }
  });
});
