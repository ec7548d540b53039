// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorklistRowView } from '../../../src/renderer/src/features/worklist/WorklistRowView';
import { formatInstant } from '../../../src/renderer/src/i18n/format';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { attemptPlan } from '../../../src/shared/domain/attempts';
import { DEFAULT_POLICY, MINUTE_MS } from '../../../src/shared/domain/policy';
import type { WorklistRow } from '../../../src/shared/ipc';
import { NOW, SIGNED_IN, worklistRow } from './fixtures';

const ZONE = DEFAULT_POLICY.callbackHours.timeZone;
const FIRST_ATTEMPT = NOW - 120 * MINUTE_MS;

/** A row one attempt in, its next window as the core computes it (attemptPlan) at `now`. */
function rowAt(now: number): WorklistRow {
  const base = worklistRow(1);
  const plan = attemptPlan(
    {
      createdAt: FIRST_ATTEMPT - 10 * MINUTE_MS,
      dueAt: base.dueAt,
      attempts: [
        {
          id: 'a1',
          at: FIRST_ATTEMPT,
          agentId: 'u-1',
          numberDialed: '+12125550123',
          outcome: 'busy',
          messageLeft: false,
        },
      ],
      extraAttemptsGranted: 0,
    },
    now,
    DEFAULT_POLICY,
  );
  if (plan.kind !== 'next') throw new Error(`expected a next attempt, got ${plan.kind}`);
  return {
    ...base,
    attemptsMade: 1,
    nextAttempt: {
      attemptNumber: plan.attemptNumber,
      earliest: plan.window.earliest,
      latest: plan.window.latest,
      timing: plan.timing,
    },
  };
}

beforeEach(() => useSessionStore.setState({ session: SIGNED_IN }));
afterEach(() => {
  cleanup();
  useUiStore.setState({ language: 'en' });
});

describe('the worklist row says when the next attempt is due', () => {
  it('before the window: from its start', () => {
    const row = rowAt(FIRST_ATTEMPT + 30 * MINUTE_MS);
    expect(row.nextAttempt?.timing).toBe('too-early');
    render(<WorklistRowView row={row} />);
    screen.getByText(`attempt 2 from ${formatInstant(row.nextAttempt?.earliest ?? 0, ZONE)}`);
  });

  it('inside the window: now, until its end', () => {
    const row = rowAt(FIRST_ATTEMPT + 70 * MINUTE_MS);
    expect(row.nextAttempt?.timing).toBe('in-window');
    render(<WorklistRowView row={row} />);
    screen.getByText(`attempt 2 due now, until ${formatInstant(row.nextAttempt?.latest ?? 0, ZONE)}`);
  });

  it('after the window: overdue, never a start date in the past', () => {
    const row = rowAt(FIRST_ATTEMPT + 200 * MINUTE_MS);
    expect(row.nextAttempt?.timing).toBe('late');
    render(<WorklistRowView row={row} />);
    const text = `attempt 2 overdue: its window closed ${formatInstant(row.nextAttempt?.latest ?? 0, ZONE)}`;
    expect(screen.getByText(text).className).toBe('wl-late');
    expect(screen.queryByText(/attempt 2 from/)).toBeNull();
  });

  it('in Spanish too', () => {
    useUiStore.setState({ language: 'es' });
    const row = rowAt(FIRST_ATTEMPT + 200 * MINUTE_MS);
    render(<WorklistRowView row={row} />);
    screen.getByText(
      `intento 2 atrasado: su plazo terminó ${formatInstant(row.nextAttempt?.latest ?? 0, ZONE)}`,
    );
  });
});
