import { describe, expect, it } from 'vitest';
import { back, currentStep, skipCollected, startScript } from '../../../src/shared/scripts';
import { loadStarterScript } from './helpers';

const caseStatus = loadStarterScript('case-status.v1.json');

describe('skipCollected (a screen pop starts the script after what the IVR collected)', () => {
  it('walks past the intro and the receipt question the IVR answered, in the caller’s language', () => {
    const started = startScript(caseStatus, {
      language: 'es',
      ivr: { intent: null, receiptNumber: 'EAC2212345678' },
    });
    const session = skipCollected(started);
    expect(session.stepId).toBe('verified');
    expect(session.language).toBe('es');
    expect(session.history).toEqual(['intro', 'receipt']);
    expect(session.answers['receiptNumber']).toBe('EAC2212345678');
    // Back shows what was skipped, answer kept.
    const previous = back(session);
    expect(previous.ok && previous.value.stepId).toBe('receipt');
  });

  it('stays at the start when the IVR collected nothing the script asks', () => {
    const started = startScript(caseStatus, { language: 'en', ivr: { intent: null, receiptNumber: null } });
    const session = skipCollected(started);
    expect(session).toBe(started);
    expect(currentStep(session).kind).toBe('say');
  });

  it('does not skip a receipt number the IVR heard wrong (the agent asks instead)', () => {
    const started = startScript(caseStatus, {
      language: 'es',
      ivr: { intent: null, receiptNumber: 'EAC12' },
    });
    expect(skipCollected(started).stepId).toBe('intro');
  });
});
