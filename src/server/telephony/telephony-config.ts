import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseUnknown } from '../../shared/domain/parse';
import { err, type Result } from '../../shared/domain/result';

/**
 * The telephony platforms this server accepts events from (docs/telephony.md,
 * "Configuration"): each with its shared secret and, for the one that places
 * outbound calls, the place-call request. A JSON file named by `--telephony`.
 */
export const platformConfigSchema = z.strictObject({
  /** Sent by the platform as X-Telephony-Platform. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a platform id is lower-case letters, digits and dashes'),
  /** The HMAC-SHA256 key both sides share. */
  secret: z.string().min(32, 'a platform secret must be at least 32 characters'),
  /** Where the server asks the platform to place a call for an agent (absent: this platform only sends events). */
  placeCall: z
    .strictObject({
      url: z.url({ protocol: /^https?$/, error: 'placeCall.url must be an http(s) URL' }),
      /** Extra headers the platform needs (an API key); never logged. */
      headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string().max(4096)).default({}),
    })
    .nullable()
    .default(null),
});
export type PlatformConfig = z.infer<typeof platformConfigSchema>;

export const telephonyConfigSchema = z
  .strictObject({ platforms: z.array(platformConfigSchema).max(20) })
  .refine((c) => new Set(c.platforms.map((p) => p.id)).size === c.platforms.length, {
    message: 'platform ids must be unique',
  })
  .refine((c) => c.platforms.filter((p) => p.placeCall).length <= 1, {
    message: 'at most one platform may place outbound calls (placeCall)',
  });
export type TelephonyConfig = z.infer<typeof telephonyConfigSchema>;

/** No platform: the bridge answers every event as coming from an unknown platform. */
export const NO_TELEPHONY: TelephonyConfig = { platforms: [] };

/** Reads and validates the `--telephony` file. */
export function loadTelephonyFile(file: string): Result<TelephonyConfig> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return err('telephony.config_unreadable', `Cannot read the telephony file ${file}: ${String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('telephony.config_not_json', `The telephony file ${file} is not JSON.`);
  }
  return parseUnknown(telephonyConfigSchema, json, 'telephony.config_invalid', `The telephony file ${file}`);
}
