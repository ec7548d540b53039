import { err, ok, type Result } from '../../shared/domain/result';
import { placeCallResponseSchema, type PlaceCallRequest } from '../../shared/telephony/events';
import { signedHeaders } from './signature';
import type { PlatformConfig } from './telephony-config';

/**
 * The outbound call-control adapter (docs/telephony.md, "Placing calls"): asks the
 * platform to place a call for an agent with one signed HTTP POST, and waits at most
 * `timeoutMs`. Every failure is a result the agent can act on, never a throw.
 */
export async function requestPlaceCall(
  platform: PlatformConfig & { placeCall: NonNullable<PlatformConfig['placeCall']> },
  request: PlaceCallRequest,
  options: { timeoutMs: number; now: number },
): Promise<Result<{ callId: string }>> {
  const body = JSON.stringify(request);
  const seconds = Math.ceil(options.timeoutMs / 1000);
  let response: Response;
  try {
    response = await fetch(platform.placeCall.url, {
      method: 'POST',
      headers: {
        ...platform.placeCall.headers,
        ...signedHeaders(platform.id, platform.secret, body, options.now),
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return err(
        'telephony.platform_timeout',
        `The phone system did not answer within ${seconds} s, so the call was not placed. Try again, or dial by hand.`,
        { seconds },
      );
    }
    return err(
      'telephony.platform_unreachable',
      'The phone system cannot be reached, so the call was not placed. Try again, or dial by hand.',
    );
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    answer = undefined;
  }
  if (!response.ok) {
    return err(
      'telephony.platform_refused',
      `The phone system refused to place the call (HTTP ${response.status}). Try again, or dial by hand.`,
      { status: response.status },
    );
  }
  const parsed = placeCallResponseSchema.safeParse(answer);
  if (!parsed.success) {
    return err(
      'telephony.platform_bad_answer',
      'The phone system answered without a call id; the call may not have been placed. Check the phone before dialing again.',
    );
  }
  return ok(parsed.data);
}
