import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { GLOBAL_TEAM, idSchema, teamSchema } from '../../shared/sync/rows/common';
import { roleSchema } from '../../shared/sync/rows/user';
import { appendAudit } from '../audit';
import { passwordSchema, usernameSchema } from '../auth/account-rules';
import { hashPassword } from '../auth/passwords';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  revokeUserSessions,
  updateUserProfile,
} from '../storage/users';
import { fail, parseRequest, requireAdmin } from './replies';
import type { RouteDeps } from './routes';

const userTeamSchema = teamSchema.refine((t) => t !== GLOBAL_TEAM, 'a user belongs to one team');

const newUserSchema = z.object({
  username: usernameSchema,
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  team: userTeamSchema,
  password: passwordSchema,
});

const userPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: roleSchema.optional(),
    team: userTeamSchema.optional(),
    active: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();

/** GET/POST /api/admin/users and PATCH /api/admin/users/:id: administrators manage accounts. */
export function registerAdminUserRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/admin/users', (request, reply) => listAccounts(deps, request, reply));
  app.post('/api/admin/users', (request, reply) => createAccount(deps, request, reply));
  app.patch('/api/admin/users/:id', (request, reply) => updateAccount(deps, request, reply));
}

async function listAccounts({ db, auth }: RouteDeps, request: FastifyRequest, reply: FastifyReply) {
  if (!(await requireAdmin(auth, request, reply))) return;
  const users = await listUsers(db);
  return {
    ok: true,
    value: users.map((u) => ({ ...u.profile, username: u.username, lockedUntil: u.lockedUntil })),
  };
}

async function createAccount(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const admin = await requireAdmin(deps.auth, request, reply);
  if (!admin) return;
  const body = parseRequest(newUserSchema, request.body, reply);
  if (!body) return;
  if (await findUserByUsername(db, body.username)) {
    return fail(reply, 409, 'user.username_taken', `The user name ${body.username} is already taken.`);
  }
  const id = `u-${randomUUID()}`;
  const { password, ...profile } = body;
  const passwordHash = await hashPassword(password);
  const version = await db.transaction().execute(async (trx) => {
    const v = await insertUser(trx, { id, ...profile, passwordHash });
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: admin.user.id,
      action: 'admin.user.create',
      entityType: 'user',
      entityId: id,
      sourceIp: request.ip,
      outcome: 'ok',
    });
    return v;
  });
  deps.sync().poke([body.team], version, { usersChanged: true });
  return reply.code(201).send({ ok: true, value: { id } });
}

async function updateAccount(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply) {
  const { db, auth } = deps;
  const admin = await requireAdmin(auth, request, reply);
  if (!admin) return;
  const params = parseRequest(z.object({ id: idSchema }), request.params, reply, 'params');
  if (!params) return;
  const body = parseRequest(userPatchSchema, request.body, reply);
  if (!body) return;
  const existing = await findUserById(db, params.id);
  if (!existing) return fail(reply, 404, 'user.not_found', 'No user with this id.');
  const { password, ...changes } = body;
  const { version: _v, ...current } = existing.profile;
  const profile = { ...current, ...changes };
  const passwordHash = password ? await hashPassword(password) : undefined;
  const { version, revoked } = await db.transaction().execute(async (trx) => {
    const v = await updateUserProfile(trx, params.id, profile, passwordHash);
    // A reset password must lock out whoever held the old one: every session of the user ends.
    const sessions = passwordHash ? await revokeUserSessions(trx, params.id, deps.clock()) : [];
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: admin.user.id,
      action: 'admin.user.update',
      entityType: 'user',
      entityId: params.id,
      sourceIp: request.ip,
      outcome: 'ok',
      detail: { fields: Object.keys(body), sessionsRevoked: sessions.length },
    });
    return { version: v, revoked: sessions };
  });
  // Session checks are cached (on every node): a reset password or a disabled account must count from the next request.
  await deps.sync().userChanged(params.id);
  for (const sessionId of revoked) {
    deps.sync().endSession(sessionId, {
      code: 'auth.signed_out',
      message: 'Your password was reset by an administrator; sign in again with the new password.',
    });
  }
  deps.sync().poke(new Set([existing.profile.team, profile.team]), version, { usersChanged: true });
  return { ok: true, value: { ...profile, version } };
}
