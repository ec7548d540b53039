// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { PhoneNumbers } from '../../../src/renderer/src/features/callback/PhoneNumbers';
import { PlanPanel } from '../../../src/renderer/src/features/callback/PlanPanel';
import { SchedulePanel } from '../../../src/renderer/src/features/callback/SchedulePanel';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { FakeHost, ok } from './fake-host';
import { callbackDetail, NOW, SIGNED_IN } from './fixtures';

let host: FakeHost;
beforeEach(() => {
  useUiStore.setState({ language: 'en' });
  useSessionStore.setState({ session: SIGNED_IN });
  host = new FakeHost().handle('callback.schedule', () => ok({ mutationId: 'm-9' }));
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

describe('SchedulePanel', () => {
  it('sends the slot the customer chose as instants in the callback-hours zone, with text-ahead', async () => {
    const user = userEvent.setup();
    render(<SchedulePanel detail={callbackDetail('cb-1')} />);
    expect(screen.getByText('Times are in Eastern Time (callback hours).')).toBeTruthy();
    await user.type(screen.getByLabelText('Date'), '2026-03-05');
    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '09:30');
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '10:00');
    await user.click(screen.getByLabelText(/Send a text\/e-mail notice/));
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    await waitFor(() => expect(useUiStore.getState().announcement?.text).toBe('Schedule saved.'));
    // 09:30 EST on 2026-03-05 is 14:30 UTC.
    expect(host.callsTo('callback.schedule')).toEqual([
      {
        callbackId: 'cb-1',
        slot: { start: Date.UTC(2026, 2, 5, 14, 30), end: Date.UTC(2026, 2, 5, 15, 0) },
        textAhead: true,
      },
    ]);
  });

  it('offers no text-ahead when the server said it has no notice channel, and sends none', async () => {
    const user = userEvent.setup();
    useSessionStore.setState({ session: { ...SIGNED_IN, noticeChannels: { sms: false, email: false } } });
    render(<SchedulePanel detail={callbackDetail('cb-1')} />);
    const textAhead = screen.getByLabelText(/Send a text\/e-mail notice/) as HTMLInputElement;
    expect(textAhead.disabled).toBe(true);
    expect(document.getElementById(textAhead.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Notices are not available: this server has no SMS provider or mail relay.',
    );
    await user.type(screen.getByLabelText('Date'), '2026-03-05');
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    await waitFor(() => expect(host.callsTo('callback.schedule')).toHaveLength(1));
    expect(host.callsTo('callback.schedule')[0]).toMatchObject({ textAhead: false });
  });

  it("shows the core's refusal as an alert", async () => {
    const user = userEvent.setup();
    host.handle('callback.schedule', () => ({
      ok: false,
      error: { code: 'callback.slot_outside_hours', message: 'Sat 2026-03-07 is outside the callback days' },
    }));
    render(<SchedulePanel detail={callbackDetail('cb-1')} />);
    await user.type(screen.getByLabelText('Date'), '2026-03-07');
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Sat 2026-03-07 is outside the callback days',
    );
  });

  it('refuses a slot that ends before it starts, without calling the core', async () => {
    const user = userEvent.setup();
    render(<SchedulePanel detail={callbackDetail('cb-1')} />);
    await user.type(screen.getByLabelText('Date'), '2026-03-05');
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '06:00');
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect(screen.getByRole('alert').textContent).toMatch(/start time before the end time/);
    expect(host.callsTo('callback.schedule')).toEqual([]);
  });
});

