import { HOUR_MS } from '../../shared/domain/policy';

/**
 * The SLA clock is the server's. The desktop estimates the server's time from
 * sign-in (expiresAt = server now + session length) and keeps the offset, so
 * optimistic mutations stamp a time close to what the server will.
 */
export function serverOffsetFromSignIn(expiresAt: number, sessionHours: number, localNow: number): number {
  const serverNow = expiresAt - sessionHours * HOUR_MS;
  return serverNow - localNow;
}
