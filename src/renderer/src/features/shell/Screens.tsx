import { lazy, Suspense, useEffect } from 'react';
import { useT } from '../../i18n';
import type { Route } from '../../state/ui-store';
import { Worklist } from '../worklist/Worklist';

// The worklist (the screen an agent starts on) is in the first bundle; every other
// screen is its own chunk, fetched the first time it is opened (the supervisor view
// only ever by leads, the administration area only by administrators), so the app starts with less code to load and parse.
const CallbackDetailScreen = lazy(() =>
  import('../callback/CallbackDetailScreen').then((m) => ({ default: m.CallbackDetailScreen })),
);
const InquiryScreen = lazy(() =>
  import('../inquiry/InquiryScreen').then((m) => ({ default: m.InquiryScreen })),
);
const ExpediteScreen = lazy(() =>
  import('../expedite/ExpediteScreen').then((m) => ({ default: m.ExpediteScreen })),
);
const AppointmentScreen = lazy(() =>
  import('../appointment/AppointmentScreen').then((m) => ({ default: m.AppointmentScreen })),
);
const UsersScreen = lazy(() => import('../admin/UsersScreen').then((m) => ({ default: m.UsersScreen })));
const ScriptsScreen = lazy(() =>
  import('../admin/ScriptsScreen').then((m) => ({ default: m.ScriptsScreen })),
);
const PolicyScreen = lazy(() => import('../admin/PolicyScreen').then((m) => ({ default: m.PolicyScreen })));
const AuditScreen = lazy(() => import('../admin/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const CustomerScreen = lazy(() =>
  import('../customer/CustomerScreen').then((m) => ({ default: m.CustomerScreen })),
);
const ReportsScreen = lazy(() =>
  import('../reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })),
);
const SupervisorScreen = lazy(() =>
  import('../supervisor/SupervisorScreen').then((m) => ({ default: m.SupervisorScreen })),
);

/** One key per screen shown (a callback's detail per callback). */
export const routeKey = (route: Route) =>
  route.name === 'callback'
    ? `callback/${route.callbackId}`
    : route.name === 'customer'
      ? `customer/${route.customerId}`
      : route.name;

/** The current screen; a screen still loading says so in a status line. */
export function Screens({ route }: { route: Route }) {
  const t = useT();
  return (
    <Suspense fallback={<p role="status">{t.app.loading}</p>}>
      <Screen route={route} />
      <FocusIntoScreen key={routeKey(route)} />
    </Suspense>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'worklist':
      return <Worklist />;
    case 'callback':
      return <CallbackDetailScreen callbackId={route.callbackId} />;
    case 'customer':
      return <CustomerScreen customerId={route.customerId} />;
    case 'inquiry':
      return <InquiryScreen />;
    case 'expedite':
      return <ExpediteScreen />;
    case 'appointment':
      return <AppointmentScreen />;
    case 'supervisor':
      return <SupervisorScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'admin-users':
      return <UsersScreen />;
    case 'admin-scripts':
      return <ScriptsScreen />;
    case 'admin-policy':
      return <PolicyScreen />;
    case 'admin-audit':
      return <AuditScreen />;
  }
}

/**
 * A new screen, once it is on the page (after its chunk loaded): move focus into it
 * (the worklist's list, else the screen's heading) so keyboard and screen-reader
 * users start there instead of on a button that went away.
 */
function FocusIntoScreen() {
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
  }, []);
  return null;
}
