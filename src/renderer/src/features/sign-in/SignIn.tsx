import { useState, type FormEvent } from 'react';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { FormAlert, GatePage, PasswordField } from './gate-parts';
import { errorText } from '../../i18n/error-text';
import { PROXY_CREDENTIAL_ERRORS } from '../../../../shared/ipc/network-errors';
import { ProxyFields, type ProxyCredentialsDraft } from './ProxyFields';
import { SsoSignIn, useSsoOffer } from './SsoSignIn';

export function SignIn({ expired }: { expired: boolean }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After a one-time password: the server asks for a new one before it opens a session.
  const [changing, setChanging] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  /** The proxy asked for credentials: the form asks for them too, until sign-in succeeds. */
  const [proxyAsked, setProxyAsked] = useState(false);
  const [proxy, setProxy] = useState<ProxyCredentialsDraft>({ username: '', password: '' });
  const sso = useSsoOffer();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (changing && newPassword !== repeat) {
      setError(t.signIn.change.mismatch);
      return;
    }
    setBusy(true);
    const proxied = proxyAsked ? await invoke('network.proxyCredentials', proxy) : undefined;
    const result =
      proxied && !proxied.ok
        ? proxied
        : changing
          ? await invoke('session.changePassword', { username, password, newPassword })
          : await invoke('session.signIn', { username, password });
    setBusy(false);
    if (!result.ok) {
      if (PROXY_CREDENTIAL_ERRORS.has(result.error.code)) setProxyAsked(true);
      // Not a mistake: the notice above the new-password fields says what to do.
      const mustChange = result.error.code === 'auth.password_change_required';
      if (mustChange) setChanging(true);
      setError(mustChange ? null : errorText(result.error, t));
      return;
    }
    setProxy({ username: '', password: '' });
    setPassword('');
    setNewPassword('');
    setRepeat('');
    useSessionStore.getState().setSession(result.value);
  };

  const passwordForm = (
    <form onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor="signin-user">{t.signIn.username}</label>
        <input
          id="signin-user"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
          autoFocus={!sso?.enabled}
        />
      </div>
      <PasswordField id="signin-password" label={t.signIn.password} value={password} onChange={setPassword} />
      {changing ? (
        <>
          <p className="notice">{t.signIn.change.intro}</p>
          <PasswordField
            id="signin-new-password"
            label={t.signIn.change.newPassword}
            value={newPassword}
            onChange={setNewPassword}
            autoFocus
            autoComplete="new-password"
          />
          <PasswordField
            id="signin-repeat-password"
            label={t.signIn.change.repeat}
            value={repeat}
            onChange={setRepeat}
            autoComplete="new-password"
          />
        </>
      ) : null}
      {proxyAsked ? <ProxyFields idPrefix="signin-proxy" value={proxy} onChange={setProxy} /> : null}
      <FormAlert error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.signIn.working : changing ? t.signIn.change.submit : t.signIn.submit}
        </button>
      </div>
    </form>
  );

  return (
    <GatePage>
      <div className="gate-top">
        <LanguageSwitch />
      </div>
      <h1>{t.signIn.title}</h1>
      {expired ? <p className="notice">{t.signIn.expired}</p> : null}
      {sso?.enabled ? (
        <>
          <SsoSignIn
            provider={sso.displayName}
            mode="sign-in"
            onSession={(session) => useSessionStore.getState().setSession(session)}
          />
          {sso.required ? (
            // Passwords are off but for IT's break-glass administrators: out of the agents' way.
            <details className="break-glass">
              <summary>{t.signIn.sso.breakGlass}</summary>
              {passwordForm}
            </details>
          ) : (
            <>
              <h2 className="gate-or">{t.signIn.sso.orPassword}</h2>
              {passwordForm}
            </>
          )}
        </>
      ) : (
        passwordForm
      )}
    </GatePage>
  );
}
