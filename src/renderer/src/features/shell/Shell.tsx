import { useEffect, useState } from 'react';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { useClockTicker } from '../../state/clock-store';
import { useSessionStore } from '../../state/session-store';
import { useUiStore, type Route } from '../../state/ui-store';
import { AppointmentScreen } from '../appointment/AppointmentScreen';
import { CallbackDetailScreen } from '../callback/CallbackDetailScreen';
import { ExpediteScreen } from '../expedite/ExpediteScreen';
import { InquiryScreen } from '../inquiry/InquiryScreen';
import { useIdleLock } from '../lock/use-idle-lock';
import { isTyping, Worklist } from '../worklist/Worklist';
import { HelpOverlay } from './HelpOverlay';
import { LanguageSwitch } from './LanguageSwitch';
import { PresenceSwitch } from './PresenceSwitch';
import { Rejections } from './Rejections';
import { StatusBar } from './StatusBar';
import { SupervisorScreen } from '../supervisor/SupervisorScreen';
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
  const navigate = useUiStore((s) => s.navigate);
  useClockTicker(CLOCK_TICK_MS);
  useIdleLock(session?.idleLockMinutes ?? 1, session?.status === 'signed-in');
  useRejections(session?.status === 'signed-in');
  const [shellError, setShellError] = useState<string | null>(null);

  const lock = async () => {
    const result = await invoke('session.lock', {});
    if (result.ok) useSessionStore.getState().setSession(result.value);
  };
  const signOut = async () => {
    const result = await invoke('session.signOut', {});
    // E.g. changes not synced yet: the core says so, and the agent stays signed in.
    if (result.ok) useSessionStore.getState().setSession(result.value);
    else setShellError(errorText(result.error, t));
  };

  // A new screen: move focus into it (the worklist's list, else the screen's heading) so
  // keyboard and screen-reader users start there instead of on a button that went away.
  const routeKey = route.name === 'callback' ? `callback/${route.callbackId}` : route.name;
  useEffect(() => {
    const id = window.setTimeout(() => {
      const main = document.getElementById('main');
      if (!main || main.contains(document.activeElement)) return;
      const target =
        main.querySelector<HTMLElement>('[role="listbox"]') ?? main.querySelector<HTMLElement>('h1');
      if (!target) return;
      if (target.tagName === 'H1') target.setAttribute('tabindex', '-1');
      target.focus();
    }, 0);
    return () => window.clearTimeout(id);
  }, [routeKey]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const ui = useUiStore.getState();
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

  const user = session?.user;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.app.skipToMain}
      </a>
      <header className="banner">
        <p className="brand">{t.app.name}</p>
        <nav aria-label={t.app.mainNav}>
          <ul className="nav-list">
            {navFor(session?.user?.role).map((item) => {
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
        <Screen route={route} />
      </main>
      <HelpOverlay />
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'worklist':
      return <Worklist />;
    case 'callback':
      return <CallbackDetailScreen callbackId={route.callbackId} />;
    case 'inquiry':
      return <InquiryScreen />;
    case 'expedite':
      return <ExpediteScreen />;
    case 'appointment':
      return <AppointmentScreen />;
    case 'supervisor':
      return <SupervisorScreen />;
  }
}
