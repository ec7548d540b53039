import type { Policy } from '../../shared/domain/policy';
import { fillTemplate, type NoticeTemplates } from '../../shared/domain/notices/templates';
import type { Language, NoticeChannel, NoticeKind } from '../../shared/sync/rows';

/** The message for one notice in the customer's language, times on the customer's own clock. */
export function noticeText(
  templates: NoticeTemplates,
  policy: Policy,
  notice: { kind: NoticeKind; channel: NoticeChannel; sendAt: number; slotStart: number | null },
  language: Language,
  timeZone: string,
): { subject?: string; text: string } {
  const locale = language === 'es' ? 'es-US' : 'en-US';
  const at = notice.slotStart ?? notice.sendAt;
  const values = {
    date: new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
    }).format(at),
    time: new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(at),
    minutes: String(policy.notices.availabilityReplyMinutes),
    areaCode: policy.callerIdAreaCode,
  };
  const template = templates[language][notice.kind];
  if (notice.channel === 'sms') return { text: fillTemplate(template.sms.text, values) };
  return {
    subject: fillTemplate(template.email.subject, values),
    text: fillTemplate(template.email.text, values),
  };
}
