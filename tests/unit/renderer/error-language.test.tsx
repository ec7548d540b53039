// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { AttemptPanel } from '../../../src/renderer/src/features/callback/AttemptPanel';
import { SchedulePanel } from '../../../src/renderer/src/features/callback/SchedulePanel';
import { Rejections } from '../../../src/renderer/src/features/shell/Rejections';
import { formatInstant } from '../../../src/renderer/src/i18n/format';
import { checkAttemptAllowed } from '../../../src/shared/domain/attempts';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { DomainError } from '../../../src/shared/domain/result';
import { dueAt } from '../../../src/shared/domain/sla';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { ny } from '../domain/helpers';
import { FakeHost } from './fake-host';
import { callbackDetail, NOW, SIGNED_IN } from './fixtures';

let host: FakeHost;
beforeEach(() => {
  useUiStore.setState({ language: 'es' });
  useSessionStore.setState({ session: SIGNED_IN, rejections: [] });
  host = new FakeHost();
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
  useUiStore.setState({ language: 'en' });
});

/** The core's refusal of an attempt on Saturday 2026-11-28 (outside the callback days). */
function saturdayRefusal(): { ok: false; error: DomainError } {
  const created = ny('2026-11-27 09:00');
  const refusal = checkAttemptAllowed(
    {
      createdAt: created,
      dueAt: dueAt(created, 'urgent', DEFAULT_POLICY),
      attempts: [],
      extraAttemptsGranted: 0,
    },
    ny('2026-11-28 10:00'),
    DEFAULT_POLICY,
  );
  if (refusal.ok) throw new Error('expected a refusal');
  return refusal;
}

describe('refusals on a Spanish screen', () => {
  it('shows a rule refusal from the core in Spanish, with its time in the callback-hours zone', async () => {
    const refusal = saturdayRefusal();
    host.handle('callback.schedule', () => refusal);
    const user = userEvent.setup();
    render(<SchedulePanel detail={callbackDetail('cb-1')} />);
    await user.type(screen.getByLabelText('Fecha'), '2026-03-05');
    await user.click(screen.getByRole('button', { name: 'Guardar horario' }));
    const alert = (await screen.findByRole('alert')).textContent ?? '';
    expect(alert).toContain('No se pueden hacer llamadas de seguimiento en este momento');
    expect(alert).toContain(formatInstant(ny('2026-11-30 07:00'), DEFAULT_POLICY.callbackHours.timeZone));
    expect(alert).not.toContain("Callbacks can't be made now");
  });

  it('says why an attempt is blocked right now in Spanish (the permission carries the rule refusal)', () => {
    const refusal = saturdayRefusal();
    const detail = callbackDetail('cb-1');
    render(
      <AttemptPanel
        detail={{
          ...detail,
          permissions: { ...detail.permissions, recordAttempt: { allowed: false, reason: refusal.error } },
        }}
      />,
    );
    const notice = document.getElementById('attempt-blocked')?.textContent ?? '';
    expect(notice).toContain('No se pueden hacer llamadas de seguimiento en este momento');
    expect(notice).not.toContain("Callbacks can't be made now");
  });

  it('shows a stored push rejection in Spanish by its code, and an unknown one in English', () => {
    useSessionStore.setState({
      rejections: [
        {
          mutationId: 'm-1',
          name: 'callback.claim@1',
          code: 'callback.already_claimed',
          message: 'This callback is already claimed by another agent.',
          subject: { table: 'callbacks', id: 'cb-1' },
          at: NOW,
        },
        {
          mutationId: 'm-2',
          name: 'callback.record-attempt@2',
          code: 'attempt.time_too_old',
          message: 'The attempt was held offline too long.',
          subject: null,
          at: NOW,
        },
      ],
    });
    render(<Rejections />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Asignación: Otro agente ya se asignó esta llamada de seguimiento.');
    expect(items[1]).toContain('Intento: The attempt was held offline too long.');
  });
});
