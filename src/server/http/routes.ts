import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service';
import type { SsoService } from '../auth/sso/sso-service';
import type { Metrics } from '../metrics';
import type { PolicyBook } from '../policy/policy-book';
import type { Db } from '../storage/database';
import type { SyncServer } from '../sync/socket-server';
import { registerAdminAuditRoutes } from './admin-audit-routes';
import { registerAdminPolicyRoutes } from './admin-policy-routes';
import { registerAdminScriptRoutes } from './admin-script-routes';
import { registerAdminUserRoutes } from './admin-user-routes';
import { registerAuthRoutes } from './auth-routes';
import { registerHealthRoutes, type HealthDeps } from './health-routes';
import { registerReportRoutes } from './report-routes';
import { registerSsoRoutes } from './sso-routes';
import { registerSmsRoutes } from './sms-routes';
import { registerTelephonyRoutes } from './telephony-routes';
import type { NoticeService } from '../notices/notice-service';
import type { TelephonyBridge } from '../telephony/bridge';
import type { TelephonyConfig } from '../telephony/telephony-config';

export interface RouteDeps {
  db: Db;
  auth: AuthService;
  /** The policies in force over time (the admin policy routes publish into it). */
  policies: PolicyBook;
  /** A policy was published here: announce it if it is in force now (PolicyWatch.check). */
  policyPublished: () => void;
  metrics: Metrics;
  clock: () => number;
  /** The socket server (sign-out and account changes close sockets and poke); created after the routes. */
  sync: () => SyncServer;
  /** The platforms that may send call events (docs/telephony.md). */
  telephony: TelephonyConfig;
  /** The telephony bridge; created with the socket server, which it notifies. */
  bridge: () => TelephonyBridge;
  /** Customer notices (the SMS provider's callbacks); started after the routes. */
  notices: () => NoticeService;
  readiness: HealthDeps['readiness'];
  metricsToken?: string | undefined;
  /** Single sign-on through the agency's identity provider; absent: local passwords only. */
  sso?: SsoService | undefined;
}

/** Every HTTP route (docs/protocol.md): health and metrics, sign-in/out, administration, reports, telephony events. */
export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerSsoRoutes(app, deps);
  registerAdminUserRoutes(app, deps);
  registerAdminScriptRoutes(app, deps);
  registerAdminPolicyRoutes(app, deps);
  registerAdminAuditRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerTelephonyRoutes(app, { ...deps, policyAt: deps.policies.at });
  registerSmsRoutes(app, deps);
}
