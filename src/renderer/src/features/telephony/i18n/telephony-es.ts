import type { TelephonyMessages } from './telephony-en';

/** Click-to-dial, call progress and screen pop text, Spanish (same shape as the English). */
export const telephonyEs: TelephonyMessages = {
  callOffered: (number: string) =>
    `Llamada entrante de ${number}: el formulario de consulta está abierto con lo que recogió el IVR.`,
  callerLine: (name: string, phone: string, known: boolean) =>
    `Persona que llama: ${name}, ${phone}${known ? ' — cliente existente, encontrado con lo que recogió el IVR' : ''}`,
  beforeDialing: 'Antes de marcar',
  number: 'Número',
  customerTime: 'Hora local del cliente',
  customerTimeValue: (time: string, zone: string, approximate: boolean) =>
    `${approximate ? 'probablemente ' : ''}${time} (${zone})`,
  customerTimeUnknown: 'Desconocida (este número no tiene zona horaria)',
  callbackHours: 'Horario de devolución de llamadas',
  customerHours: 'Horario local del cliente',
  attemptWindow: 'Ventana del intento',
  hoursValue: (start: string, end: string, zone: string) => `${start}–${end} ${zone}`,
  localHoursValue: (start: string, end: string) => `${start}–${end} donde está el cliente`,
  windowValue: (from: string, to: string) => `${from} a ${to}`,
  noWindow: 'No corresponde ningún intento',
  dialRefused: 'No se puede marcar este número ahora:',
  dial: {
    manual: 'Marque en su teléfono de escritorio',
    uri: 'Marcar con el softphone',
    cti: 'Realizar la llamada',
  },
  manualHint: 'Marque este número en su teléfono de escritorio y luego registre el resultado abajo.',
  uriOpened: 'Se pidió al softphone que marque.',
  uriNotOpened: 'No se abrió ningún softphone aquí: marque a mano.',
  status: {
    placed: 'Llamando…',
    initiated: 'Llamando…',
    ringing: 'Sonando…',
    answered: 'Conectada',
    ended: 'Llamada terminada:',
  },
  endReasons: {
    completed: 'El cliente contestó.',
    'no-answer': 'No contestó.',
    busy: 'Ocupado.',
    voicemail: 'Contestó el buzón de voz: indique si dejó un mensaje.',
    failed: 'La llamada falló antes de sonar; no se registra nada.',
  },
  fromCall: 'Según la llamada — confirme o corrija el resultado:',
  confirm: 'Confirmar resultado',
};
