import { z } from 'zod';
import { domainErrorSchema } from '../../shared/domain/error-schema';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import {
  signInResponseSchema,
  type ChangePasswordRequest,
  type SignInRequest,
  type SignInResponse,
} from '../../shared/sync/protocol';
import { httpRequestText, type HttpAnswer } from './network/http-request';
import type { NetworkPort } from './network/network-port';
import { problemOf } from './network/network-problem';

const failureSchema = z.object({ ok: z.literal(false), error: domainErrorSchema });
const successSchema = z.object({ ok: z.literal(true), value: signInResponseSchema });

const TIMEOUT_MS = 15_000;

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
export async function requestSignIn(
  network: NetworkPort,
  serverUrl: string,
  request: SignInRequest | ChangePasswordRequest,
): Promise<Result<SignInResponse>> {
  const path = 'newPassword' in request ? '/api/password' : '/api/sign-in';
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
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
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
