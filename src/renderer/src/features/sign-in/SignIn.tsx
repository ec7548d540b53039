import { useState, type FormEvent } from 'react';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import './SignIn.css';
import { errorText } from '../../i18n/error-text';

export function SignIn({ expired }: { expired: boolean }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await invoke('session.signIn', { username, password });
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.error, t));
      return;
    }
    setPassword('');
    useSessionStore.getState().setSession(result.value);
  };

  return (
    <main id="main" className="gate">
      <div className="gate-card panel">
        <div className="gate-top">
          <LanguageSwitch />
        </div>
        <h1>{t.signIn.title}</h1>
        {expired ? <p className="notice">{t.signIn.expired}</p> : null}
        <form onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="signin-user">{t.signIn.username}</label>
            <input
              id="signin-user"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              autoFocus
            />
          </div>
          <div className="field">
            <label htmlFor="signin-password">{t.signIn.password}</label>
            <input
              id="signin-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </div>
          <div role="alert" className={error ? 'error-box' : undefined}>
            {error}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t.signIn.working : t.signIn.submit}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
