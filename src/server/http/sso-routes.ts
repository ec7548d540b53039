import type { FastifyInstance } from 'fastify';
import { NO_SSO, ssoSignInRequestSchema, type SsoDiscovery } from '../../shared/sync/sso';
import { appendAudit } from '../audit';
import { signedInValue } from './auth-routes';
import { fail, parseRequest } from './replies';
import type { RouteDeps } from './routes';

/** HTTP status per refusal: the provider unreachable is the server's problem (503), the rest the sign-in's. */
function statusOf(code: string): number {
  if (code === 'sso.provider_unavailable') return 503;
  if (code === 'sso.unmapped' || code === 'auth.account_disabled' || code === 'sso.username_taken')
    return 403;
  if (code === 'sso.misconfigured') return 500;
  return 401;
}

/** GET /api/sso and POST /api/sso/sign-in (docs/protocol.md): single sign-on through the agency's provider. */
export function registerSsoRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, sso, metrics } = deps;

  app.get('/api/sso', async () => {
    const value: SsoDiscovery = sso
      ? {
          enabled: true,
          displayName: sso.config.displayName,
          issuer: sso.config.issuer,
          clientId: sso.config.clientId,
          scopes: sso.config.scopes,
          required: sso.config.required,
          acrValues: sso.config.acrValues,
          unlockPrompt: sso.config.unlockPrompt,
        }
      : NO_SSO;
    return { ok: true, value };
  });

  app.post('/api/sso/sign-in', async (request, reply) => {
    if (!sso)
      return fail(reply, 404, 'sso.not_configured', 'Single sign-on is not configured on this server.');
    const body = parseRequest(ssoSignInRequestSchema, request.body, reply);
    if (!body) return;
    const at = deps.clock();
    const result = await sso.signIn(body, at);
    if (!result.ok) {
      metrics.signInFailures += 1;
      await appendAudit(db, {
        at,
        actorId: null,
        action: 'auth.sso-sign-in',
        sourceIp: request.ip,
        outcome: 'rejected',
        detail: { code: result.error.code },
      });
      return fail(
        reply,
        statusOf(result.error.code),
        result.error.code,
        result.error.message,
        result.error.params,
      );
    }
    const { signedIn, changed } = result.value;
    if (changed) {
      deps.sync().poke(changed.teams, changed.version, { usersChanged: true });
      await deps.sync().userChanged(changed.userId);
    }
    await appendAudit(db, {
      at,
      actorId: signedIn.user.id,
      action: 'auth.sso-sign-in',
      sourceIp: request.ip,
      outcome: 'ok',
    });
    return { ok: true, value: await signedInValue(deps, signedIn, body.installation) };
  });
}
