import type { Language } from './language/language';

/**
 * The message an agent leaves when a callback attempt reaches voicemail (PRODUCT.md
 * rules 2 and 4), in the CUSTOMER's preferred language — not the agent's screen
 * language. It names the caller-ID area code so the customer recognises the next
 * call, and says what happens next by attempt: another try is coming, or this was
 * the last one and how to reach the center. No case data beyond the receipt number
 * the customer gave us.
 */
export interface VoicemailInput {
  customerName: string;
  /** policy.callerIdAreaCode. */
  callerIdAreaCode: string;
  /** Formatted for reading aloud, e.g. EAC-22-123-45678; null when none is on file. */
  receipt: string | null;
  /** 1-based number of the attempt being made. */
  attemptNumber: number;
  /** Attempts allowed on this callback (policy maximum + extra attempts granted). */
  allowedAttempts: number;
}

interface VoicemailText {
  greeting(name: string): string;
  returning(receipt: string | null): string;
  callerId(areaCode: string): string;
  willTryAgain: string;
  lastAttempt: string;
  thanks: string;
}

const TEXT: Readonly<Record<Language, VoicemailText>> = {
  en: {
    greeting: (name) => `Hello, this message is for ${name}.`,
    returning: (receipt) =>
      `This is the USCIS Contact Center returning your call${receipt ? ` about receipt number ${receipt}` : ''}.`,
    callerId: (areaCode) => `Our calls show a caller ID with the ${areaCode} area code.`,
    willTryAgain: 'We will try again later; you do not need to call us back for this request.',
    lastAttempt:
      'This was our last attempt to reach you about this request. If you still need help, please call the USCIS Contact Center.',
    thanks: 'Thank you.',
  },
  es: {
    greeting: (name) => `Hola, este mensaje es para ${name}.`,
    returning: (receipt) =>
      `Le llama el Centro de Contacto de USCIS para responder a su llamada${receipt ? ` sobre el número de recibo ${receipt}` : ''}.`,
    callerId: (areaCode) => `Nuestras llamadas aparecen con el código de área ${areaCode}.`,
    willTryAgain: 'Volveremos a llamarle más tarde; no necesita devolvernos la llamada por esta solicitud.',
    lastAttempt:
      'Este fue nuestro último intento de comunicarnos con usted sobre esta solicitud. Si todavía necesita ayuda, llame al Centro de Contacto de USCIS.',
    thanks: 'Gracias.',
  },
};

export function voicemailScript(input: VoicemailInput, language: Language): string {
  const t = TEXT[language];
  const last = input.attemptNumber >= input.allowedAttempts;
  return [
    t.greeting(input.customerName),
    t.returning(input.receipt),
    t.callerId(input.callerIdAreaCode),
    last ? t.lastAttempt : t.willTryAgain,
    t.thanks,
  ].join(' ');
}
