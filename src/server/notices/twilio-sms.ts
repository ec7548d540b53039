import { z } from 'zod';
import type { NoticeSender, OutgoingMessage, SendOutcome } from './channel';

/** The SMS provider's settings (docs/deployment.md, "Customer notices"). */
export interface TwilioSettings {
  /** The API's base URL (https://api.twilio.com; a stand-in's in tests). */
  apiUrl: string;
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or a Messaging Service SID (MG…). */
  from: string;
  /** The URL the provider reaches this server at (status callbacks and signatures are built on it). */
  publicUrl: string;
  timeoutMs?: number;
}

export const SMS_STATUS_PATH = '/notices/sms/v1/status';
export const SMS_INBOUND_PATH = '/notices/sms/v1/inbound';

const createdSchema = z.looseObject({ sid: z.string().min(1).max(64) });
const errorSchema = z.looseObject({ code: z.number().int().optional() });

/** Twilio's "the recipient has replied STOP": the provider will never deliver to them. */
const UNSUBSCRIBED = 21610;

/**
 * SMS over Twilio's Programmable Messaging API (POST /2010-04-01/Accounts/{sid}/Messages.json,
 * form-encoded To/From/Body/StatusCallback, HTTP Basic with the account SID and auth token).
 * Chosen because it is the most widely copied SMS API shape: several other providers and
 * the agencies' own gateways offer a Twilio-compatible endpoint, so `apiUrl` can point at
 * them. The status callback URL carries the notice id, so a status can settle a notice
 * whose sending node died before it recorded the provider's id.
 */
export class TwilioSmsSender implements NoticeSender {
  readonly channel = 'sms' as const;

  constructor(readonly settings: TwilioSettings) {}

  statusCallbackUrl(noticeId: string): string {
    return `${this.settings.publicUrl}${SMS_STATUS_PATH}?notice=${encodeURIComponent(noticeId)}`;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const { apiUrl, accountSid, authToken, from } = this.settings;
    const form = new URLSearchParams({
      To: message.to,
      [from.startsWith('MG') ? 'MessagingServiceSid' : 'From']: from,
      Body: message.text,
      StatusCallback: this.statusCallbackUrl(message.noticeId),
    });
    let response: Response;
    try {
      response = await fetch(
        `${apiUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
        {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: form.toString(),
          signal: AbortSignal.timeout(this.settings.timeoutMs ?? 30_000),
        },
      );
    } catch (error) {
      return unreachable(error);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const created = createdSchema.safeParse(json);
      // Accepted but unreadable: the provider has it, so it is never sent again.
      return created.success
        ? { kind: 'accepted', providerId: created.data.sid }
        : { kind: 'unknown', reason: 'notice.sms_unreadable_answer' };
    }
    const code = errorSchema.safeParse(json).data?.code;
    if (response.status === 429 || response.status >= 500)
      return { kind: 'transient', reason: `notice.sms_${response.status}` };
    if (code === UNSUBSCRIBED) return { kind: 'permanent', reason: 'notice.opted_out' };
    return { kind: 'permanent', reason: `notice.sms_${response.status}${code ? `_${code}` : ''}` };
  }
}

/** Refused before the request left (nothing sent: retry) or lost after it (never again). */
function unreachable(error: unknown): SendOutcome {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  if (cause && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(cause))
    return { kind: 'transient', reason: 'notice.sms_unreachable' };
  return { kind: 'unknown', reason: 'notice.sms_lost_after_send' };
}
