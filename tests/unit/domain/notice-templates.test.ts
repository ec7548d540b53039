import { describe, expect, it } from 'vitest';
import { replyMeaning } from '../../../src/shared/domain/notices/keywords';
import {
  DEFAULT_NOTICE_TEMPLATES,
  noticeTemplatesSchema,
  templateProblems,
  type NoticeTemplates,
} from '../../../src/shared/domain/notices/templates';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';

function withEnglishSms(text: string): NoticeTemplates {
  const t = structuredClone(DEFAULT_NOTICE_TEMPLATES);
  t.en['available-now'].sms.text = text;
  return t;
}

describe('customer notice templates (validated data)', () => {
  it('ships a default set that passes every rule', () => {
    expect(noticeTemplatesSchema.safeParse(DEFAULT_NOTICE_TEMPLATES).success).toBe(true);
    expect(templateProblems(DEFAULT_NOTICE_TEMPLATES, DEFAULT_POLICY)).toEqual([]);
  });

  it('refuses an unknown placeholder, a text over the channel limit, case data and an SMS without STOP', () => {
    expect(
      templateProblems(withEnglishSms('Call at {hour}. Reply STOP to opt out.'), DEFAULT_POLICY),
    ).toEqual([
      'en.available-now.sms.text: unknown placeholder {hour} (known: date, time, minutes, areaCode)',
    ]);
    expect(templateProblems(withEnglishSms(`${'x'.repeat(320)} STOP`), DEFAULT_POLICY)[0]).toContain(
      'characters when filled; the limit is 320',
    );
    expect(templateProblems(withEnglishSms('About A012345678. Reply STOP.'), DEFAULT_POLICY)[0]).toContain(
      'looks like case data',
    );
    expect(
      templateProblems(withEnglishSms('About IOE-09-123-45678. Reply STOP.'), DEFAULT_POLICY)[0],
    ).toContain('looks like case data');
    expect(templateProblems(withEnglishSms('Are you available?'), DEFAULT_POLICY)).toEqual([
      'en.available-now.sms.text: must say how to opt out (STOP)',
    ]);
  });

  it('checks the answers to texts too', () => {
    const t = structuredClone(DEFAULT_NOTICE_TEMPLATES);
    t.es.replies.waiting = 'Le llamaremos a las {hora}.';
    expect(templateProblems(t, DEFAULT_POLICY)).toEqual([
      'es.replies.waiting: unknown placeholder {hora} (known: date, time, minutes, areaCode)',
    ]);
  });
});

describe('what a customer’s text means', () => {
  it.each([
    ['STOP', 'stop'],
    ['  stop. ', 'stop'],
    ['Cancelar', 'stop'],
    ['PARAR', 'stop'],
    ['help', 'help'],
    ['Ayuda', 'help'],
    ['Sí', 'yes'],
    ['si!', 'yes'],
    ['YES', 'yes'],
    ['no', 'no'],
    ['ahora no', 'no'],
    ['stop calling at 5', 'other'],
    ['maybe later', 'other'],
  ] as const)('%j is %s', (text, meaning) => {
    expect(replyMeaning(text)).toBe(meaning);
  });
});
