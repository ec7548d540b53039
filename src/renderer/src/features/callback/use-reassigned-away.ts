import { useEffect, useRef, useState } from 'react';
import type { CallbackDetail } from '../../../../shared/ipc';

/**
 * Who took this callback off the agent while the screen was open (issue 13 item 7: a
 * lead's reassignment removed it silently): the new assignee's id once the callback
 * that was the agent's is someone else's, null otherwise. The agent's own release
 * (to the queue) is not a reassignment away and says nothing.
 */
export function useReassignedAway(detail: CallbackDetail | null, me: string | undefined): string | null {
  const previous = useRef<{ id: string; assignee: string | null } | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const id = detail?.callback.id;
  const assignee = detail?.callback.assigneeId ?? null;
  useEffect(() => {
    if (id === undefined) return;
    const before = previous.current;
    previous.current = { id, assignee };
    if (!before || before.id !== id) {
      setTo(null);
      return;
    }
    if (before.assignee === me && assignee !== null && assignee !== me) setTo(assignee);
    else if (assignee === me) setTo(null);
  }, [id, assignee, me]);
  return to;
}
