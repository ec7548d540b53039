import type { ReferenceKind, ReferenceNumber } from './reference-number';

export type ReadBackLanguage = 'en' | 'es';

/** ICAO/NATO spelling words: understood on a phone line in English and in Spanish. */
const SPELLING: Readonly<Record<string, string>> = {
  A: 'Alfa',
  B: 'Bravo',
  C: 'Charlie',
  D: 'Delta',
  E: 'Echo',
  F: 'Foxtrot',
  G: 'Golf',
  H: 'Hotel',
  J: 'Juliett',
  K: 'Kilo',
  M: 'Mike',
  N: 'November',
  P: 'Papa',
  Q: 'Quebec',
  R: 'Romeo',
  S: 'Sierra',
  T: 'Tango',
  V: 'Victor',
  W: 'Whiskey',
  X: 'X-ray',
  Y: 'Yankee',
  Z: 'Zulu',
};

const TEXT: Record<
  ReadBackLanguage,
  {
    record: Record<ReferenceKind, string>;
    sentence(record: string, display: string): string;
    letter(c: string, word: string): string;
    keep: string;
  }
> = {
  en: {
    record: {
      inquiry: 'inquiry',
      'service-request': 'service request',
      expedite: 'expedite request',
      appointment: 'appointment request',
      callback: 'callback request',
    },
    sentence: (record, display) => `The reference number of your ${record} is ${display}.`,
    letter: (c, word) => `${c} as in ${word}`,
    keep: 'Please keep it: quote it if you contact us again about this.',
  },
  es: {
    record: {
      inquiry: 'consulta',
      'service-request': 'solicitud de servicio',
      expedite: 'solicitud de trámite acelerado',
      appointment: 'solicitud de cita',
      callback: 'solicitud de devolución de llamada',
    },
    sentence: (record, display) => `El número de referencia de su ${record} es ${display}.`,
    letter: (c, word) => `${c} de ${word}`,
    keep: 'Por favor, guárdelo y menciónelo si vuelve a comunicarse con nosotros sobre este asunto.',
  },
};

/**
 * What the agent reads to the caller: the reference number, then spelled
 * character by character (letters with their spelling word, digits as digits),
 * in the caller's language.
 */
export function referenceReadBack(
  reference: ReferenceNumber,
  language: ReadBackLanguage,
): {
  sentence: string;
  spelled: string;
  keep: string;
} {
  const t = TEXT[language];
  const spelled = [...reference.canonical]
    .map((c) => {
      const word = SPELLING[c];
      return word ? t.letter(c, word) : c;
    })
    .join(', ');
  return { sentence: t.sentence(t.record[reference.kind], reference.display), spelled, keep: t.keep };
}
