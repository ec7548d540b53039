import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newUserSchema, reasonOnlySchema, userPatchSchema, userQuerySchema } from '../../shared/admin/users';
import type { Result } from '../../shared/domain/result';
import { idSchema } from '../../shared/sync/rows/common';
import {
  createAccount,
  listAccounts,
  resetPassword,
  unlockAccount,
  updateAccount,
  type AccountsDeps,
} from '../admin/accounts';
import { fail, parseRequest, requireAdmin } from './replies';
import type { RouteDeps } from './routes';

const idParams = z.object({ id: idSchema });

/** The HTTP status of each refusal the account rules give. */
const STATUS: Record<string, number> = {
  'user.not_found': 404,
  'user.username_taken': 409,
  'admin.last_admin': 409,
};

/** Answers a Result: the value (with `status`), or the refusal with its status. */
function answer<T>(reply: FastifyReply, result: Result<T>, status = 200) {
  if (!result.ok)
    return fail(reply, STATUS[result.error.code] ?? 400, result.error.code, result.error.message);
  return reply.code(status).send({ ok: true, value: result.value });
}

/**
 * Administrators manage accounts (docs/protocol.md, "Administration"): list and search,
 * create, change (name, role, team, disable / re-enable), reset the password, unlock.
 * Every change names a reason and is audited (admin/accounts.ts).
 */
export function registerAdminUserRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const accounts: AccountsDeps = deps;
  const admin = (request: FastifyRequest, reply: FastifyReply) => requireAdmin(deps.auth, request, reply);
  const actor = (userId: string, request: FastifyRequest) => ({ userId, ip: request.ip });

  app.get('/api/admin/users', async (request, reply) => {
    if (!(await admin(request, reply))) return;
    const query = parseRequest(userQuerySchema, request.query, reply, 'query');
    if (!query) return;
    return { ok: true, value: await listAccounts(accounts, query) };
  });

  app.post('/api/admin/users', async (request, reply) => {
    const session = await admin(request, reply);
    if (!session) return;
    const body = parseRequest(newUserSchema, request.body, reply);
    if (!body) return;
    return answer(reply, await createAccount(accounts, body, actor(session.user.id, request)), 201);
  });

  /** One user's change: admin only, the id and body checked, the account rule's answer. */
  const onUser = <B>(
    schema: z.ZodType<B>,
    change: (id: string, body: B, by: { userId: string; ip: string }) => Promise<Result<unknown>>,
  ) =>
    async function (request: FastifyRequest, reply: FastifyReply) {
      const session = await admin(request, reply);
      if (!session) return;
      const params = parseRequest(idParams, request.params, reply, 'params');
      const body = params && parseRequest(schema, request.body, reply);
      if (!params || !body) return;
      return answer(reply, await change(params.id, body, actor(session.user.id, request)));
    };

  app.patch(
    '/api/admin/users/:id',
    onUser(userPatchSchema, (id, body, by) => updateAccount(accounts, id, body, by)),
  );
  app.post(
    '/api/admin/users/:id/reset-password',
    onUser(reasonOnlySchema, (id, body, by) => resetPassword(accounts, id, body.reason, by)),
  );
  app.post(
    '/api/admin/users/:id/unlock',
    onUser(reasonOnlySchema, (id, body, by) => unlockAccount(accounts, id, body.reason, by)),
  );
}
