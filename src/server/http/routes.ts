import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Policy } from '../../shared/domain/policy';
import type { DomainError, ErrorParams } from '../../shared/domain/result';
import { SCHEMA_VERSION, signInRequestSchema } from '../../shared/sync/protocol';
import { idSchema, teamSchema } from '../../shared/sync/rows/common';
import { scriptRowId } from '../../shared/sync/rows/script';
import { roleSchema } from '../../shared/sync/rows/user';
import { GLOBAL_TEAM } from '../../shared/sync/rows/common';
import { describeProblems } from '../../shared/scripts/validate';
import { appendAudit } from '../audit';
import type { AuthService, AuthenticatedSession } from '../auth/auth-service';
import { passwordSchema, usernameSchema } from '../auth/account-rules';
import { hashPassword } from '../auth/passwords';
import type { Metrics } from '../metrics';
import type { Db } from '../storage/database';
import { readRows, writeRows } from '../storage/row-store';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  revokeUserSessions,
  updateUserProfile,
} from '../storage/users';
import { checkScriptForPublishing } from '../scripts/check-script';
import type { SyncServer } from '../sync/socket-server';

export interface RouteDeps {
  db: Db;
  auth: AuthService;
  policy: Policy;
  metrics: Metrics;
  clock: () => number;
  sync: () => SyncServer;
}

function fail(reply: FastifyReply, status: number, code: string, message: string, params?: ErrorParams) {
  const error: DomainError = params ? { code, message, params } : { code, message };
  return reply.code(status).send({ ok: false, error });
}

function parse<S extends z.ZodType>(schema: S, body: unknown, reply: FastifyReply): z.infer<S> | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  void fail(
    reply,
    400,
    'http.bad_request',
    parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
  );
  return undefined;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

const newUserSchema = z.object({
  username: usernameSchema,
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  team: teamSchema.refine((t) => t !== GLOBAL_TEAM, 'a user belongs to one team'),
  password: passwordSchema,
});

const userPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: roleSchema.optional(),
    team: teamSchema.refine((t) => t !== GLOBAL_TEAM, 'a user belongs to one team').optional(),
    active: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();

const publishScriptSchema = z.object({
  scriptId: idSchema,
  scriptVersion: z.number().int().min(1),
  content: z.json(),
});

