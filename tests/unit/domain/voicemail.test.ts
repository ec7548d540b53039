import { describe, expect, it } from 'vitest';
import { voicemailScript } from '../../../src/shared/domain/voicemail';

const base = { customerName: 'María López', callerIdAreaCode: '202', receipt: 'EAC-22-123-45678' };

describe('voicemailScript', () => {
  it("is said in the customer's language with the caller-ID area code", () => {
    const es = voicemailScript({ ...base, attemptNumber: 1, allowedAttempts: 2 }, 'es');
    expect(es).toContain('este mensaje es para María López');
    expect(es).toContain('código de área 202');
    expect(es).toContain('número de recibo EAC-22-123-45678');
    expect(es).toContain('Volveremos a llamarle');
    expect(es).not.toMatch(/\b(the|we|call)\b/i);
  });

  it('does not promise another try on the last attempt', () => {
    const first = voicemailScript({ ...base, attemptNumber: 1, allowedAttempts: 2 }, 'en');
    const last = voicemailScript({ ...base, attemptNumber: 2, allowedAttempts: 2 }, 'en');
    expect(first).toContain('We will try again later');
    expect(last).not.toContain('try again');
    expect(last).toContain('This was our last attempt');
    const ultimo = voicemailScript({ ...base, attemptNumber: 3, allowedAttempts: 3 }, 'es');
    expect(ultimo).toContain('último intento');
    expect(ultimo).not.toContain('Volveremos');
  });

  it('leaves the receipt out when none is on file', () => {
    expect(
      voicemailScript({ ...base, receipt: null, attemptNumber: 1, allowedAttempts: 2 }, 'en'),
    ).not.toContain('receipt');
  });
});
