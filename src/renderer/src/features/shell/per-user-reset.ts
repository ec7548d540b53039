import { useSessionStore } from '../../state/session-store';
import { useTelephonyStore } from '../../state/telephony-store';
import { homeRoute, useUiStore } from '../../state/ui-store';
import { useSupervisorStore } from '../supervisor/supervisor-store';
import { DEFAULT_FILTERS } from '../worklist/worklist-query';
import { useWorklistStore } from '../worklist/worklist-store';
import { usePresenceStore } from './presence';

/**
 * What one person left on the screen, forgotten before the next one uses this desktop
 * (issue 13 item 7): the screen they were on, the worklist's filters, search and
 * selection, the lead's board, a call not taken up, their presence. The screen
 * language stays: it is the desk's, chosen again in one click.
 */
export function resetPerUserState(): void {
  const role = useSessionStore.getState().session?.user?.role;
  useUiStore.setState({
    route: homeRoute(role),
    helpOpen: false,
    searchOpen: false,
    searchFor: null,
    chosenCaller: null,
    unsaved: false,
    draftable: false,
    discardDraft: false,
    leaving: null,
    announcement: null,
  });
  useWorklistStore.setState({ filters: DEFAULT_FILTERS, activeIndex: 0 });
  useSupervisorStore.getState().reset();
  useTelephonyStore.setState({ pop: null, calls: {} });
  usePresenceStore.setState({ status: 'available' });
}

/** Calls resetPerUserState whenever the signed-in user changes (a sign-out included); returns the unsubscribe. */
export function resetWhenTheUserChanges(): () => void {
  return useSessionStore.subscribe((state, previous) => {
    const before = previous.session?.user?.id;
    if (before !== undefined && state.session?.user?.id !== before) resetPerUserState();
  });
}
