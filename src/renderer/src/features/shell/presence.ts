import type { ChannelArgs } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';

/**
 * Tells the team lead's view what the agent is doing (on a call, and with what).
 * Best effort: presence is informational, so a failure is not shown to the agent.
 */
export function reportPresence(
  status: ChannelArgs<'presence.set'>['status'],
  currentItem: ChannelArgs<'presence.set'>['currentItem'] = null,
): void {
  void invoke('presence.set', { status, currentItem });
}
