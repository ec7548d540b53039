import { useState, type FormEvent } from 'react';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { FormAlert, GatePage, PasswordField } from '../sign-in/gate-parts';
import { errorText } from '../../i18n/error-text';
import { SsoSignIn } from '../sign-in/SsoSignIn';

export function LockScreen() {
  const t = useT();
  const session = useSessionStore((s) => s.session);
  const pending = useSessionStore((s) => s.connection?.pending ?? 0);
  const [password, setPassword] = useState('');
  const [username, setUsername] = useState('');
  // A session stored before the desktop kept user names: asked once, with the password.
  const needsUsername = session?.needsUsername === true;
  const [error, setError] = useState<string | null>(null);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    const result = await invoke('session.unlock', needsUsername ? { password, username } : { password });
    setPassword('');
    if (!result.ok) {
      setError(errorText(result.error, t));
      return;
    }
    useSessionStore.getState().setSession(result.value);
  };

  const signOut = async () => {
    const result = await invoke('session.signOut', {});
    if (result.ok) useSessionStore.getState().setSession(result.value);
    else setError(errorText(result.error, t));
  };

  const ssoName = session?.ssoName ?? null;
  return (
    <GatePage>
      <h1>{t.lock.title}</h1>
      <p>
        {ssoName
          ? t.signIn.sso.lockExplain(session?.user?.name ?? '', ssoName, session?.idleLockMinutes ?? 0)
          : t.lock.explain(session?.user?.name ?? '', session?.idleLockMinutes ?? 0)}
      </p>
      {session?.expired ? (
        <p className="notice" data-testid="session-ended">
          {t.lock.sessionEnded(pending)}
        </p>
      ) : null}
      {ssoName ? (
        // Signed in through the identity provider: no password is kept here, it unlocks through the provider.
        <>
          <SsoSignIn
            provider={ssoName}
            mode="unlock"
            onSession={(s) => useSessionStore.getState().setSession(s)}
          />
          <div className="actions">
            <button type="button" onClick={() => void signOut()}>
              {t.lock.signOutInstead}
            </button>
          </div>
          <FormAlert error={error} />
        </>
      ) : (
        <form onSubmit={(e) => void unlock(e)}>
          {needsUsername ? (
            <div className="field">
              <label htmlFor="unlock-user">{t.signIn.username}</label>
              <input
                id="unlock-user"
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
                autoFocus
              />
            </div>
          ) : null}
          <PasswordField
            id="unlock-password"
            label={t.lock.password}
            value={password}
            onChange={setPassword}
            autoFocus={!needsUsername}
          />
          <FormAlert error={error} />
          <div className="actions">
            <button type="submit" className="primary">
              {t.lock.unlock}
            </button>
            <button type="button" onClick={() => void signOut()}>
              {t.lock.signOutInstead}
            </button>
          </div>
        </form>
      )}
    </GatePage>
  );
}
