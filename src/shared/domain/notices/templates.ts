import { z } from 'zod';
import type { Policy } from '../policy';

/**
 * Customer notice templates, en/es, per kind and channel. They are data (an agency
 * may load its own through the server's notices configuration) and validated:
 * only known placeholders, the channel's length limits once filled, the opt-out
 * words in every SMS, and nothing that looks like case data (docs/domain.md,
 * "Customer notices": no A-number, no receipt number, no name).
 */
export const NOTICE_PLACEHOLDERS = ['date', 'time', 'minutes', 'areaCode'] as const;
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];
export type NoticeValues = Record<NoticePlaceholder, string>;

const textSchema = z.string().min(1).max(4000);
const smsTemplateSchema = z.object({ text: textSchema });
const emailTemplateSchema = z.object({ subject: textSchema, text: textSchema });
const kindTemplatesSchema = z.object({ sms: smsTemplateSchema, email: emailTemplateSchema });
/** The answers to a customer's text (HELP, an opt-out, a reply to "available now?"). */
const replyTemplatesSchema = z.object({
  help: textSchema,
  stopped: textSchema,
  waiting: textSchema,
  late: textSchema,
});
const languageTemplatesSchema = z.object({
  'text-ahead': kindTemplatesSchema,
  'available-now': kindTemplatesSchema,
  replies: replyTemplatesSchema,
});
export const noticeTemplatesSchema = z.object({ en: languageTemplatesSchema, es: languageTemplatesSchema });
export type NoticeTemplates = z.infer<typeof noticeTemplatesSchema>;

/** The widest value each placeholder can take (for the length check). */
const WIDEST: NoticeValues = {
  date: 'Wednesday, September 30',
  time: '12:30 PM',
  minutes: '999',
  areaCode: '999',
};

/** A-number (A + 7–9 digits) or a receipt number (3 letters + 10 digits, dashes allowed). */
const SENSITIVE = [/\bA-?\d{7,9}\b/i, /\b[A-Z]{3}-?\d{2}-?\d{3}-?\d{5}\b/i];
const PLACEHOLDER = /\{(\w+)\}/g;

export function fillTemplate(text: string, values: NoticeValues): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => values[name as NoticePlaceholder] ?? '');
}

/** One text's problems: unknown placeholders, its length once filled, anything like case data. */
function textProblems(path: string, text: string, max: number): string[] {
  const problems: string[] = [];
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!(NOTICE_PLACEHOLDERS as readonly string[]).includes(name as string))
      problems.push(`${path}: unknown placeholder {${name}} (known: ${NOTICE_PLACEHOLDERS.join(', ')})`);
  }
  const filled = fillTemplate(text, WIDEST).length;
  if (filled > max) problems.push(`${path}: ${filled} characters when filled; the limit is ${max}`);
  if (SENSITIVE.some((p) => p.test(text)))
    problems.push(`${path}: looks like case data (an A-number or receipt number); notices carry none`);
  return problems;
}

/** Every problem of a template set, as readable lines (empty when it is fine). */
export function templateProblems(templates: NoticeTemplates, policy: Policy): string[] {
  const problems: string[] = [];
  const limits = policy.notices;
  for (const language of ['en', 'es'] as const) {
    for (const kind of ['text-ahead', 'available-now'] as const) {
      const set = templates[language][kind];
      const where = `${language}.${kind}`;
      problems.push(
        ...textProblems(`${where}.sms.text`, set.sms.text, limits.smsMaxChars),
        ...textProblems(`${where}.email.subject`, set.email.subject, limits.emailSubjectMaxChars),
        ...textProblems(`${where}.email.text`, set.email.text, limits.emailBodyMaxChars),
      );
      if (!/\bSTOP\b/.test(set.sms.text)) problems.push(`${where}.sms.text: must say how to opt out (STOP)`);
    }
    // The answers to a customer's texts are texts too.
    for (const [name, text] of Object.entries(templates[language].replies))
      problems.push(...textProblems(`${language}.replies.${name}`, text, limits.smsMaxChars));
  }
  return problems;
}

export const DEFAULT_NOTICE_TEMPLATES: NoticeTemplates = {
  en: {
    'text-ahead': {
      sms: {
        text: 'USCIS Contact Center: we will call you on {date} at {time} (your time) from a {areaCode} number. Reply STOP to opt out, HELP for help.',
      },
      email: {
        subject: 'Your scheduled call from the USCIS Contact Center',
        text: 'We will call you on {date} at {time} (your time). The call will come from a {areaCode} area code number.\n\nThis message does not contain case information. Do not reply with personal information.',
      },
    },
    'available-now': {
      sms: {
        text: 'USCIS Contact Center: are you available for a call in the next {minutes} minutes? Reply YES or NO. Reply STOP to opt out, HELP for help.',
      },
      email: {
        subject: 'Are you available for a call?',
        text: 'Are you available for a call from the USCIS Contact Center in the next {minutes} minutes? The call will come from a {areaCode} area code number.',
      },
    },
    replies: {
      help: 'USCIS Contact Center call notices. Reply STOP to opt out. Do not send personal or case information by text.',
      stopped:
        'USCIS Contact Center: you will receive no more texts from us. Your scheduled calls are not affected.',
      waiting: 'Thank you. An agent will call you from a {areaCode} number within {minutes} minutes.',
      late: 'Thank you. This request has expired; we will call you as planned.',
    },
  },
  es: {
    'text-ahead': {
      sms: {
        text: 'Centro de Contacto de USCIS: le llamaremos el {date} a las {time} (su hora) desde un número {areaCode}. Responda STOP o CANCELAR para no recibir más, AYUDA para ayuda.',
      },
      email: {
        subject: 'Su llamada programada del Centro de Contacto de USCIS',
        text: 'Le llamaremos el {date} a las {time} (su hora). La llamada vendrá de un número con código de área {areaCode}.\n\nEste mensaje no contiene información de su caso. No responda con información personal.',
      },
    },
    'available-now': {
      sms: {
        text: 'Centro de Contacto de USCIS: ¿puede recibir una llamada en los próximos {minutes} minutos? Responda SÍ o NO. Responda STOP o CANCELAR para no recibir más, AYUDA para ayuda.',
      },
      email: {
        subject: '¿Puede recibir una llamada?',
        text: '¿Puede recibir una llamada del Centro de Contacto de USCIS en los próximos {minutes} minutos? La llamada vendrá de un número con código de área {areaCode}.',
      },
    },
    replies: {
      help: 'Avisos de llamadas del Centro de Contacto de USCIS. Responda STOP o CANCELAR para no recibir más. No envíe información personal ni de su caso por texto.',
      stopped:
        'Centro de Contacto de USCIS: no recibirá más mensajes de texto. Sus llamadas programadas no cambian.',
      waiting: 'Gracias. Un agente le llamará desde un número {areaCode} en los próximos {minutes} minutos.',
      late: 'Gracias. Esta solicitud ya venció; le llamaremos según lo previsto.',
    },
  },
};
