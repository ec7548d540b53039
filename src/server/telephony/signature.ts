import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature recipe (docs/telephony.md, "Signing"), the same in both directions:
 * hex HMAC-SHA256, keyed with the platform's shared secret, over
 * `<timestamp>.<raw body>`, where the timestamp is Unix seconds as sent in
 * X-Telephony-Timestamp. Sent as `X-Telephony-Signature: sha256=<hex>`.
 */
export const SIGNATURE_HEADERS = {
  platform: 'x-telephony-platform',
  timestamp: 'x-telephony-timestamp',
  signature: 'x-telephony-signature',
} as const;

const PREFIX = 'sha256=';

export function signBody(secret: string, timestamp: string, body: string): string {
  return PREFIX + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Compares in constant time; any malformed header is simply a mismatch. */
export function signatureMatches(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The headers of a signed request from this server (place-call). */
export function signedHeaders(platform: string, secret: string, body: string, nowMs: number) {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'content-type': 'application/json',
    [SIGNATURE_HEADERS.platform]: platform,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.signature]: signBody(secret, timestamp, body),
  };
}
