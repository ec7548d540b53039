import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../../../src/desktop/store/local-store';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { MutatorContext } from '../../../src/shared/sync/mutator';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const context = (now: number): MutatorContext => ({
  userId: 'u-1',
  role: 'tier1',
  team: 'alpha',
  now,
  policy: DEFAULT_POLICY,
  clientId: 'client-1',
});

describe('rejections at rest', () => {
  it('keeps the server message encrypted on disk and readable through the store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-desk-rejections-'));
    dirs.push(dir);
    const file = join(dir, 'cache.db');
    const opened = openStore(file);
    const cipher = createPiiCipher(randomBytes(32));
    if (!opened.ok || !cipher.ok) throw new Error('setup failed');
    const store = new LocalStore(opened.value.db, cipher.value, DEFAULT_POLICY);
    const secret = 'Customer Zebulon Quartermaine-Xylo already has a callback';
    store.outbox.add('m-1', 'claimCallback', { callbackId: 'cb-1' }, 1);
    const { rejections } = store.recordPushResults(
      [{ id: 'm-1', seq: 1, status: 'rejected', error: { code: 'callback.taken', message: secret } }],
      context,
      10,
    );
    expect(rejections[0]?.message).toBe(secret);
    expect(store.rejections()).toEqual([expect.objectContaining({ mutationId: 'm-1', message: secret })]);

    const raw = opened.value.db.prepare("SELECT message FROM rejections WHERE mutation_id = 'm-1'").get() as {
      message: unknown;
    };
    expect(Buffer.isBuffer(raw.message)).toBe(true);
    expect(String(raw.message)).not.toContain('Zebulon');
    // A reason's params are kept too (encrypted), so a Spanish screen can say it with its specifics.
    store.outbox.add('m-2', 'callback.record-attempt@2', { callbackId: 'cb-1' }, 2);
    const params = { opensAt: 1_764_500_400_000, timeZone: 'America/New_York', customer: 'Zebulon' };
    store.recordPushResults(
      [
        {
          id: 'm-2',
          seq: 2,
          status: 'rejected',
          error: { code: 'attempt.outside_hours', message: 'x', params },
        },
      ],
      context,
      11,
    );
    expect(store.rejections().find((r) => r.mutationId === 'm-2')?.params).toEqual(params);
    expect(store.rejections().find((r) => r.mutationId === 'm-1')).not.toHaveProperty('params');
    const rawParams = opened.value.db
      .prepare("SELECT params FROM rejections WHERE mutation_id = 'm-2'")
      .get() as { params: unknown };
    expect(Buffer.isBuffer(rawParams.params) && !String(rawParams.params).includes('Zebulon')).toBe(true);
    opened.value.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.value.db.close();
    expect(readFileSync(file).includes('Zebulon')).toBe(false);
  });

  it('shows a generic reason for a message it cannot decrypt (migrated or tampered)', () => {
    const opened = openStore(':memory:');
    const cipher = createPiiCipher(randomBytes(32));
    if (!opened.ok || !cipher.ok) throw new Error('setup failed');
    const store = new LocalStore(opened.value.db, cipher.value, DEFAULT_POLICY);
    opened.value.db
      .prepare(
        "INSERT INTO rejections (mutation_id, name, code, message, params, at) VALUES ('m-1', 'n', 'c', x'', NULL, 1), ('m-2', 'n', 'c', x'0102', x'0304', 2)",
      )
      .run();
    expect(store.rejections().map((r) => r.message)).toEqual([
      expect.stringContaining('no longer available'),
      expect.stringContaining('no longer available'),
    ]);
    // Unreadable params are left out: the screen falls back to the message.
    expect(store.rejections().map((r) => r.params)).toEqual([undefined, undefined]);
    opened.value.db.close();
  });
});
