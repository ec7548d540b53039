import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { Metrics } from '../metrics';
import { fail } from './replies';

export interface HealthDeps {
  metrics: Metrics;
  /** Whether this node should get traffic (not stopping, database answering). */
  readiness: () => Promise<{ ready: true } | { ready: false; reason: string }>;
  /** The bearer credential /metrics needs on this listener; unset: loopback clients only. */
  metricsToken?: string | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a /metrics request may read the figures (a credential, or this machine when none is set). */
function metricsAllowed(request: FastifyRequest, token: string | undefined): boolean {
  if (token === undefined) return LOOPBACK.has(request.ip);
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') === true && sameSecret(header.slice('Bearer '.length), token);
}

/**
 * GET /health (liveness: the process answers), GET /ready (readiness for a load
 * balancer: 503 with the reason while stopping or when the database does not
 * answer) and GET /metrics (Prometheus text, behind a credential: the figures say
 * how busy the center is; a separate listener can serve them instead, see
 * metrics-listener.ts).
 */
export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  app.get('/health', async () => ({ ok: true, schemaVersion: SCHEMA_VERSION }));
  app.get('/ready', async (_request, reply) => {
    const state = await deps.readiness();
    if (state.ready) return { ok: true, value: { ready: true } };
    return fail(reply, 503, 'server.not_ready', `This server is not ready: ${state.reason}.`);
  });
  app.get('/metrics', async (request, reply) => {
    if (!metricsAllowed(request, deps.metricsToken))
      return fail(
        reply,
        401,
        'auth.metrics_credential',
        'The metrics need "Authorization: Bearer <AGENT_DESK_METRICS_TOKEN>" (or the metrics listener).',
      );
    return reply.type('text/plain; version=0.0.4').send(deps.metrics.render());
  });
}
