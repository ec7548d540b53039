import { useEffect } from 'react';
import { LockScreen } from './features/lock/LockScreen';
import { Shell } from './features/shell/Shell';
import { SignIn } from './features/sign-in/SignIn';
import { useHostBootstrap } from './features/shell/use-host-bootstrap';
import { useT } from './i18n';
import { useSessionStore } from './state/session-store';
import { useUiStore } from './state/ui-store';

/** Signed out → sign-in; locked → lock screen (nothing else rendered behind it); else the shell. */
export function App() {
  const t = useT();
  useHostBootstrap();
  const session = useSessionStore((s) => s.session);
  const language = useUiStore((s) => s.language);
  // Screen readers pick their voice from the page language.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  if (!session) {
    return (
      <main id="main" className="gate">
        <p role="status">{t.app.loading}</p>
      </main>
    );
  }
  if (session.status === 'signed-out') return <SignIn expired={session.expired} />;
  if (session.status === 'locked') return <LockScreen />;
  return <Shell />;
}
