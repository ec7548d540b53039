import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { reasonOnlySchema } from '../../shared/admin/users';
import { publishScriptSchema, scriptCheckRequestSchema } from '../../shared/admin/scripts';
import { GLOBAL_TEAM, idSchema } from '../../shared/sync/rows/common';
import { checkScript, listScripts, publishScript, retireScript, scriptContent } from '../admin/scripts';
import { fail, parseRequest, requireAdmin } from './replies';
import type { RouteDeps } from './routes';

const STATUS: Record<string, number> = {
  'script.not_found': 404,
  'script.version_exists': 409,
  'script.already_retired': 409,
};

const idParams = z.object({ id: idSchema });

/**
 * Administrators manage inquiry scripts (docs/scripts.md): list versions, read one,
 * check a document before publishing (the validator's findings and the version it
 * would replace, for the diff), publish, retire. Publishing and retiring poke every
 * desktop; each pulls the change at its next sync.
 */
export function registerAdminScriptRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const admin = (request: FastifyRequest, reply: FastifyReply) => requireAdmin(deps.auth, request, reply);
  const by = (userId: string, request: FastifyRequest) => ({ userId, ip: request.ip, now: deps.clock() });

  app.get('/api/admin/scripts', async (request, reply) => {
    if (!(await admin(request, reply))) return;
    return { ok: true, value: await listScripts(deps.db) };
  });

  app.get('/api/admin/scripts/:id', async (request, reply) => {
    if (!(await admin(request, reply))) return;
    const params = parseRequest(idParams, request.params, reply, 'params');
    if (!params) return;
    const found = await scriptContent(deps.db, params.id);
    if (!found.ok) return fail(reply, 404, found.error.code, found.error.message);
    return { ok: true, value: found.value };
  });

  app.post('/api/admin/scripts/check', async (request, reply) => {
    if (!(await admin(request, reply))) return;
    const body = parseRequest(scriptCheckRequestSchema, request.body, reply);
    if (!body) return;
    return { ok: true, value: await checkScript(deps.db, body.content) };
  });

  app.post('/api/admin/scripts', async (request, reply) => {
    const session = await admin(request, reply);
    if (!session) return;
    const body = parseRequest(publishScriptSchema, request.body, reply);
    if (!body) return;
    const published = await publishScript(deps.db, body, by(session.user.id, request));
    if (!published.ok) {
      const status = STATUS[published.error.code] ?? 400;
      return reply.code(status).send({ ok: false, error: published.error });
    }
    deps.sync().poke([GLOBAL_TEAM], published.value.version);
    return reply.code(201).send({ ok: true, value: published.value });
  });

  app.post('/api/admin/scripts/:id/retire', async (request, reply) => {
    const session = await admin(request, reply);
    if (!session) return;
    const params = parseRequest(idParams, request.params, reply, 'params');
    const body = params && parseRequest(reasonOnlySchema, request.body, reply);
    if (!params || !body) return;
    const retired = await retireScript(deps.db, params.id, body.reason, by(session.user.id, request));
    if (!retired.ok)
      return fail(reply, STATUS[retired.error.code] ?? 400, retired.error.code, retired.error.message);
    deps.sync().poke([GLOBAL_TEAM], retired.value.version);
    return { ok: true, value: retired.value };
  });
}
