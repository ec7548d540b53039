import { z } from 'zod';
import { domainErrorSchema } from '../../shared/domain/error-schema';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import { signInResponseSchema, type SignInResponse } from '../../shared/sync/protocol';

const failureSchema = z.object({ ok: z.literal(false), error: domainErrorSchema });
const successSchema = z.object({ ok: z.literal(true), value: signInResponseSchema });

const TIMEOUT_MS = 15_000;

function unreachable(serverUrl: string, error: unknown): { ok: false; error: DomainError } {
  const reason = error instanceof Error ? error.message : String(error);
  return err(
    'sync.server_unreachable',
    `The sync server at ${serverUrl} cannot be reached (${reason}). Check the network connection and try again.`,
    { serverUrl, reason },
  );
}

/** POST /api/sign-in. Never throws: a network failure is an error with a sentence. */
export async function requestSignIn(
  serverUrl: string,
  username: string,
  password: string,
  /** The installation key: the answer carries its desk code (reference numbers). */
  installation: string,
): Promise<Result<SignInResponse>> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/sign-in', serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, installation }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return unreachable(serverUrl, error);
  }
  let body: unknown;
  try {
    body = await response.json();
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
export async function requestSignOut(serverUrl: string, token: string): Promise<Result<void>> {
  try {
    const response = await fetch(new URL('/api/sign-out', serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
    return ok(undefined);
  } catch (error) {
    return unreachable(serverUrl, error);
  }
}
