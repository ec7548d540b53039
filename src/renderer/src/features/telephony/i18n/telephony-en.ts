/** Click-to-dial, call progress and screen pop text, English. */
export const telephonyEn = {
  callOffered: (number: string) =>
    `Incoming call from ${number}: the inquiry form is open with what the IVR collected.`,
  callerLine: (name: string, phone: string, known: boolean) =>
    `Caller: ${name}, ${phone}${known ? ' — existing customer, found from what the IVR collected' : ''}`,
  beforeDialing: 'Before dialing',
  number: 'Number',
  customerTime: 'Customer’s local time',
  customerTimeValue: (time: string, zone: string, approximate: boolean) =>
    `${approximate ? 'likely ' : ''}${time} (${zone})`,
  customerTimeUnknown: 'Unknown (no time zone for this number)',
  callbackHours: 'Callback hours',
  customerHours: 'Customer-local hours',
  attemptWindow: 'Attempt window',
  hoursValue: (start: string, end: string, zone: string) => `${start}–${end} ${zone}`,
  localHoursValue: (start: string, end: string) => `${start}–${end} where the customer is`,
  windowValue: (from: string, to: string) => `${from} to ${to}`,
  noWindow: 'No attempt is due',
  dialRefused: 'This number cannot be dialed now:',
  dial: { manual: 'Dial on your desk phone', uri: 'Dial with the softphone', cti: 'Place the call' },
  manualHint: 'Dial this number on your desk phone, then record the outcome below.',
  uriOpened: 'The softphone was asked to dial.',
  uriNotOpened: 'No softphone opened here: dial by hand.',
  status: {
    placed: 'Calling…',
    initiated: 'Calling…',
    ringing: 'Ringing…',
    answered: 'Connected',
    ended: 'Call ended:',
  },
  endReasons: {
    completed: 'The customer answered.',
    'no-answer': 'No answer.',
    busy: 'Busy.',
    voicemail: 'Voicemail answered: say whether you left a message.',
    failed: 'The call failed before it rang; nothing is recorded.',
  },
  fromCall: 'From the call — confirm or correct the outcome:',
  confirm: 'Confirm outcome',
};
export type TelephonyMessages = typeof telephonyEn;
