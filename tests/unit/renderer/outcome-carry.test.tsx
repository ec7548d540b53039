// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  OutcomePanel,
  type ServiceRequestDraft,
} from '../../../src/renderer/src/features/inquiry/OutcomePanel';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import type { ScriptOutcome } from '../../../src/shared/scripts';
import { SIGNED_IN } from './fixtures';

/** Issue 13 item 6: the form after the script starts from what the script collected. */
beforeEach(() => {
  useUiStore.setState({ language: 'en' });
  useSessionStore.setState({ session: SIGNED_IN });
});
afterEach(cleanup);

const EMPTY: ServiceRequestDraft = { category: '', description: '', routing: null };

function panel(outcome: ScriptOutcome, onServiceRequest = vi.fn()) {
  render(
    <OutcomePanel
      outcome={outcome}
      callerLanguage="en"
      callerReceipt=""
      saving={false}
      serviceRequest={EMPTY}
      onServiceRequest={onServiceRequest}
      onSave={() => undefined}
    />,
  );
  return onServiceRequest;
}

describe('answers carried from the script', () => {
  it('an urgent appointment request keeps the reason and explanation the script collected', () => {
    panel({
      stepId: 'out',
      outcome: 'appointment-request',
      urgency: 'urgent',
      carried: { urgentReason: 'medical-emergency', explanation: 'Surgery abroad next week' },
      note: '',
    });
    expect(screen.getByLabelText('Urgent')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Medical emergency')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('What the caller needs the appointment for')).toHaveProperty(
      'value',
      'Surgery abroad next week',
    );
  });

  it('a service request starts with the type from the script path and the description it collected', () => {
    const onServiceRequest = panel({
      stepId: 'out',
      outcome: 'service-request',
      serviceRequestType: 'address-change',
      carried: { explanation: 'Moved to 12 Main St' },
      note: '',
    } as ScriptOutcome);
    expect(onServiceRequest).toHaveBeenCalledWith({
      category: 'address-change',
      description: 'Moved to 12 Main St',
      routing: null,
    });
  });
});
