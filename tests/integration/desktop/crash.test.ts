import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/helpers';
import { ALICE, openDesktop, serverRow, startDeskServer, tempDir, waitSynced } from './desktop-helpers';

const COUNT = 150;
const ids = Array.from({ length: COUNT }, (_, i) => `crash-${i}`);

/** Runs child-core.ts under tsx and SIGKILLs it `killAfterMs` after it reports its claims queued. */
function runAndKill(dataDir: string, serverUrl: string, killAfterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/integration/desktop/child-core.ts',
        dataDir,
        serverUrl,
        ALICE.username,
        ALICE.password,
        ...ids,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let queued = -1;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /queued (\d+)/.exec(out);
      if (match && queued < 0) {
        queued = Number(match[1]);
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL' && queued >= 0) resolve(queued);
      else reject(new Error(`child exited without being killed (${signal}): ${err || out}`));
    });
  });
}

describe('a desktop killed with SIGKILL in the middle of a sync', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startDeskServer(ids);
  });
  afterAll(async () => t.dispose());

  it('keeps its outbox, and after a restart nothing is lost and nothing is applied twice', async () => {
    const dataDir = tempDir();
    const queued = await runAndKill(dataDir, t.server.url, 15);
    expect(queued).toBe(COUNT);

    const appliedBeforeRestart = (await t.server.db.selectFrom('mutation_log').select('seq').execute())
      .length;
    const d = await openDesktop(t, dataDir);
    try {
      // Nothing lost at the moment of the kill: every claim was either on the server or still queued.
      const unsent = d.core.store.outbox.all().filter((e) => e.status === 'pending').length;
      expect(appliedBeforeRestart + unsent).toBeGreaterThanOrEqual(COUNT);
      // Whatever the server had not confirmed is still in the outbox, in order, with its seq.
      const outbox = d.core.store.outbox.all();
      const seqs = outbox.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(d.core.isSignedIn()).toBe(true);
      await waitSynced(d.core, 20_000);

      for (const id of ids) expect((await serverRow(t, 'callbacks', id))['assigneeId']).toBe('u-tier1-alice');
      const log = await t.server.db
        .selectFrom('mutation_log')
        .select(['mutation_id', 'status', 'seq'])
        .execute();
      const claims = log.filter((r) => r.status === 'applied');
      expect(claims).toHaveLength(COUNT);
      expect(new Set(log.map((r) => r.mutation_id)).size).toBe(log.length);
      expect(log.every((r) => r.status === 'applied')).toBe(true);
      expect(d.core.store.outbox.count()).toBe(0);
      expect(d.core.connectionState().rejected).toBe(0);
    } finally {
      await d.dispose();
    }
  });
});
