import type { Policy } from '../../shared/domain/policy';
import type { RowWrite } from '../../shared/sync/mutator';
import type { RowData } from '../../shared/sync/rows';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../storage/database';
import { currentVersion, writeRows } from '../storage/row-store';
import { insertUser } from '../storage/users';
import { GLOBAL_TEAM } from '../../shared/sync/rows/common';
import { scriptRowId } from '../../shared/sync/rows/script';
import type { ScriptFile } from '../scripts/script-files';
import { generateDemoData } from './demo-data';
import { DEMO_USERS } from './demo-users';

const BATCH = 1000;

/**
 * Seeds an empty database (nothing ever written): the starter scripts, and with
 * `demo` the demo users and rows. A restart never duplicates or overwrites
 * anything. Returns whether it seeded.
 */
export async function seedIfEmpty(
  db: Db,
  options: {
    /** Demo users (published passwords) and rows: only for a local demo server. */
    demo: boolean;
    rows: number;
    seed: number;
    now: number;
    policy: Policy;
    callbackShare?: number;
    scripts?: readonly ScriptFile[];
  },
): Promise<boolean> {
  if ((await currentVersion(db)) > 0) return false;
  if (options.demo) await seedDemoUsers(db);
  // The starter scripts (resources/scripts), already validated by loadScriptFiles.
  const scriptWrites: RowWrite[] = (options.scripts ?? []).map((s) => ({
    table: 'scripts',
    row: {
      id: scriptRowId(s.scriptId, s.scriptVersion),
      team: GLOBAL_TEAM,
      scriptId: s.scriptId,
      scriptVersion: s.scriptVersion,
      content: s.content as RowData<'scripts'>['content'],
      published: true,
      publishedAt: options.now,
    },
  }));
  const writes = [...scriptWrites, ...(options.demo && options.rows > 0 ? generateDemoData(options) : [])];
  for (let i = 0; i < writes.length; i += BATCH) {
    await db.transaction().execute((trx) => writeRows(trx, writes.slice(i, i + BATCH), options.now));
  }
  return writes.length > 0 || options.demo;
}

async function seedDemoUsers(db: Db): Promise<void> {
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  await db.transaction().execute(async (trx) => {
    for (const [i, user] of DEMO_USERS.entries()) {
      await insertUser(trx, {
        id: user.id,
        username: user.username,
        name: user.name,
        role: user.role,
        team: user.team,
        passwordHash: hashes[i] as string,
      });
    }
  });
}
