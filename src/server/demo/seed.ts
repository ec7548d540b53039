import type { Policy } from '../../shared/domain/policy';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../storage/database';
import { writeRows } from '../storage/row-store';
import { insertUser } from '../storage/users';
import { generateDemoData } from './demo-data';
import { DEMO_USERS } from './demo-users';

const BATCH = 1000;

/**
 * Seeds demo users and data, only into an empty database (no users yet): a
 * restart never duplicates or overwrites anything. Returns whether it seeded.
 */
export async function seedIfEmpty(
  db: Db,
  options: { rows: number; seed: number; now: number; policy: Policy },
): Promise<boolean> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return false;
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
  const writes = options.rows > 0 ? generateDemoData(options) : [];
  for (let i = 0; i < writes.length; i += BATCH) {
    await db.transaction().execute((trx) => writeRows(trx, writes.slice(i, i + BATCH)));
  }
  return true;
}
