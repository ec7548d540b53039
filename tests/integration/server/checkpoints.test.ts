import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { scheduleCheckpoints } from '../../../src/server/storage/checkpoints';
import { openDatabase, type Db } from '../../../src/server/storage/database';

let dir: string;
let db: Db | undefined;
afterEach(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduleCheckpoints', () => {
  it('copies committed pages into the database file on its timer, not in the commits', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-desk-checkpoints-'));
    const file = join(dir, 'db.sqlite');
    db = openDatabase(file);
    await sql`create table t (id integer primary key, body text)`.execute(db);
    for (let i = 0; i < 20; i++)
      await sql`insert into t (body) select hex(randomblob(2000)) from (select 1 union all select 2)`.execute(
        db,
      );
    // Below the automatic threshold: the rows are only in the WAL so far.
    const before = statSync(file).size;
    const errors: unknown[] = [];
    const checkpoints = scheduleCheckpoints(db, 20, (error) => errors.push(error));
    await new Promise((resolve) => setTimeout(resolve, 150));
    await checkpoints.stop();
    expect(errors).toEqual([]);
    expect(statSync(file).size).toBeGreaterThan(before + 40_000);
    const count = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(count.rows[0]?.n).toBe(40);
  });
});