describe('SchedulePanel dates (issue 13 item 6)', () => {
  it('on a Spanish screen takes the date day first and reads it back in words before saving', async () => {
    useUiStore.setState({ language: 'es' });
    const user = userEvent.setup();
    render(<SchedulePanel detail={callbackDetail('cb-1')} />);
    const date = screen.getByLabelText('Fecha');
    expect(date.getAttribute('placeholder')).toBe('DD/MM/AAAA');
    await user.type(date, '05/03/2026');
    expect(screen.getByTestId('slot-date-words').textContent).toBe('Se lee: jueves, 5 de marzo de 2026');
    await user.click(screen.getByRole('button', { name: 'Guardar horario' }));
    await waitFor(() => expect(host.callsTo('callback.schedule')).toHaveLength(1));
    // 5 March (not 3 May) at the day's first callback hour, 07:00 EST = 12:00 UTC.
    expect(host.callsTo('callback.schedule')[0]).toMatchObject({
      slot: { start: Date.UTC(2026, 2, 5, 12, 0) },
    });
  });

  it('on an English screen takes 03/05/2026 as March 5 and says what is wrong with a date that is not one', async () => {
    const user = userEvent.setup();
    render(<SchedulePanel detail={callbackDetail('cb-1')} />);
    await user.type(screen.getByLabelText('Date'), '03/05/2026');
    expect(screen.getByTestId('slot-date-words').textContent).toBe('Reads: Thursday, March 5, 2026');
    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '13/05/2026');
    expect(screen.getByTestId('slot-date-words').textContent).toBe('Type the date as MM/DD/YYYY.');
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect(screen.getByRole('alert').textContent).toMatch(/13/);
    expect(host.callsTo('callback.schedule')).toEqual([]);
  });
});

describe('PlanPanel', () => {
  it('shows the second-attempt window and why it moved', () => {
    const detail = callbackDetail('cb-1', {
      plan: {
        kind: 'next',
        attemptNumber: 2,
        allowedAttempts: 2,
        basis: 'retry',
        window: { earliest: NOW + 15 * 3_600_000, latest: NOW + 15.5 * 3_600_000 },
        adjustment: {
          code: 'moved',
          reason: { code: 'after-hours', message: 'after callback hours' },
          message: 'The window fell after callback hours; it moved to the next opening.',
        },
        timing: 'too-early',
      },
    });
    render(<PlanPanel detail={detail} />);
    const plan = screen.getByTestId('attempt-plan');
    expect(plan.textContent).toMatch(/Attempt 2 of 2/);
    expect(plan.textContent).toMatch(/Too early to call/);
    expect(plan.textContent).toMatch(/Second-attempt window/);
    expect(plan.textContent).toMatch(/Moved: The window fell after callback hours/);
    expect(plan.textContent).toMatch(/Call between Wed, Mar 4, 1:00 AM EST and Wed, Mar 4, 1:30 AM EST/);
  });

  it('shows a callback closed as unable to reach', () => {
    const detail = callbackDetail('cb-1', {
      plan: { kind: 'unable-to-reach', attemptsMade: 2, canGrantExtra: true },
    });
    render(<PlanPanel detail={detail} />);
    expect(screen.getByText('Closed as unable to reach after 2 attempts.')).toBeTruthy();
    expect(screen.getByText('A team lead may grant one more attempt.')).toBeTruthy();
    // Carmen is not a lead: the core says no, so no button.
    expect(screen.queryByRole('button', { name: /Grant/ })).toBeNull();
  });
});

describe('PhoneNumbers', () => {
  it("says why each number may be called in the screen language, with the zone's human name", () => {
    useUiStore.setState({ language: 'es' });
    render(<PhoneNumbers detail={callbackDetail('cb-1')} />);
    const text = document.body.textContent ?? '';
    expect(screen.getByTestId('phone-advice').textContent).toMatch(
      /^Llame al Celular \(312\) 555-0142: Dentro de la mejor hora del cliente, 09:00–11:00 \(hora allí: .+, hora central\)\.$/,
    );
    expect(text).toContain('hora del Pacífico');
    // Neither the rule's English sentences nor raw zone ids.
    expect(text).not.toMatch(/America\/|Inside|calling hours|best time|\b(AM|PM)\b/);
  });

  it('in English, the same verdicts in English words', () => {
    render(<PhoneNumbers detail={callbackDetail('cb-1')} />);
    expect(screen.getByTestId('phone-advice').textContent).toMatch(
      /^Call Mobile \(312\) 555-0142: Inside the customer's best time 09:00–11:00 \(it is .+ there, Central Time\)\.$/,
    );
    expect(document.body.textContent).not.toMatch(/America\//);
  });
});
