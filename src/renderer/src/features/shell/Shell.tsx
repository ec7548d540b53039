import { useEffect, useState } from 'react';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { useClockTicker } from '../../state/clock-store';
import { useSessionStore } from '../../state/session-store';
import { useUiStore, type Route } from '../../state/ui-store';
import { useIdleLock } from '../lock/use-idle-lock';
import { isTyping } from '../worklist/Worklist';
import { CustomerSearchDialog } from '../customer/CustomerSearchDialog';
import { HelpOverlay } from './HelpOverlay';
import { LanguageSwitch } from './LanguageSwitch';
import { PresenceSwitch } from './PresenceSwitch';
import { Rejections } from './Rejections';
import { Screens } from './Screens';
import { StatusBar } from './StatusBar';
import { useRejections } from './use-host-bootstrap';
import './Shell.css';
import { errorText } from '../../i18n/error-text';

const CLOCK_TICK_MS = 1000;
const NAV: ReadonlyArray<{
  route: Route;
  key: string;
  label: 'worklist' | 'inquiry' | 'expedite' | 'appointment' | 'supervisor';
  /** Shown to (and reachable by) team leads only; the server enforces it anyway. */
  leadOnly?: boolean;
}> = [
  { route: { name: 'worklist' }, key: 'w', label: 'worklist' },
  { route: { name: 'inquiry' }, key: 'n', label: 'inquiry' },
  { route: { name: 'expedite' }, key: 'e', label: 'expedite' },
  { route: { name: 'appointment' }, key: 'a', label: 'appointment' },
  { route: { name: 'supervisor' }, key: 's', label: 'supervisor', leadOnly: true },
];
const navFor = (role: string | undefined) => NAV.filter((n) => !n.leadOnly || role === 'lead');

/** The signed-in frame: banner with navigation, connection status, refused changes, the screen. */
// Over ~80 lines: left whole while the screens' lazy loading (issue 12, item 3) is reworked on another branch; split it after that lands.
export function Shell() {
  const t = useT();
  const session = useSessionStore((s) => s.session);
  const route = useUiStore((s) => s.route);
  useClockTicker(CLOCK_TICK_MS);
  useIdleLock(session?.idleLockMinutes ?? 1, session?.status === 'signed-in');
  useRejections(session?.status === 'signed-in');
  useShellShortcuts();
  const [shellError, setShellError] = useState<string | null>(null);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.app.skipToMain}
      </a>
      <Banner onError={setShellError} />
      <StatusBar />
      {shellError ? (
        <p role="alert" className="error-box shell-error">
          {shellError}{' '}
          <button type="button" onClick={() => setShellError(null)}>
            {t.app.dismiss}
          </button>
        </p>
      ) : null}
      <Rejections />
      <main id="main" tabIndex={-1} className="screen">
        <Screens route={route} />
      </main>
      <HelpOverlay />
      <CustomerSearchDialog />
    </div>
  );
}

async function lock(): Promise<void> {
  const result = await invoke('session.lock', {});
  if (result.ok) useSessionStore.getState().setSession(result.value);
}

/** The banner: navigation (by role), who is signed in, presence, language, help, lock, sign-out. */
function Banner({ onError }: { onError(message: string): void }) {
  const t = useT();
  const session = useSessionStore((s) => s.session);
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const signOut = async () => {
    const result = await invoke('session.signOut', {});
    // E.g. changes not synced yet: the core says so, and the agent stays signed in.
    if (result.ok) useSessionStore.getState().setSession(result.value);
    else onError(errorText(result.error, t));
  };
  const user = session?.user;
  return (
    <header className="banner">
      <p className="brand">{t.app.name}</p>
      <nav aria-label={t.app.mainNav}>
        <ul className="nav-list">
          {navFor(user?.role).map((item) => {
            const current =
              route.name === item.route.name || (item.label === 'worklist' && route.name === 'callback');
            return (
              <li key={item.label}>
                <button
                  type="button"
                  className={current ? 'nav-item nav-item--current' : 'nav-item'}
                  aria-current={current ? 'page' : undefined}
                  onClick={() => navigate(item.route)}
                >
                  {t.nav[item.label]} <kbd aria-hidden="true">{item.key}</kbd>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="banner-tools">
        {user ? <span className="user">{t.app.signedInAs(user.name, t.roles[user.role])}</span> : null}
        {user?.role === 'admin' ? null : (
          <button type="button" onClick={() => useUiStore.getState().setSearchOpen(true)}>
            {t.record.search.open} <kbd aria-hidden="true">Ctrl K</kbd>
          </button>
        )}
        {user?.role === 'admin' ? null : <PresenceSwitch />}
        <LanguageSwitch />
        <button type="button" onClick={() => useUiStore.getState().setHelpOpen(true)}>
          {t.app.help} <kbd aria-hidden="true">?</kbd>
        </button>
        <button type="button" onClick={() => void lock()}>
          {t.app.lock}
        </button>
        <button type="button" onClick={() => void signOut()}>
          {t.app.signOut}
        </button>
      </div>
    </header>
  );
}

/** Escape back to the worklist, ? for help, l to lock, and the navigation keys (not while typing). */
function useShellShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const ui = useUiStore.getState();
      // Ctrl+K (⌘K) finds a customer from anywhere, even while typing in a form.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (useSessionStore.getState().session?.user?.role !== 'admin') ui.setSearchOpen(true);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (ui.searchOpen) return;
      if (event.key === 'Escape' && !ui.helpOpen && ui.route.name !== 'worklist' && !isTyping(event.target)) {
        ui.navigate({ name: 'worklist' });
        return;
      }
      if (isTyping(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        ui.setHelpOpen(!ui.helpOpen);
        return;
      }
      if (ui.helpOpen) return;
      if (event.key === 'l') {
        event.preventDefault();
        void lock();
        return;
      }
      const target = navFor(useSessionStore.getState().session?.user?.role).find((n) => n.key === event.key);
      if (target) {
        event.preventDefault();
        ui.navigate(target.route);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
