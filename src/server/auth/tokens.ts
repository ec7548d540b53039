import { createHmac, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '../../shared/domain/result';

export interface TokenClaims {
  /** Session id (the server-side record that sign-out revokes). */
  sid: string;
  uid: string;
  /** Expiry, epoch ms. */
  exp: number;
}

/** `<payload>.<hmac>` in base64url: stateless to check, revocable through the session row. */
export function signToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const mac = createHmac('sha256', secret).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

export function verifyToken(token: string, secret: string, now: number): Result<TokenClaims> {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined)
    return err('auth.invalid_token', 'The session token is malformed; sign in again.');
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return err('auth.invalid_token', 'The session token is not valid; sign in again.');
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return err('auth.invalid_token', 'The session token is malformed; sign in again.');
  }
  const c = claims as Partial<TokenClaims>;
  if (typeof c.sid !== 'string' || typeof c.uid !== 'string' || typeof c.exp !== 'number') {
    return err('auth.invalid_token', 'The session token is malformed; sign in again.');
  }
  if (c.exp <= now) return err('auth.session_expired', 'Your session has expired; sign in again.');
  return ok({ sid: c.sid, uid: c.uid, exp: c.exp });
}
