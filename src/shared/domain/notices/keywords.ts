/**
 * What a customer's reply means. Opt-out and help keywords in English and Spanish
 * (the carriers' standard set plus the Spanish ones), and the answers to
 * "available now?". Matching ignores case, accents, spaces and punctuation, and
 * looks at the whole reply only (so "stop calling at 5" is not a STOP, but it is
 * nothing else either).
 */
export type ReplyMeaning = 'stop' | 'help' | 'start' | 'yes' | 'no' | 'other';

const MEANINGS: Record<Exclude<ReplyMeaning, 'other'>, readonly string[]> = {
  stop: [
    'stop',
    'stopall',
    'unsubscribe',
    'cancel',
    'end',
    'quit',
    'optout',
    'revoke',
    'cancelar',
    'parar',
    'alto',
    'detener',
    'baja',
  ],
  help: ['help', 'info', 'ayuda'],
  start: ['start', 'unstop', 'comenzar', 'iniciar'],
  yes: ['yes', 'y', 'yeah', 'yep', 'ok', 'si', 'sip', 'claro'],
  no: ['no', 'n', 'nope', 'not now', 'ahora no'],
};

export function normalizeReply(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function replyMeaning(text: string): ReplyMeaning {
  const reply = normalizeReply(text);
  for (const [meaning, words] of Object.entries(MEANINGS)) {
    if (words.includes(reply)) return meaning as ReplyMeaning;
  }
  return 'other';
}
