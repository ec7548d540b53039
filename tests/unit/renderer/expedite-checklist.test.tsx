// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExpediteChecklist } from '../../../src/renderer/src/features/expedite/ExpediteChecklist';
import { expediteToIpc } from '../../../src/renderer/src/features/expedite/to-ipc';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';

afterEach(cleanup);
beforeEach(() => useUiStore.setState({ language: 'en' }));

const submitButton = () => screen.getByRole('button', { name: 'Record expedite request' });

describe('ExpediteChecklist', () => {
  it('says the contact center does not decide, and offers no approve or deny', () => {
    render(<ExpediteChecklist callerLanguage="en" onSubmit={() => undefined} />);
    expect(screen.getByTestId('not-decided-notice').textContent).toMatch(/does not decide/);
    expect(screen.queryByRole('button', { name: /approve|deny|grant|reject/i })).toBeNull();
    expect(screen.queryByRole('radio', { name: /approve|deny/i })).toBeNull();
  });

  it('keeps Record disabled until the shared completeness check finds nothing missing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ExpediteChecklist callerLanguage="es" onSubmit={onSubmit} />);
    expect(submitButton()).toHaveProperty('disabled', true);
    const missing = () => screen.getByTestId('expedite-missing').textContent ?? '';
    expect(missing()).toMatch(/choose at least one criterion/);

    await user.click(screen.getByLabelText('Severe financial loss'));
    expect(missing()).toMatch(/documentation for 'Severe financial loss' is not recorded/);
    await user.type(screen.getByLabelText(/explanation/i), 'Will lose job offer without EAD');

    const docs = screen.getByRole('group', { name: /Documentation for: Severe financial loss/ });
    const proof = within(docs).getByRole('group', { name: /proof of the loss/ });
    await user.click(within(proof).getByLabelText('Will send'));
    expect(submitButton()).toHaveProperty('disabled', true);
    const own = within(docs).getByRole('group', { name: /not from the customer's own delay/ });
    await user.click(within(own).getByLabelText('Not available'));
    // Still no routing: no receipt number to suggest one, so the agent must choose.
    expect(missing()).toMatch(/choose a routing/);
    expect(submitButton()).toHaveProperty('disabled', true);

    // An IOE receipt can't tell the component: the agent chooses.
    await user.type(screen.getByLabelText('Receipt number'), 'IOE0912345678');
    expect(screen.getByText(/You must choose/)).toBeTruthy();
    await user.click(screen.getByLabelText('Field Operations'));
    expect(missing()).toBe('');
    expect(submitButton()).toHaveProperty('disabled', false);

    // Read-back in the caller's language, with the "not decided here" sentence.
    const readBack = screen.getByTestId('expedite-read-back');
    expect(readBack.getAttribute('lang')).toBe('es');
    expect(readBack.textContent).toMatch(/El centro de contacto no decide/);

    await user.click(submitButton());
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const request = onSubmit.mock.calls[0]?.[0];
    expect(request).toMatchObject({
      criteria: ['severe-financial-loss'],
      routing: 'field-operations',
      status: 'recorded',
    });
    expect(onSubmit.mock.calls[0]?.[1]).toBe('agent');
    expect(expediteToIpc(request, 'agent')).toEqual({
      criteria: ['severe-financial-loss'],
      explanation: 'Will lose job offer without EAD',
      documentation: {
        'severe-financial-loss': { 'proof-of-loss': 'will-send', 'not-own-failure': 'not-available' },
      },
      routing: 'field-operations',
    });
    expect(expediteToIpc(request, 'receipt-default')).not.toHaveProperty('routing');
  });

  it('suggests the routing from a service-center receipt and refuses documentation that is all unavailable', async () => {
    const user = userEvent.setup();
    render(
      <ExpediteChecklist callerLanguage="en" initialReceipt="EAC2212345678" onSubmit={() => undefined} />,
    );
    expect(screen.getByLabelText('Service Center Operations')).toHaveProperty('checked', true);
    await user.click(screen.getByLabelText('Clear USCIS error'));
    await user.type(screen.getByLabelText(/explanation/i), 'Card has the wrong birth date');
    for (const group of screen.getAllByRole('group', { name: /the notice or document|evidence showing/ })) {
      await user.click(within(group).getByLabelText('Not available'));
    }
    expect(screen.getByTestId('expedite-missing').textContent).toMatch(/documentation is required/);
    expect(submitButton()).toHaveProperty('disabled', true);
  });
});
