import type { NoticeChannel } from '../../shared/sync/rows';

/** One message to hand to a provider. `noticeId` is its idempotency key. */
export interface OutgoingMessage {
  noticeId: string;
  to: string;
  subject?: string;
  text: string;
}

/**
 * What the provider said: `accepted` (with its id); `transient` (nothing was sent:
 * try again later — connection refused, 5xx, 4xx-try-later); `permanent` (it will
 * never go: a refused address, a 4xx); `unknown` (the request may have reached the
 * provider — a timeout after sending: never sent again).
 */
export type SendOutcome =
  | { kind: 'accepted'; providerId: string }
  | { kind: 'transient'; reason: string }
  | { kind: 'permanent'; reason: string }
  | { kind: 'unknown'; reason: string };

/** A provider port: the SMTP relay, an SMS provider's HTTP API. */
export interface NoticeSender {
  readonly channel: NoticeChannel;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  close?(): void;
}