export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, auth, metrics } = deps;

  app.get('/health', async () => ({ ok: true, schemaVersion: SCHEMA_VERSION }));

  app.get('/metrics', async (_request, reply) =>
    reply.type('text/plain; version=0.0.4').send(metrics.render()),
  );

  app.post('/api/sign-in', async (request, reply) => {
    const body = parse(signInRequestSchema, request.body, reply);
    if (!body) return;
    const result = await auth.signIn(body.username, body.password);
    const at = deps.clock();
    if (!result.ok) {
      metrics.signInFailures += 1;
      await appendAudit(db, {
        at,
        actorId: null,
        action: 'auth.sign-in',
        sourceIp: request.ip,
        outcome: 'rejected',
        detail: { code: result.error.code },
      });
      return fail(
        reply,
        result.error.code === 'auth.locked' ? 423 : 401,
        result.error.code,
        result.error.message,
        result.error.params,
      );
    }
    await appendAudit(db, {
      at,
      actorId: result.value.user.id,
      action: 'auth.sign-in',
      sourceIp: request.ip,
      outcome: 'ok',
    });
    return {
      ok: true,
      value: {
        token: result.value.token,
        expiresAt: result.value.expiresAt,
        user: result.value.user,
        policy: deps.policy,
        schemaVersion: SCHEMA_VERSION,
      },
    };
  });

  app.post('/api/sign-out', async (request, reply) => {
    const token = bearer(request);
    if (!token)
      return fail(
        reply,
        401,
        'auth.missing_token',
        'Send the session token as "Authorization: Bearer <token>".',
      );
    const result = await auth.signOut(token);
    if (!result.ok) return fail(reply, 401, result.error.code, result.error.message);
    deps.sync().endSession(result.value, {
      code: 'auth.signed_out',
      message: 'This session was signed out; sign in again.',
    });
    await appendAudit(db, {
      at: deps.clock(),
      actorId: null,
      action: 'auth.sign-out',
      entityType: 'session',
      entityId: result.value,
      sourceIp: request.ip,
      outcome: 'ok',
    });
    return { ok: true, value: null };
  });

  /** Resolves the caller as an admin or answers 401/403. */
  const requireAdmin = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<AuthenticatedSession | undefined> => {
    const token = bearer(request);
    if (!token) {
      void fail(
        reply,
        401,
        'auth.missing_token',
        'Send the session token as "Authorization: Bearer <token>".',
      );
      return undefined;
    }
    const session = await auth.authenticate(token, { touch: true });
    if (!session.ok) {
      void fail(reply, 401, session.error.code, session.error.message);
      return undefined;
    }
    if (session.value.user.role !== 'admin') {
      void fail(reply, 403, 'auth.forbidden', 'Only administrators can manage users and publish scripts.');
      return undefined;
    }
    return session.value;
  };

  app.get('/api/admin/users', async (request, reply) => {
    if (!(await requireAdmin(request, reply))) return;
    const users = await listUsers(db);
    return {
      ok: true,
      value: users.map((u) => ({ ...u.profile, username: u.username, lockedUntil: u.lockedUntil })),
    };
  });

  app.post('/api/admin/users', async (request, reply) => {
    const admin = await requireAdmin(request, reply);
    if (!admin) return;
    const body = parse(newUserSchema, request.body, reply);
    if (!body) return;
    if (await findUserByUsername(db, body.username)) {
      return fail(reply, 409, 'user.username_taken', `The user name ${body.username} is already taken.`);
    }
    const id = `u-${randomUUID()}`;
    const passwordHash = await hashPassword(body.password);
    const version = await db.transaction().execute(async (trx) => {
      const v = await insertUser(trx, {
        id,
        username: body.username,
        name: body.name,
        role: body.role,
        team: body.team,
        passwordHash,
      });
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
  });

  app.patch('/api/admin/users/:id', async (request, reply) => {
    const admin = await requireAdmin(request, reply);
    if (!admin) return;
    const params = parse(z.object({ id: idSchema }), request.params, reply);
    if (!params) return;
    const body = parse(userPatchSchema, request.body, reply);
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
    // Session checks are cached: a reset password or a disabled account must count from the next request.
    auth.userChanged(params.id);
    for (const sessionId of revoked) {
      deps.sync().endSession(sessionId, {
        code: 'auth.signed_out',
        message: 'Your password was reset by an administrator; sign in again with the new password.',
      });
    }
    deps.sync().poke(new Set([existing.profile.team, profile.team]), version, { usersChanged: true });
    return { ok: true, value: { ...profile, version } };
  });

  app.post('/api/admin/scripts', async (request, reply) => {
    const admin = await requireAdmin(request, reply);
    if (!admin) return;
    const body = parse(publishScriptSchema, request.body, reply);
    if (!body) return;
    const checked = checkScriptForPublishing(body.scriptId, body.scriptVersion, body.content);
    if (!checked.ok) {
      return reply.code(400).send({
        ok: false,
        error: {
          code: 'script.invalid',
          message: `The script cannot be published: ${checked.error.length} problem(s).\n${describeProblems(checked.error)}`,
          problems: checked.error,
        },
      });
    }
    const id = scriptRowId(body.scriptId, body.scriptVersion);
    const result = await db.transaction().execute(async (trx) => {
      const existing = await readRows(trx, [{ table: 'scripts', id }]);
      if (existing.size > 0) return undefined;
      const now = deps.clock();
      const version = await writeRows(trx, [
        {
          table: 'scripts',
          row: {
            id,
            team: GLOBAL_TEAM,
            scriptId: body.scriptId,
            scriptVersion: body.scriptVersion,
            content: body.content,
            published: true,
            publishedAt: now,
          },
        },
      ]);
      await appendAudit(trx, {
        at: now,
        actorId: admin.user.id,
        action: 'admin.script.publish',
        entityType: 'script',
        entityId: id,
        sourceIp: request.ip,
        outcome: 'ok',
      });
      return version;
    });
    if (result === undefined) {
      return fail(
        reply,
        409,
        'script.version_exists',
        `Version ${body.scriptVersion} of script ${body.scriptId} is already published; publish a new version.`,
      );
    }
    deps.sync().poke([GLOBAL_TEAM], result);
    return reply.code(201).send({ ok: true, value: { id, version: result } });
  });
}
