import type { FastifyInstance } from 'fastify';
import type { Policy } from '../../shared/domain/policy';
import type { AuthService } from '../auth/auth-service';
import type { SsoService } from '../auth/sso/sso-service';
import type { Metrics } from '../metrics';
import type { Db } from '../storage/database';
import type { SyncServer } from '../sync/socket-server';
import { registerAdminScriptRoutes } from './admin-script-routes';
import { registerAdminUserRoutes } from './admin-user-routes';
import { registerAuthRoutes } from './auth-routes';
import { registerHealthRoutes, type HealthDeps } from './health-routes';
import { registerSsoRoutes } from './sso-routes';

export interface RouteDeps {
  db: Db;
  auth: AuthService;
  policy: Policy;
  metrics: Metrics;
  clock: () => number;
  /** The socket server (sign-out and account changes close sockets and poke); created after the routes. */
  sync: () => SyncServer;
  readiness: HealthDeps['readiness'];
  metricsToken?: string | undefined;
  /** Single sign-on through the agency's identity provider; absent: local passwords only. */
  sso?: SsoService | undefined;
}

/** Every HTTP route (docs/protocol.md): health and metrics, sign-in/out, administration. */
export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerSsoRoutes(app, deps);
  registerAdminUserRoutes(app, deps);
  registerAdminScriptRoutes(app, deps);
}
