import type { NoticeChannel, NoticeKind, NoticeStatus } from '../../../../../shared/sync/rows';

/** Customer notices on the callback screen: consent, each notice's state, "available now?", English. */
export const noticesEn = {
  title: 'Customer notices',
  consentTitle: 'Consent to messages',
  channel: { sms: 'Text messages (SMS)', email: 'E-mail' } satisfies Record<NoticeChannel, string>,
  consentNone: 'No consent recorded.',
  consentGiven: (address: string, when: string, how: string) => `Agreed ${when} (${how}) to ${address}.`,
  consentRevoked: (when: string, how: string) => `Withdrawn ${when} (${how}).`,
  how: {
    'verbal-on-call': 'verbally on a call',
    written: 'in writing',
    ivr: 'through the phone menu',
  } as Record<string, string>,
  revokedHow: { 'stop-keyword': 'the customer texted STOP', agent: 'by an agent' } as Record<string, string>,
  consentAddress: (channel: NoticeChannel): string =>
    channel === 'sms' ? 'Number for texts' : 'E-mail address',
  consentHow: 'How the customer agreed',
  recordConsent: (channel: NoticeChannel): string =>
    channel === 'sms' ? 'Record consent to texts' : 'Record consent to e-mail',
  withdrawConsent: (channel: NoticeChannel): string =>
    channel === 'sms' ? 'Withdraw consent to texts' : 'Withdraw consent to e-mail',
  noAddress: (channel: NoticeChannel): string =>
    channel === 'sms'
      ? 'Add a mobile number without an extension to the customer first.'
      : 'Add the customer’s e-mail address first.',
  consentSaved: 'Consent saved.',
  channelUnavailable: (channel: NoticeChannel): string =>
    channel === 'sms'
      ? 'This server sends no text messages: IT has not connected an SMS provider. Consent recorded now is used once one is connected.'
      : 'This server sends no e-mail: IT has not connected a mail relay. Consent recorded now is used once one is connected.',
  askUnavailable:
    'Texts cannot be sent from this server (no SMS provider is configured), so the customer cannot be asked.',
  listTitle: 'Notices for this callback',
  none: 'No notices for this callback.',
  kind: { 'text-ahead': 'Text-ahead', 'available-now': '“Available now?”' } satisfies Record<
    NoticeKind,
    string
  >,
  status: {
    queued: 'Queued',
    sending: 'Sending',
    sent: 'Sent',
    delivered: 'Delivered',
    failed: 'Failed',
    unknown: 'Outcome unknown (not sent again)',
    cancelled: 'Cancelled',
    replied: 'Replied',
  } satisfies Record<NoticeStatus, string>,
  optedOut: 'Opted out (STOP)',
  reply: { yes: 'Customer said yes', no: 'Customer said no', stop: 'Customer opted out (STOP)' } as Record<
    string,
    string
  >,
  reason: {
    'notice.channel_unavailable': 'Notices are not available: no provider is configured for this channel.',
    'notice.no_consent': 'No consent on this channel.',
    'notice.callback_closed': 'The callback was closed.',
    'notice.rescheduled': 'The callback was rescheduled.',
    'notice.slot_passed': 'The slot has passed.',
    'notice.opted_out': 'The customer opted out.',
    'notice.waiting_for_daytime': 'Waiting for the customer’s daytime.',
    'notice.no_reply': 'No reply in time.',
    'notice.reply_too_late': 'The reply came after the window.',
    'notice.too_late': 'Too late to send.',
    'notice.outcome_unknown': 'The server stopped while sending; it is not sent again.',
  } as Record<string, string>,
  otherReason: (code: string) => `Reason: ${code}`,
  at: (when: string) => `at ${when}`,
  askAvailability: 'Text “available now?”',
  askExplain: (minutes: number) =>
    `The customer is asked whether they can take a call in the next ${minutes} minutes. A “yes” puts this callback first on your list.`,
  asked: 'Text queued: the customer is asked whether they are available now.',
  waiting: (until: string) => `Customer is waiting for your call until ${until}`,
  waitingNotification: (until: string) => `A customer is waiting for your call until ${until}.`,
  waitingTitle: 'Customer waiting',
};
export type NoticesMessages = typeof noticesEn;
