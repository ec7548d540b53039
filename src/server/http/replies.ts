import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseUnknown } from '../../shared/domain/parse';
import type { DomainError, ErrorParams } from '../../shared/domain/result';
import type { Role } from '../../shared/sync/rows/user';
import type { AuthService, AuthenticatedSession } from '../auth/auth-service';

/** Answers `{ ok: false, error }` with the HTTP status. */
export function fail(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  params?: ErrorParams,
): FastifyReply {
  const error: DomainError = params ? { code, message, params } : { code, message };
  return reply.code(status).send({ ok: false, error });
}

const REQUEST_PART = { body: 'The request body', params: 'The request path', query: 'The query' } as const;

/** The request's body (or path parameters, or query) parsed, or undefined once 400 `http.bad_request` was answered. */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  value: unknown,
  reply: FastifyReply,
  what: 'body' | 'params' | 'query' = 'body',
): z.output<S> | undefined {
  const parsed = parseUnknown(schema, value, 'http.bad_request', REQUEST_PART[what], what);
  if (parsed.ok) return parsed.value;
  void fail(reply, 400, parsed.error.code, parsed.error.message);
  return undefined;
}

/** The session token of `Authorization: Bearer <token>`. */
export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

/** Answers 401 for a request without a bearer token. */
export function missingToken(reply: FastifyReply): FastifyReply {
  return fail(reply, 401, 'auth.missing_token', 'Send the session token as "Authorization: Bearer <token>".');
}

/** Resolves the caller as an admin, or answers 401/403 and resolves undefined. */
export function requireAdmin(
  auth: AuthService,
  request: FastifyRequest,
  reply: FastifyReply,
  action = 'manage users, scripts, policy and the audit trail',
): Promise<AuthenticatedSession | undefined> {
  return requireRole(auth, request, reply, ['admin'], `Only administrators can ${action}.`);
}

/** Resolves the caller when their role is one of `roles`, or answers 401/403 (`refusal`) and resolves undefined. */
export async function requireRole(
  auth: AuthService,
  request: FastifyRequest,
  reply: FastifyReply,
  roles: readonly Role[],
  refusal: string,
): Promise<AuthenticatedSession | undefined> {
  const token = bearer(request);
  if (!token) {
    void missingToken(reply);
    return undefined;
  }
  const session = await auth.authenticate(token, { touch: true });
  if (!session.ok) {
    void fail(reply, 401, session.error.code, session.error.message);
    return undefined;
  }
  if (!roles.includes(session.value.user.role)) {
    void fail(reply, 403, 'auth.forbidden', refusal);
    return undefined;
  }
  return session.value;
}
