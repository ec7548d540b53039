import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { policyDraftSchema, publishPolicySchema } from '../../shared/admin/policy';
import { policyState, previewDraft, publishPolicy } from '../admin/policy';
import { fail, parseRequest, requireAdmin } from './replies';
import type { RouteDeps } from './routes';

/**
 * Administrators edit the policy (docs/deployment.md, "Policy"): read the configured,
 * in-force and scheduled versions, preview a draft against today's open callbacks,
 * publish it with an effective time and a reason.
 */
export function registerAdminPolicyRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const admin = (request: FastifyRequest, reply: FastifyReply) => requireAdmin(deps.auth, request, reply);

  app.get('/api/admin/policy', async (request, reply) => {
    if (!(await admin(request, reply))) return;
    return { ok: true, value: policyState(deps.policies, deps.clock()) };
  });

  app.post('/api/admin/policy/preview', async (request, reply) => {
    if (!(await admin(request, reply))) return;
    const body = parseRequest(policyDraftSchema, request.body, reply);
    if (!body) return;
    const preview = await previewDraft(deps.db, deps.policies, body, deps.clock());
    if (!preview.ok) return fail(reply, 400, preview.error.code, preview.error.message);
    return { ok: true, value: preview.value };
  });

  app.post('/api/admin/policy', async (request, reply) => {
    const session = await admin(request, reply);
    if (!session) return;
    const body = parseRequest(publishPolicySchema, request.body, reply);
    if (!body) return;
    const published = await publishPolicy(deps.db, deps.policies, body, {
      userId: session.user.id,
      ip: request.ip,
      now: deps.clock(),
    });
    if (!published.ok) return fail(reply, 400, published.error.code, published.error.message);
    deps.policyPublished();
    return reply.code(201).send({ ok: true, value: published.value });
  });
}
