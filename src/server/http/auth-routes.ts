import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DomainError } from '../../shared/domain/result';
import { changePasswordRequestSchema, SCHEMA_VERSION, signInRequestSchema } from '../../shared/sync/protocol';
import { appendAudit } from '../audit';
import type { SignedIn } from '../auth/auth-service';
import { NO_PASSWORD_HASH, verifyPassword } from '../auth/passwords';
import { assignInstallationDesk } from '../storage/desks';
import { bearer, fail, missingToken, parseRequest } from './replies';
import type { RouteDeps } from './routes';

/** The HTTP status of each sign-in refusal (docs/protocol.md, "Sign-in limits and lockout"). */
const SIGN_IN_STATUS: Record<string, number> = {
  'auth.locked': 423,
  'auth.rate_limited': 429,
  'auth.password_change_required': 403,
  'auth.password_reused': 400,
};

/** Answers a refused sign-in; a wait (423, 429) goes out as Retry-After too. */
export function refuseSignIn(reply: FastifyReply, error: DomainError): FastifyReply {
  const seconds = error.params?.seconds;
  if (typeof seconds === 'number') void reply.header('retry-after', String(seconds));
  return fail(reply, SIGN_IN_STATUS[error.code] ?? 401, error.code, error.message, error.params);
}

/** What a desktop gets on sign-in: its session, the policy in force, the sync schema, the notice channels. */
export async function signedInValue(deps: RouteDeps, signed: SignedIn, installation: string | undefined) {
  const { token, expiresAt, user } = signed;
  const at = deps.clock();
  // The installation's desk code (reference numbers): given the first time, the same ever after.
  const desk = installation ? await assignInstallationDesk(deps.db, installation, at) : null;
  const channels = deps.notices().channels;
  const noticeChannels = { sms: channels.has('sms'), email: channels.has('email') };
  return {
    token,
    expiresAt,
    user,
    policy: deps.policies.at(at),
    schemaVersion: SCHEMA_VERSION,
    desk,
    noticeChannels,
  };
}

/**
 * With SSO required, only IT's break-glass administrators may still use a password
 * (to sign in, or to change a one-time one, which also opens a session). Every other
 * name is refused after a verification against the dummy hash (what a wrong password
 * costs), and a break-glass name's refusal goes out as the same answer (ssoRefusal),
 * so neither the status, the body nor the time tells which accounts are break-glass.
 * True when `username` was refused here.
 */
async function ssoRequiredFor(
  deps: RouteDeps,
  username: string,
  password: string,
  reply: FastifyReply,
): Promise<boolean> {
  const sso = deps.sso?.config;
  if (!sso?.required || sso.breakGlassAdmins.includes(username)) return false;
  await verifyPassword(password, NO_PASSWORD_HASH);
  void refuseSsoRequired(reply, sso.displayName);
  return true;
}

function refuseSsoRequired(reply: FastifyReply, displayName: string): FastifyReply {
  return fail(
    reply,
    403,
    'auth.sso_required',
    `This deployment signs in through ${displayName}; use "Sign in with ${displayName}".`,
    { provider: displayName },
  );
}

/** A refused password sign-in's answer: with SSO required, the one every non-break-glass name gets. */
function refusePassword(deps: RouteDeps, reply: FastifyReply, error: DomainError): FastifyReply {
  const sso = deps.sso?.config;
  return sso?.required ? refuseSsoRequired(reply, sso.displayName) : refuseSignIn(reply, error);
}

/** POST /api/sign-in, /api/password and /api/sign-out (docs/protocol.md). */
export function registerAuthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, auth, metrics } = deps;

  app.post('/api/sign-in', async (request, reply) => {
    const body = parseRequest(signInRequestSchema, request.body, reply);
    if (!body) return;
    if (await ssoRequiredFor(deps, body.username, body.password, reply)) return;
    const result = await auth.signIn(body.username, body.password, {
      ip: request.ip,
      clientId: body.clientId,
    });
    const at = deps.clock();
    if (!result.ok) {
      metrics.signInFailures += 1;
      // A refusal before any password was checked changes nothing: counted, not audited row by row
      // (a spray would otherwise write a row per request).
      if (result.error.code !== 'auth.rate_limited')
        await appendAudit(db, {
          at,
          actorId: null,
          action: 'auth.sign-in',
          sourceIp: request.ip,
          outcome: 'rejected',
          detail: { code: result.error.code },
        });
      return refusePassword(deps, reply, result.error);
    }
    await appendAudit(db, {
      at,
      actorId: result.value.user.id,
      action: 'auth.sign-in',
      sourceIp: request.ip,
      outcome: 'ok',
    });
    return { ok: true, value: await signedInValue(deps, result.value, body.installation) };
  });

  app.post('/api/password', async (request, reply) => {
    const body = parseRequest(changePasswordRequestSchema, request.body, reply);
    if (!body) return;
    if (await ssoRequiredFor(deps, body.username, body.password, reply)) return;
    const result = await auth.changePassword(
      { ...body, from: { ip: request.ip, clientId: body.clientId } },
      (userId) =>
        deps.sync().endUser(userId, {
          code: 'auth.signed_out',
          message: 'Your password was changed; sign in again with the new password.',
        }),
    );
    await appendAudit(db, {
      at: deps.clock(),
      actorId: result.ok ? result.value.user.id : null,
      action: 'auth.password-change',
      sourceIp: request.ip,
      outcome: result.ok ? 'ok' : 'rejected',
      ...(result.ok ? {} : { detail: { code: result.error.code } }),
    });
    if (!result.ok) return refusePassword(deps, reply, result.error);
    return { ok: true, value: await signedInValue(deps, result.value, body.installation) };
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
