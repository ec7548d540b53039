import { useEffect } from 'react';
import { create } from 'zustand';
import type { ChannelArgs } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';

type PresenceStatus = ChannelArgs<'presence.set'>['status'];

/** What this agent last told the team lead's view; the banner's status switch shows it. */
export const usePresenceStore = create<{ status: PresenceStatus }>(() => ({ status: 'available' }));

/**
 * Tells the team lead's view what the agent is doing (on a call, and with what).
 * Best effort: presence is informational, so a failure is not shown to the agent.
 */
export function reportPresence(
  status: PresenceStatus,
  currentItem: ChannelArgs<'presence.set'>['currentItem'] = null,
): void {
  usePresenceStore.setState({ status });
  void invoke('presence.set', { status, currentItem });
}

/**
 * Presence follows the work (issue 13 item 4): a screen that can put the agent "on a
 * call" (the inquiry script, a callback attempt) ends that call on the lead's board when
 * it closes — by Escape, a shortcut or a tab — whatever state it was left in.
 */
export function useCallEndsWithScreen(): void {
  useEffect(
    () => () => {
      if (usePresenceStore.getState().status === 'on-call') reportPresence('available');
    },
    [],
  );
}
