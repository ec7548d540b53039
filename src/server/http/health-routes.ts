import type { FastifyInstance } from 'fastify';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { Metrics } from '../metrics';

/** GET /health (load balancers) and GET /metrics (Prometheus text). */
export function registerHealthRoutes(app: FastifyInstance, metrics: Metrics): void {
  app.get('/health', async () => ({ ok: true, schemaVersion: SCHEMA_VERSION }));
  app.get('/metrics', async (_request, reply) =>
    reply.type('text/plain; version=0.0.4').send(metrics.render()),
  );
}
