/**
 * Handle time as contact centers count it: talk time (the call, from its start to
 * its end) plus after-call work. Hold time is part of the call here (there is no
 * telephony hold signal yet).
 */
export interface ContactTimes {
  callStartedAt: number;
  callEndedAt: number;
  afterCallWork: { startedAt: number; endedAt: number } | null;
}

export interface ContactDurations {
  talkMs: number;
  afterCallWorkMs: number;
  handleMs: number;
}

export function contactDurations(times: ContactTimes): ContactDurations {
  const talkMs = Math.max(0, times.callEndedAt - times.callStartedAt);
  const acw = times.afterCallWork;
  const afterCallWorkMs = acw ? Math.max(0, acw.endedAt - acw.startedAt) : 0;
  return { talkMs, afterCallWorkMs, handleMs: talkMs + afterCallWorkMs };
}

/** Why a contact's times are not in order, or undefined when they are. */
export function contactTimesProblem(times: ContactTimes): string | undefined {
  if (times.callEndedAt < times.callStartedAt) return 'the call ends before it starts';
  const acw = times.afterCallWork;
  if (acw) {
    if (acw.startedAt < times.callEndedAt) return 'after-call work starts before the call ends';
    if (acw.endedAt < acw.startedAt) return 'after-call work ends before it starts';
  }
  return undefined;
}
