import type { FastifyInstance } from 'fastify';
import { SCHEMA_VERSION, signInRequestSchema } from '../../shared/sync/protocol';
import { appendAudit } from '../audit';
import { assignInstallationDesk } from '../storage/desks';
import { bearer, fail, missingToken, parseRequest } from './replies';
import type { RouteDeps } from './routes';

/** POST /api/sign-in and /api/sign-out (docs/protocol.md). */
export function registerAuthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, auth, metrics } = deps;

  app.post('/api/sign-in', async (request, reply) => {
    const body = parseRequest(signInRequestSchema, request.body, reply);
    if (!body) return;
    // With SSO required, only IT's break-glass administrators may still use a password.
    const sso = deps.sso?.config;
    if (sso?.required && !sso.breakGlassAdmins.includes(body.username))
      return fail(
        reply,
        403,
        'auth.sso_required',
        `This deployment signs in through ${sso.displayName}; use "Sign in with ${sso.displayName}".`,
      );
    const result = await auth.signIn(body.username, body.password);
    const at = deps.clock();
    if (!result.ok) {
      metrics.signInFailures += 1;
      await appendAudit(db, {
        at,
        actorId: null,
        action: 'auth.sign-in',
        sourceIp: request.ip,
        outcome: 'rejected',
        detail: { code: result.error.code },
      });
      const { code, message, params } = result.error;
      return fail(reply, code === 'auth.locked' ? 423 : 401, code, message, params);
    }
    await appendAudit(db, {
      at,
      actorId: result.value.user.id,
      action: 'auth.sign-in',
      sourceIp: request.ip,
      outcome: 'ok',
    });
    const { token, expiresAt, user } = result.value;
    // The installation's desk code (reference numbers): given the first time, the same ever after.
    const desk = body.installation ? await assignInstallationDesk(db, body.installation, at) : null;
    return {
      ok: true,
      value: { token, expiresAt, user, policy: deps.policy, schemaVersion: SCHEMA_VERSION, desk },
    };
  });

  app.post('/api/sign-out', async (request, reply) => {
    const token = bearer(request);
    if (!token) return missingToken(reply);
    const result = await auth.signOut(token);
    if (!result.ok) return fail(reply, 401, result.error.code, result.error.message);
    deps.sync().endSession(result.value.sessionId, {
      code: 'auth.signed_out',
      message: 'This session was signed out; sign in again.',
    });
    // Other nodes may hold the session as checked a moment ago.
    await deps.sync().userChanged(result.value.userId);
    await appendAudit(db, {
      at: deps.clock(),
      actorId: null,
      action: 'auth.sign-out',
      entityType: 'session',
      entityId: result.value.sessionId,
      sourceIp: request.ip,
      outcome: 'ok',
    });
    return { ok: true, value: null };
  });
}
