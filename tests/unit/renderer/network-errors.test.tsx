// @vitest-environment jsdom
/**
 * The agency's network problems as the agent reads them: the desktop core's
 * proxy and certificate errors (codes and params from src/desktop/core/network)
 * on the sign-in screen and in the status bar, through the en/es catalogs.
 */
import { cleanup, render, screen } from '@testing-library/react';
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

const PROXY_REFUSED: DomainError = {
  code: 'network.proxy_auth_rejected',
  message:
    'The proxy at proxy.agency.gov:8080 refused the user name and password Agent Desk sent (HTTP 407). Ask IT to check the proxy credentials set up for Agent Desk.',
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
