import { z } from 'zod';
import { domainErrorSchema } from '../../shared/domain/error-schema';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import {
  signInResponseSchema,
  type ChangePasswordRequest,
  type SignInRequest,
  type SignInResponse,
} from '../../shared/sync/protocol';
import { NO_SSO, ssoDiscoverySchema, type SsoDiscovery, type SsoSignInRequest } from '../../shared/sync/sso';
import { httpRequestText, type HttpAnswer } from './network/http-request';
import type { NetworkPort } from './network/network-port';
import { problemOf } from './network/network-problem';

const failureSchema = z.object({ ok: z.literal(false), error: domainErrorSchema });
const successSchema = z.object({ ok: z.literal(true), value: signInResponseSchema });

const TIMEOUT_MS = 15_000;

/** The server could not be asked (down, or a proxy or certificate problem on the way). */
export const cannotReach = (code: string): boolean =>
  code === 'sync.server_unreachable' || code.startsWith('network.');

/** Why the server could not be reached: the proxy's or the certificate's problem when it is one. */
function unreachable(serverUrl: string, error: unknown): { ok: false; error: DomainError } {
  const problem = problemOf(error);
  if (problem) return { ok: false, error: problem };
  const reason = error instanceof Error ? error.message : String(error);
  return err(
    'sync.server_unreachable',
    `The sync server at ${serverUrl} cannot be reached (${reason}). Check the network connection and try again.`,
    { serverUrl, reason },
  );
}

/**
 * POST /api/sign-in, or POST /api/password (a new password, e.g. after a one-time one):
 * both answer a session. Never throws: a network failure is an error with a sentence.
 */
export function requestSignIn(
  network: NetworkPort,
  serverUrl: string,
  request: SignInRequest | ChangePasswordRequest,
): Promise<Result<SignInResponse>> {
  return requestSession(
    network,
    serverUrl,
    'newPassword' in request ? '/api/password' : '/api/sign-in',
    request,
  );
}

/** POST /api/sso/sign-in: the provider's authorization code for a session (docs/deployment.md §14). */
export function requestSsoSignIn(
  network: NetworkPort,
  serverUrl: string,
  request: SsoSignInRequest,
): Promise<Result<SignInResponse>> {
  return requestSession(network, serverUrl, '/api/sso/sign-in', request);
}

/** GET /api/sso: whether the server offers single sign-on, and through which provider. */
export async function requestSsoDiscovery(
  network: NetworkPort,
  serverUrl: string,
): Promise<Result<SsoDiscovery>> {
  let response: HttpAnswer;
  try {
    response = await httpRequestText(network, new URL('/api/sso', serverUrl), {
      method: 'GET',
      headers: {},
      timeoutMs: TIMEOUT_MS,
    });
  } catch (error) {
    return unreachable(serverUrl, error);
  }
  const parsed = z
    .object({ ok: z.literal(true), value: ssoDiscoverySchema })
    .safeParse(parseJson(response.text));
  if (parsed.success) return ok(parsed.data.value);
  // A server from before single sign-on: it offers none.
  if (response.status === 404) return ok(NO_SSO);
  return err(
    'sync.bad_response',
    `The sync server's single sign-on answer could not be understood (HTTP ${response.status}).`,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A request the server answers with a session (or a refusal with its sentence). */
async function requestSession(
  network: NetworkPort,
  serverUrl: string,
  path: string,
  request: unknown,
): Promise<Result<SignInResponse>> {
  let response: HttpAnswer;
  try {
    response = await httpRequestText(network, new URL(path, serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      timeoutMs: TIMEOUT_MS,
    });
  } catch (error) {
    return unreachable(serverUrl, error);
  }
  const body = parseJson(response.text);
  if (body === undefined) {
    return err(
      'sync.bad_response',
      `The sync server answered sign-in with HTTP ${response.status} and no usable body.`,
    );
  }
  const success = successSchema.safeParse(body);
  if (success.success) return ok(success.data.value);
  const failure = failureSchema.safeParse(body);
  if (failure.success) return { ok: false, error: failure.data.error };
  return err(
    'sync.bad_response',
    `The sync server's sign-in answer could not be understood (HTTP ${response.status}).`,
  );
}

/** POST /api/sign-out; best effort (the local sign-out happens regardless). */
export async function requestSignOut(
  network: NetworkPort,
  serverUrl: string,
  token: string,
): Promise<Result<void>> {
  try {
    await httpRequestText(network, new URL('/api/sign-out', serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      timeoutMs: 5_000,
    });
    return ok(undefined);
  } catch (error) {
    return unreachable(serverUrl, error);
  }
}
