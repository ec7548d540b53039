import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's webhook signature (X-Twilio-Signature): base64 HMAC-SHA1, keyed with the
 * account's auth token, over the full URL the provider called followed by every POST
 * parameter as name then value, names sorted. The provider signs the URL as configured,
 * so the server checks against its configured public URL, not the Host it was reached at.
 */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Constant-time comparison; a missing or malformed header is simply a mismatch. */
export function twilioSignatureMatches(
  authToken: string,
  url: string,
  params: Record<string, string>,
  header: string,
): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
