import { afterEach, describe, expect, it } from 'vitest';
import { resetWhenTheUserChanges } from '../../../src/renderer/src/features/shell/per-user-reset';
import { usePresenceStore } from '../../../src/renderer/src/features/shell/presence';
import { useSupervisorStore } from '../../../src/renderer/src/features/supervisor/supervisor-store';
import { DEFAULT_FILTERS } from '../../../src/renderer/src/features/worklist/worklist-query';
import { useWorklistStore } from '../../../src/renderer/src/features/worklist/worklist-store';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { SIGNED_IN, SIGNED_OUT, USER } from './fixtures';

// Issue 13 item 7: the next user on the same desktop inherited the previous user's screen and filters.
describe('the next person at this desktop starts clean', () => {
  const offs: (() => void)[] = [];
  afterEach(() => {
    for (const off of offs.splice(0)) off();
  });

  function leaveTraces() {
    useUiStore.setState({
      route: { name: 'callback', callbackId: 'cb-7' },
      language: 'es',
      searchOpen: true,
    });
    useWorklistStore.setState({
      filters: { ...DEFAULT_FILTERS, scope: 'team', search: 'Rosa Díaz', urgency: ['urgent'] },
      activeIndex: 12,
    });
    useSupervisorStore.setState({ drill: { figure: 'overdue', urgency: null } });
    usePresenceStore.setState({ status: 'on-call' });
  }

  it('forgets the screen, filters, search, board and presence when the user signs out', () => {
    useSessionStore.getState().setSession(SIGNED_IN);
    offs.push(resetWhenTheUserChanges());
    leaveTraces();
    useSessionStore.getState().setSession(SIGNED_OUT);
    expect(useUiStore.getState()).toMatchObject({ route: { name: 'worklist' }, searchOpen: false });
    expect(useWorklistStore.getState()).toMatchObject({ filters: DEFAULT_FILTERS, activeIndex: 0 });
    expect(useSupervisorStore.getState().drill).toBeNull();
    expect(usePresenceStore.getState().status).toBe('available');
    // The screen language is the desk's: kept.
    expect(useUiStore.getState().language).toBe('es');
  });

  it('also when another user takes over a session directly, and not when the same user comes back', () => {
    useSessionStore.getState().setSession(SIGNED_IN);
    offs.push(resetWhenTheUserChanges());
    leaveTraces();
    useSessionStore.getState().setSession({ ...SIGNED_IN, status: 'locked' });
    expect(useWorklistStore.getState().filters.search).toBe('Rosa Díaz');
    useSessionStore.getState().setSession({ ...SIGNED_IN, user: { ...USER, id: 'u-tier1-alice' } });
    expect(useWorklistStore.getState().filters.search).toBe('');
  });
});
