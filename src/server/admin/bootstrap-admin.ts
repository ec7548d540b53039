import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { issuesText } from '../../shared/domain/parse';
import { err, ok, type Result } from '../../shared/domain/result';
import { GLOBAL_TEAM, teamSchema } from '../../shared/sync/rows/common';
import { appendAudit } from '../audit';
import { passwordSchema, usernameSchema } from '../../shared/admin/account-rules';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../storage/database';
import { insertUser, listUsers } from '../storage/users';

/** The first administrator's account; the rules are the admin user routes' own (auth/account-rules). */
export const bootstrapAdminSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, 'the name must not be empty').max(120),
  team: teamSchema.refine((t) => t !== GLOBAL_TEAM, 'a user belongs to one team'),
});
export type BootstrapAdminInput = z.infer<typeof bootstrapAdminSchema>;

export interface BootstrappedAdmin {
  id: string;
  username: string;
  version: number;
}

/** The audit action of every bootstrap attempt that reached the database. */
export const BOOTSTRAP_AUDIT_ACTION = 'admin.user.bootstrap';

/**
 * Creates an administrator only when the database holds none (active or
 * disabled): the way in for a server started without demo users, and nothing
 * more — once an administrator exists, accounts are made over /api/admin/users
 * by a signed-in administrator. The check and the insert are one transaction, so
 * two bootstraps racing cannot both succeed. Writes an audit event either way
 * (ids and codes only: the audit trail never holds user names or passwords).
 */
export async function bootstrapAdmin(
  db: Db,
  input: unknown,
  now: number,
): Promise<Result<BootstrappedAdmin>> {
  const parsed = bootstrapAdminSchema.safeParse(input);
  if (!parsed.success) {
    return err('bootstrap.invalid', issuesText(parsed.error, 'input'));
  }
  const account = parsed.data;
  try {
    const passwordHash = await hashPassword(account.password);
    const id = `u-${randomUUID()}`;
    const outcome = await db.transaction().execute(async (trx): Promise<Result<BootstrappedAdmin>> => {
      const users = await listUsers(trx);
      const admins = users.filter((u) => u.profile.role === 'admin').length;
      if (admins > 0) {
        return err(
          'bootstrap.admin_exists',
          `This server already has ${admins} administrator account(s); nothing was created. Sign in as an administrator and add users under /api/admin/users (an administrator can re-enable or reset another).`,
        );
      }
      if (users.some((u) => u.username === account.username)) {
        return err(
          'bootstrap.username_taken',
          `The user name ${account.username} is already taken by a non-administrator account; choose another.`,
        );
      }
      const version = await insertUser(trx, {
        id,
        username: account.username,
        name: account.name,
        role: 'admin',
        team: account.team,
        passwordHash,
      });
      await appendAudit(trx, {
        at: now,
        actorId: null,
        action: BOOTSTRAP_AUDIT_ACTION,
        entityType: 'user',
        entityId: id,
        outcome: 'ok',
        detail: { role: 'admin', via: 'console' },
      });
      return ok({ id, username: account.username, version });
    });
    if (!outcome.ok) {
      await appendAudit(db, {
        at: now,
        actorId: null,
        action: BOOTSTRAP_AUDIT_ACTION,
        entityType: 'user',
        outcome: 'rejected',
        detail: { code: outcome.error.code, via: 'console' },
      });
    }
    return outcome;
  } catch (error) {
    return err(
      'bootstrap.storage_failed',
      `The administrator could not be written to the database (${error instanceof Error ? error.message : String(error)}); nothing was created. Try again.`,
    );
  }
}
