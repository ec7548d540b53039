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

/** Unpadded base64url, nothing else: Node's decoder also takes padding, `+/` and stray trailing bits. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Whether `text` is the one canonical base64url spelling of the bytes it decodes to. */
function isCanonicalBase64url(text: string): boolean {
  return BASE64URL.test(text) && Buffer.from(text, 'base64url').toString('base64url') === text;
}

/**
 * Accepts exactly the spelling signToken wrote: the MAC is compared as text with the
 * canonical encoding of the expected one, and the payload must be canonical too, so
 * no second spelling of a token (padding, `+/`, other trailing bits) is accepted.
 */
export function verifyToken(token: string, secret: string, now: number): Result<TokenClaims> {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined || !isCanonicalBase64url(payload))
    return err('auth.invalid_token', 'The session token is malformed; sign in again.');
  const expected = Buffer.from(createHmac('sha256', secret).update(payload).digest('base64url'));
  const given = Buffer.from(mac);
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
