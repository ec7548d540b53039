// @vitest-environment jsdom
/**
 * The agency's network problems as the agent reads them: the desktop core's
 * proxy and certificate errors (codes and params from src/desktop/core/network)
 * on the sign-in screen and in the status bar, through the en/es catalogs.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { StatusBar } from '../../../src/renderer/src/features/shell/StatusBar';
import { SignIn } from '../../../src/renderer/src/features/sign-in/SignIn';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import type { DomainError } from '../../../src/shared/domain/result';
import type { ConnectionState } from '../../../src/shared/ipc/views';
import { FakeHost } from './fake-host';
import { SIGNED_IN } from './fixtures';

const PROXY_REFUSED: DomainError = {
  code: 'network.proxy_auth_rejected',
  message:
    'The proxy at proxy.agency.gov:8080 refused the user name and password Agent Desk sent (HTTP 407). Enter your proxy user name and password again.',
  params: { proxy: 'proxy.agency.gov:8080' },
};

const EXPIRED_CERTIFICATE: DomainError = {
  code: 'network.certificate_untrusted',
  message:
    'The certificate of sync.agency.gov is not trusted: it has expired (CERT_HAS_EXPIRED; issued to "CN=sync.agency.gov" by "CN=Agency Inspection Root"). If your organization inspects TLS traffic, IT must install its root certificate on this computer or set the extraCaBundle setting.',
  params: {
    host: 'sync.agency.gov',
    problem: 'CERT_HAS_EXPIRED',
    subject: 'CN=sync.agency.gov',
    issuer: 'CN=Agency Inspection Root',
  },
};

function offline(error: DomainError): ConnectionState {
  return {
    state: 'offline',
    pending: 2,
    rejected: 0,
    lastSyncedAt: null,
    firstSync: null,
    error,
    retryAt: null,
  };
}

let host: FakeHost;
beforeEach(() => {
  host = new FakeHost();
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
  useUiStore.setState({ language: 'en' });
  useSessionStore.setState({ connection: null });
});

async function signInRefusedWith(error: DomainError): Promise<string> {
  host.handle('session.signIn', () => ({ ok: false, error }));
  const user = userEvent.setup();
  render(<SignIn expired={false} />);
  const spanish = useUiStore.getState().language === 'es';
  await user.type(screen.getByLabelText(spanish ? 'Nombre de usuario' : 'User name'), 'tier1.alice');
  await user.type(screen.getByLabelText(spanish ? 'Contraseña' : 'Password'), 'demo-password-1');
  await user.click(screen.getByRole('button', { name: spanish ? 'Iniciar sesión' : 'Sign in' }));
  return (await screen.findByRole('alert')).textContent ?? '';
}

describe('proxy and certificate problems on the sign-in screen', () => {
  it('names the proxy that refused the credentials, in English', async () => {
    const alert = await signInRefusedWith(PROXY_REFUSED);
    expect(alert).toContain(PROXY_REFUSED.message);
  });

  it('names it in Spanish', async () => {
    useUiStore.setState({ language: 'es' });
    const alert = await signInRefusedWith(PROXY_REFUSED);
    expect(alert).toContain(
      'El proxy proxy.agency.gov:8080 rechazó el usuario y la contraseña que envió Agent Desk (HTTP 407).',
    );
  });

  it('says which certificate is not trusted and why, in Spanish', async () => {
    useUiStore.setState({ language: 'es' });
    const alert = await signInRefusedWith(EXPIRED_CERTIFICATE);
    expect(alert).toContain(
      'El certificado de sync.agency.gov no es de confianza: ha caducado (CERT_HAS_EXPIRED;',
    );
    expect(alert).toContain('emitido a «CN=sync.agency.gov» por «CN=Agency Inspection Root»');
  });
});

describe('proxy and certificate problems in the status bar', () => {
  it('shows why the desktop is offline, in the agent’s language', () => {
    useSessionStore.setState({ connection: offline(EXPIRED_CERTIFICATE) });
    const { rerender } = render(<StatusBar />);
    expect(screen.getByTestId('connection-error').textContent).toContain(
      'The certificate of sync.agency.gov is not trusted: it has expired (CERT_HAS_EXPIRED; issued to "CN=sync.agency.gov" by "CN=Agency Inspection Root").',
    );
    useUiStore.setState({ language: 'es' });
    useSessionStore.setState({ connection: offline(PROXY_REFUSED) });
    rerender(<StatusBar />);
    expect(screen.getByTestId('connection-error').textContent).toContain(
      'El proxy proxy.agency.gov:8080 rechazó',
    );
  });

  it('shows no reason while online', () => {
    useSessionStore.setState({ connection: { ...offline(PROXY_REFUSED), state: 'online' } });
    render(<StatusBar />);
    expect(screen.queryByTestId('connection-error')).toBeNull();
  });
});

describe('asking the agent for proxy credentials', () => {
  const PROXY_WANTS: DomainError = {
    code: 'network.proxy_auth_required',
    message: 'The proxy at proxy.agency.gov:8080 asks for a user name and password (HTTP 407). …',
    params: { proxy: 'proxy.agency.gov:8080', target: 'sync.agency.gov:8443' },
  };

  it('adds the proxy fields to the sign-in form after a 407, and sends them before signing in', async () => {
    let signIns = 0;
    host.handle('session.signIn', () => {
      signIns += 1;
      return signIns === 1 ? { ok: false, error: PROXY_WANTS } : { ok: true, value: SIGNED_IN };
    });
    host.handle('network.proxyCredentials', () => ({ ok: true, value: null }));
    const user = userEvent.setup();
    render(<SignIn expired={false} />);
    expect(screen.queryByLabelText('Proxy user name')).toBeNull();
    await user.type(screen.getByLabelText('User name'), 'tier1.alice');
    await user.type(screen.getByLabelText('Password'), 'demo-password-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Proxy user name'), 'svc-agentdesk');
    await user.type(screen.getByLabelText('Proxy password'), 'proxy secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(signIns).toBe(2));
    // What the screen asks besides (the single sign-on offer) is not part of this order.
    expect(host.calls.map((c) => c.channel).filter((c) => c !== 'session.ssoInfo')).toEqual([
      'session.signIn',
      'network.proxyCredentials',
      'session.signIn',
    ]);
    expect(host.callsTo('network.proxyCredentials')).toEqual([
      { username: 'svc-agentdesk', password: 'proxy secret' },
    ]);
  });

  it('offers a proxy sign-in in the status bar, in Spanish, while the proxy refuses the sync connection', async () => {
    useUiStore.setState({ language: 'es' });
    host.handle('network.proxyCredentials', () => ({ ok: true, value: null }));
    useSessionStore.setState({ connection: offline(PROXY_REFUSED) });
    const user = userEvent.setup();
    render(<StatusBar />);
    await user.type(screen.getByLabelText('Usuario del proxy'), 'svc-agentdesk');
    await user.type(screen.getByLabelText('Contraseña del proxy'), 'new secret');
    await user.click(screen.getByRole('button', { name: 'Iniciar sesión en el proxy' }));
    await waitFor(() =>
      expect(host.callsTo('network.proxyCredentials')).toEqual([
        { username: 'svc-agentdesk', password: 'new secret' },
      ]),
    );
  });

  it('offers no proxy sign-in for a certificate problem', () => {
    useSessionStore.setState({ connection: offline(EXPIRED_CERTIFICATE) });
    render(<StatusBar />);
    expect(screen.queryByLabelText('Proxy user name')).toBeNull();
  });
});
