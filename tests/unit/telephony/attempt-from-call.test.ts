import { describe, expect, it } from 'vitest';
import { attemptFromCall } from '../../../src/shared/telephony/attempt-from-call';
import type { DeskCallEvent } from '../../../src/shared/telephony/desk-events';

const attempt = { callbackId: 'cb-1', attemptId: 'at-1', numberDialed: '+12125550123' };
const ended = (reason: Extract<DeskCallEvent, { kind: 'ended' }>['reason']): DeskCallEvent => ({
  kind: 'ended',
  callId: 'p:c-1',
  at: 2_000,
  reason,
  durationSeconds: 0,
  startedAt: 1_000,
  attempt,
});

describe('attemptFromCall', () => {
  it('proposes the outcome from the end reason, at the call’s start, with the number dialed', () => {
    expect(attemptFromCall(ended('no-answer'))).toEqual({
      ...attempt,
      at: 1_000,
      choices: ['no-answer-no-message', 'no-answer-message-left'],
    });
    expect(attemptFromCall(ended('busy'))?.choices).toEqual(['busy']);
    expect(attemptFromCall(ended('completed'))?.choices).toEqual(['reached-resolved', 'reached-follow-up']);
    expect(attemptFromCall(ended('voicemail'))?.choices[0]).toBe('no-answer-message-left');
  });

  it('records nothing for a call that never started, or that is no callback attempt', () => {
    expect(attemptFromCall(ended('failed'))).toBeNull();
    expect(attemptFromCall({ ...ended('no-answer'), attempt: null } as DeskCallEvent)).toBeNull();
    expect(attemptFromCall({ kind: 'answered', callId: 'p:c', at: 1, attempt })).toBeNull();
  });
});
