import { useEffect } from 'react';
import type { SupervisorSnapshotView } from '../../../../shared/ipc';
import { invoke, subscribe } from '../../api/agent-desk';
import { messages } from '../../i18n';
import { useClockStore } from '../../state/clock-store';
import { useUiStore } from '../../state/ui-store';
import { describeChanges, significantChanges } from './changes';
import { useSupervisorStore } from './supervisor-store';
import { errorText } from '../../i18n/error-text';

/**
 * While the supervisor screen is open: subscribe to the live board, follow its
 * snapshots and link state, announce significant changes politely (the shell's
 * live region), and unsubscribe on leaving (the core then closes the socket).
 */
export function useSupervisorFeed(): void {
  useEffect(() => {
    let cancelled = false;
    const accept = (snapshot: SupervisorSnapshotView) => {
      const before = useSupervisorStore.getState().snapshot;
      useSupervisorStore.getState().setSnapshot(snapshot);
      if (useSupervisorStore.getState().snapshot !== snapshot) return;
      useClockStore.getState().sync(snapshot.at);
      const changes = significantChanges(before, snapshot);
      if (changes.length > 0) {
        const ui = useUiStore.getState();
        ui.announce(describeChanges(changes, messages(ui.language).supervisor));
      }
    };
    const offs = [
      subscribe('supervisorSnapshot', accept),
      subscribe('supervisorStatus', (status) => useSupervisorStore.getState().setStatus(status)),
    ];
    void invoke('supervisor.subscribe', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) accept(result.value);
      else {
        const t = messages(useUiStore.getState().language);
        useSupervisorStore.getState().setError(errorText(result.error, t));
      }
    });
    return () => {
      cancelled = true;
      for (const off of offs) off();
      void invoke('supervisor.unsubscribe', {});
      useSupervisorStore.getState().reset();
    };
  }, []);
}
