// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { LockScreen } from '../../../src/renderer/src/features/lock/LockScreen';
import { SignIn } from '../../../src/renderer/src/features/sign-in/SignIn';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { FakeHost, ok } from './fake-host';
import { SIGNED_IN, SIGNED_OUT } from './fixtures';

const AUTH_URL = 'http://127.0.0.1:5555/auth?client_id=agent-desk';

let host: FakeHost;
let finish: (value: Awaited<ReturnType<FakeHost['invoke']>>) => void;
beforeEach(() => {
  useUiStore.setState({ language: 'en' });
  useSessionStore.setState({ session: SIGNED_OUT });
  host = new FakeHost()
    .handle('session.ssoInfo', () => ok({ enabled: true, displayName: 'Agency ID', required: false }))
    .handle('session.ssoStart', () => ok({ url: AUTH_URL, opened: false }))
    .handle('session.ssoFinish', () => new Promise((resolve) => (finish = resolve as typeof finish)) as never)
    .handle('session.ssoCancel', () => {
      finish({ ok: false, error: { code: 'sso.cancelled', message: 'The sign-in was cancelled.' } });
      return ok(null);
    });
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
  vi.restoreAllMocks();
});

describe('single sign-on on the sign-in and lock screens', () => {
  it('"Sign in with Agency ID" opens the provider in the browser, waits, and signs in', async () => {
    const user = userEvent.setup();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    render(<SignIn expired={false} />);
    await user.click(await screen.findByRole('button', { name: 'Sign in with Agency ID' }));
    // The browser host cannot open a system browser: the screen opens the provider's page itself.
    await waitFor(() => expect(open).toHaveBeenCalledWith(AUTH_URL, '_blank', 'noopener'));
    expect(screen.getByRole('status').textContent).toMatch(
      /^Finish signing in with Agency ID in your browser/,
    );
    finish({ ok: true, value: { ...SIGNED_IN, ssoName: 'Agency ID' } });
    await waitFor(() => expect(useSessionStore.getState().session?.status).toBe('signed-in'));
    // Passwords stay available when SSO is not required.
    expect(screen.getByLabelText('User name')).toBeTruthy();
  });

  it('cancel ends the wait without an error; a refusal is said in the screen language', async () => {
    const user = userEvent.setup();
    vi.spyOn(window, 'open').mockReturnValue(null);
    useUiStore.setState({ language: 'es' });
    render(<SignIn expired={false} />);
    await user.click(await screen.findByRole('button', { name: 'Iniciar sesión con Agency ID' }));
    await user.click(await screen.findByRole('button', { name: 'Cancelar' }));
    await screen.findByRole('button', { name: 'Iniciar sesión con Agency ID' });
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['', '']);
    await user.click(screen.getByRole('button', { name: 'Iniciar sesión con Agency ID' }));
    finish({
      ok: false,
      error: { code: 'sso.unmapped', message: 'None of this user…', params: { claim: 'groups' } },
    });
    expect(
      (await screen.findByText(/^Su cuenta en el proveedor de identidad no tiene un rol/)).textContent,
    ).toContain('«groups»');
  });

  it('with SSO required, the password form is only the break-glass disclosure', async () => {
    host.handle('session.ssoInfo', () => ok({ enabled: true, displayName: 'Agency ID', required: true }));
    render(<SignIn expired={false} />);
    await screen.findByRole('button', { name: 'Sign in with Agency ID' });
    const disclosure = screen.getByText('Break-glass administrator sign-in (IT only)');
    expect(disclosure.tagName).toBe('SUMMARY');
    expect(disclosure.closest('details')?.open).toBe(false);
    expect(disclosure.closest('details')?.querySelector('#signin-user')).toBeTruthy();
  });

  it('without SSO on the server the sign-in screen is the password form alone', async () => {
    host.handle('session.ssoInfo', () => ok({ enabled: false, displayName: '', required: false }));
    render(<SignIn expired={false} />);
    await waitFor(() => expect(host.callsTo('session.ssoInfo')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: /Sign in with/ })).toBeNull();
    expect(screen.getByLabelText('User name')).toBeTruthy();
  });

  it('the lock screen of an SSO session unlocks through the provider, with no password field', async () => {
    const user = userEvent.setup();
    vi.spyOn(window, 'open').mockReturnValue(null);
    useSessionStore.setState({ session: { ...SIGNED_IN, status: 'locked', ssoName: 'Agency ID' } });
    render(<LockScreen />);
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByText(/unlock through Agency ID to continue/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Unlock with Agency ID' }));
    await waitFor(() => expect(host.callsTo('session.ssoStart')).toHaveLength(1));
    finish({ ok: true, value: { ...SIGNED_IN, ssoName: 'Agency ID' } });
    await waitFor(() => expect(useSessionStore.getState().session?.status).toBe('signed-in'));
  });
});
