import { useEffect, useState } from 'react';
import type { SessionState } from '../../../../shared/ipc/views';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { FormAlert } from './gate-parts';

export interface SsoOffer {
  enabled: boolean;
  displayName: string;
  required: boolean;
}

/** What the server offers for single sign-on (null until it answered; disabled when it cannot be asked). */
export function useSsoOffer(): SsoOffer | null {
  const [offer, setOffer] = useState<SsoOffer | null>(null);
  useEffect(() => {
    let cancelled = false;
    void invoke('session.ssoInfo', {}).then((r) => {
      if (!cancelled) setOffer(r.ok ? r.value : { enabled: false, displayName: '', required: false });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return offer;
}

/**
 * "Sign in with <provider>" (or "Unlock with …" at the lock screen): the identity
 * provider's page opens in the system browser — the smart card and PIN are its business
 * — and this screen waits until the browser comes back, with a way to cancel. In the
 * browser host the page opens in a new tab of the agent's browser.
 */
export function SsoSignIn({
  provider,
  mode,
  onSession,
}: {
  provider: string;
  mode: 'sign-in' | 'unlock';
  onSession(session: SessionState): void;
}) {
  const t = useT();
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    const started = await invoke('session.ssoStart', {});
    if (!started.ok) return setError(errorText(started.error, t));
    if (!started.value.opened) window.open(started.value.url, '_blank', 'noopener');
    setWaiting(true);
    const finished = await invoke('session.ssoFinish', {});
    setWaiting(false);
    if (finished.ok) return onSession(finished.value);
    if (finished.error.code !== 'sso.cancelled') setError(errorText(finished.error, t));
  };

  return (
    <div className="sso-sign-in">
      {waiting ? (
        <>
          <p role="status" className="notice">
            {t.signIn.sso.waiting(provider)}
          </p>
          <div className="actions">
            <button type="button" onClick={() => void invoke('session.ssoCancel', {})}>
              {t.signIn.sso.cancel}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void start()}>
            {mode === 'unlock' ? t.signIn.sso.unlock(provider) : t.signIn.sso.signIn(provider)}
          </button>
        </div>
      )}
      <FormAlert error={error} />
    </div>
  );
}
