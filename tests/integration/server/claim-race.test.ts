import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, startTestServer, writeFixture, type TestServer } from './helpers';
import { baseWorld, callback } from './fixtures';

describe('claim arbitration', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, [
      ...baseWorld(),
      ...Array.from({ length: 10 }, (_, i) => ({
        table: 'callbacks' as const,
        row: callback(`race-${i}`, 'alpha'),
      })),
    ]);
  });
  afterAll(async () => t.dispose());

  it('gives a callback claimed by two agents at once to exactly one of them', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3');
    for (let i = 0; i < 10; i++) {
      const args = { callbackId: `race-${i}` };
      const [a, c] = await Promise.all([
        alice.push({ name: 'callback.claim@1', args }),
        carmen.push({ name: 'callback.claim@1', args }),
      ]);
      const statuses = [a, c].map((r) => (r.ok ? r.value.results[0] : undefined));
      expect(statuses.filter((s) => s?.status === 'applied')).toHaveLength(1);
      const loser = statuses.find((s) => s?.status === 'rejected');
      expect(loser?.error).toEqual({
        code: 'callback.already_claimed',
        message: 'This callback is already claimed by another agent.',
      });
      const winner = statuses[0]?.status === 'applied' ? alice.userId : carmen.userId;
      const { rows } = await alice.pullAll(0);
      expect(rows.find((r) => r.id === `race-${i}`)?.data).toMatchObject({ assigneeId: winner });
    }
    alice.socket.close();
    carmen.socket.close();
  });
});
