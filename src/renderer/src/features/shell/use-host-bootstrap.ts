import { useEffect } from 'react';
import { signedOutState } from '../../../../shared/ipc/views';
import { invoke, subscribe } from '../../api/agent-desk';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { useTelephonyStore } from '../../state/telephony-store';
import { messages } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { resetWhenTheUserChanges } from './per-user-reset';

/** Reads the session and connection state from the host once, then follows its events. */
export function useHostBootstrap(): void {
  useEffect(() => {
    const store = useSessionStore.getState();
    let cancelled = false;
    void (async () => {
      const [session, connection] = await Promise.all([invoke('session.get', {}), invoke('sync.state', {})]);
      if (cancelled) return;
      if (session.ok) store.setSession(session.value);
      else store.setSession(signedOutState(1));
      if (connection.ok) store.setConnection(connection.value);
    })();
    const offs = [
      resetWhenTheUserChanges(),
      subscribe('session', (s) => useSessionStore.getState().setSession(s)),
      subscribe('connection', (c) => useSessionStore.getState().setConnection(c)),
      subscribe('syncProgress', (p) => useSessionStore.getState().setProgress(p)),
      subscribe('mutationRejected', (r) => {
        useSessionStore.getState().addRejection(r);
        useUiStore.getState().announce(errorText(r, messages(useUiStore.getState().language)));
      }),
      subscribe('telephonyCall', (call) => {
        useTelephonyStore.getState().received(call);
        if (call.kind !== 'offered') return;
        // Screen pop: the inquiry screen takes the call up (customer, IVR data, the caller's language).
        const ui = useUiStore.getState();
        ui.navigate({ name: 'inquiry' });
        // E.164 as it came: the phone formatter (libphonenumber) stays out of the first bundle.
        ui.announce(messages(ui.language).telephony.callOffered(call.from));
      }),
      subscribe('lock', ({ locked }) => {
        const current = useSessionStore.getState().session;
        if (current && current.status !== 'signed-out') {
          useSessionStore.getState().setSession({ ...current, status: locked ? 'locked' : 'signed-in' });
        }
      }),
    ];
    return () => {
      cancelled = true;
      for (const off of offs) off();
    };
  }, []);
}

/** Loads the refused changes once signed in (later ones arrive as events). */
export function useRejections(signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return;
    void invoke('sync.rejections', {}).then((result) => {
      if (result.ok) useSessionStore.getState().setRejections(result.value);
    });
  }, [signedIn]);
}
