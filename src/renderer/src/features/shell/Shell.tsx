import { useEffect, useState } from 'react';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { useClockTicker } from '../../state/clock-store';
import { useSessionStore } from '../../state/session-store';
import { homeRoute, useUiStore, type Route } from '../../state/ui-store';
import type { Messages } from '../../i18n';
import { ADMIN_ROLES, AGENT_ROLES, LEAD_ROLES, REPORT_ROLES } from '../../../../shared/sync/authorization';
import type { Role } from '../../../../shared/sync/rows/user';
import { useIdleLock } from '../lock/use-idle-lock';
import { isTyping } from '../worklist/Worklist';
import { CustomerSearchDialog } from '../customer/CustomerSearchDialog';
import { HelpOverlay } from './HelpOverlay';
import { LeaveDialog } from './LeaveDialog';
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
  label: keyof Messages['nav'];
  /** Shown to (and reachable by) these roles only; the server enforces it anyway. */
  roles: readonly Role[];
}> = [
  { route: { name: 'worklist' }, key: 'w', label: 'worklist', roles: AGENT_ROLES },
  { route: { name: 'inquiry' }, key: 'n', label: 'inquiry', roles: AGENT_ROLES },
  { route: { name: 'expedite' }, key: 'e', label: 'expedite', roles: AGENT_ROLES },
  { route: { name: 'appointment' }, key: 'a', label: 'appointment', roles: AGENT_ROLES },
  { route: { name: 'supervisor' }, key: 's', label: 'supervisor', roles: LEAD_ROLES },
  { route: { name: 'admin-users' }, key: 'u', label: 'adminUsers', roles: ADMIN_ROLES },
  { route: { name: 'admin-scripts' }, key: 'k', label: 'adminScripts', roles: ADMIN_ROLES },
  { route: { name: 'admin-policy' }, key: 'p', label: 'adminPolicy', roles: ADMIN_ROLES },
  { route: { name: 'admin-audit' }, key: 't', label: 'adminAudit', roles: ADMIN_ROLES },
  { route: { name: 'reports' }, key: 'r', label: 'reports', roles: REPORT_ROLES },
];
const navFor = (role: Role | undefined) => NAV.filter((n) => role !== undefined && n.roles.includes(role));
/** A screen this role is offered (a callback's detail and a customer's record go with the worklist). */
const offered = (role: Role | undefined, route: Route) =>
  navFor(role).some((n) => n.route.name === route.name) ||
  ((route.name === 'callback' || route.name === 'customer') &&
    navFor(role).some((n) => n.label === 'worklist'));

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
  useOfferedRoute(session?.user?.role);
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
        <Screens route={offered(session?.user?.role, route) ? route : homeRoute(session?.user?.role)} />
      </main>
      <HelpOverlay />
      <LeaveDialog />
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

/** A screen the signed-in role is not offered (an administrator on the worklist) gives way to the role's home. */
function useOfferedRoute(role: Role | undefined): void {
  const route = useUiStore((s) => s.route);
  useEffect(() => {
    if (role && !offered(role, route)) useUiStore.getState().navigate(homeRoute(role));
  }, [role, route]);
}

/** Escape back to the role's home screen, ? for help, l to lock, and the navigation keys (not while typing). */
function useShellShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const ui = useUiStore.getState();
      const role = useSessionStore.getState().session?.user?.role;
      // Ctrl+K (⌘K) finds a customer from anywhere, even while typing in a form (agent roles only).
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (role && AGENT_ROLES.includes(role)) ui.setSearchOpen(true);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (ui.searchOpen) return;
      const home = homeRoute(role);
      if (event.key === 'Escape' && !ui.helpOpen && ui.route.name !== home.name && !isTyping(event.target)) {
        ui.navigate(home);
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
      const target = navFor(role).find((n) => n.key === event.key);
      if (target) {
        event.preventDefault();
        ui.navigate(target.route);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
