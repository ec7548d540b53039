import type { NoticesMessages } from './notices-en';

/** Avisos al cliente en la pantalla de la llamada, español (misma forma que el inglés). */
export const noticesEs: NoticesMessages = {
  title: 'Avisos al cliente',
  consentTitle: 'Consentimiento para mensajes',
  channel: { sms: 'Mensajes de texto (SMS)', email: 'Correo electrónico' },
  consentNone: 'No hay consentimiento registrado.',
  consentGiven: (address, when, how) => `Aceptó el ${when} (${how}) en ${address}.`,
  consentRevoked: (when, how) => `Retirado el ${when} (${how}).`,
  how: {
    'verbal-on-call': 'verbalmente en una llamada',
    written: 'por escrito',
    ivr: 'en el menú telefónico',
  },
  revokedHow: { 'stop-keyword': 'el cliente envió STOP', agent: 'por un agente' },
  consentAddress: (channel) => (channel === 'sms' ? 'Número para mensajes' : 'Correo electrónico'),
  consentHow: 'Cómo aceptó el cliente',
  recordConsent: (channel) =>
    channel === 'sms' ? 'Registrar consentimiento para mensajes' : 'Registrar consentimiento para correo',
  withdrawConsent: (channel) =>
    channel === 'sms' ? 'Retirar consentimiento para mensajes' : 'Retirar consentimiento para correo',
  noAddress: (channel) =>
    channel === 'sms'
      ? 'Primero agregue al cliente un número móvil sin extensión.'
      : 'Primero agregue el correo electrónico del cliente.',
  consentSaved: 'Consentimiento guardado.',
  channelUnavailable: (channel) =>
    channel === 'sms'
      ? 'Este servidor no envía mensajes de texto: Informática no ha conectado un proveedor de SMS. El consentimiento que registre ahora se usará cuando haya uno.'
      : 'Este servidor no envía correos: Informática no ha conectado un servidor de correo. El consentimiento que registre ahora se usará cuando haya uno.',
  askUnavailable:
    'Desde este servidor no se pueden enviar textos (no hay proveedor de SMS), así que no se puede preguntar al cliente.',
  listTitle: 'Avisos de esta llamada',
  none: 'No hay avisos para esta llamada.',
  kind: { 'text-ahead': 'Aviso previo', 'available-now': '«¿Disponible ahora?»' },
  status: {
    queued: 'En cola',
    sending: 'Enviando',
    sent: 'Enviado',
    delivered: 'Entregado',
    failed: 'Falló',
    unknown: 'Resultado desconocido (no se reenvía)',
    cancelled: 'Cancelado',
    replied: 'Respondido',
  },
  optedOut: 'Se dio de baja (STOP)',
  reply: {
    yes: 'El cliente dijo que sí',
    no: 'El cliente dijo que no',
    stop: 'El cliente se dio de baja (STOP)',
  },
  reason: {
    'notice.channel_unavailable':
      'Los avisos no están disponibles: no hay proveedor configurado para este canal.',
    'notice.no_consent': 'No hay consentimiento en este canal.',
    'notice.callback_closed': 'La llamada se cerró.',
    'notice.rescheduled': 'La llamada se reprogramó.',
    'notice.slot_passed': 'La hora acordada ya pasó.',
    'notice.opted_out': 'El cliente se dio de baja.',
    'notice.waiting_for_daytime': 'Esperando el horario diurno del cliente.',
    'notice.no_reply': 'Sin respuesta a tiempo.',
    'notice.reply_too_late': 'La respuesta llegó fuera de plazo.',
    'notice.too_late': 'Demasiado tarde para enviarlo.',
    'notice.outcome_unknown': 'El servidor se detuvo al enviarlo; no se reenvía.',
  },
  otherReason: (code) => `Motivo: ${code}`,
  at: (when) => `el ${when}`,
  askAvailability: 'Enviar «¿disponible ahora?»',
  askExplain: (minutes) =>
    `Se pregunta al cliente si puede recibir una llamada en los próximos ${minutes} minutos. Un «sí» pone esta llamada primero en su lista.`,
  asked: 'Mensaje en cola: se pregunta al cliente si está disponible ahora.',
  waiting: (until) => `El cliente espera su llamada hasta las ${until}`,
  waitingNotification: (until) => `Un cliente espera su llamada hasta las ${until.replace(/\.$/, '')}.`,
  waitingTitle: 'Cliente en espera',
};
