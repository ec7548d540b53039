import type { FastifyInstance } from 'fastify';
import { auditQuerySchema } from '../../shared/admin/audit';
import { exportAuditTrail, searchAuditTrail } from '../admin/audit';
import { parseRequest, requireAdmin } from './replies';
import type { RouteDeps } from './routes';

/**
 * Administrators read the audit trail (docs/deployment.md, "The audit trail"): search by
 * user, record, customer, action and time range, a page at a time, or as CSV. Both
 * reads are audited themselves.
 */
export function registerAdminAuditRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/admin/audit', async (request, reply) => {
    const session = await requireAdmin(deps.auth, request, reply);
    if (!session) return;
    const query = parseRequest(auditQuerySchema, request.query, reply, 'query');
    if (!query) return;
    const page = await searchAuditTrail(deps.db, query, {
      userId: session.user.id,
      ip: request.ip,
      now: deps.clock(),
    });
    return { ok: true, value: page };
  });

  app.get('/api/admin/audit.csv', async (request, reply) => {
    const session = await requireAdmin(deps.auth, request, reply);
    if (!session) return;
    const query = parseRequest(auditQuerySchema, request.query, reply, 'query');
    if (!query) return;
    const now = deps.clock();
    const exported = await exportAuditTrail(deps.db, query, { userId: session.user.id, ip: request.ip, now });
    const day = new Date(now).toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="agent-desk-audit-${day}.csv"`)
      .header('x-agent-desk-truncated', String(exported.truncated))
      .send(exported.csv);
  });
}
