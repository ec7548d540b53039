import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import { bearer, requireAdmin } from './replies';
import type { RouteDeps } from './routes';

/** Whether the request carries the configured metrics token (compared in constant time). */
function isMetricsToken(request: FastifyRequest, configured: string | undefined): boolean {
  const given = bearer(request);
  if (!configured || given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(configured);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /health (load balancers; says nothing but "up" and the schema version) and
 * GET /metrics (Prometheus text): only with the scraper's token (`metricsToken`) or
 * an administrator's session — counters describe the deployment's load and failures.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/health', async () => ({ ok: true, schemaVersion: SCHEMA_VERSION }));
  app.get('/metrics', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isMetricsToken(request, deps.metricsToken)) {
      const admin = await requireAdmin(deps.auth, request, reply, 'read the server metrics');
      if (!admin) return;
    }
    return reply.type('text/plain; version=0.0.4').send(deps.metrics.render());
  });
}
