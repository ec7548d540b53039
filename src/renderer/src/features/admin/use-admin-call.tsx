import { useCallback, useEffect, useState } from 'react';
import type { AdminCallName } from '../../../../shared/admin/calls';
import type { ChannelArgs, ChannelResult } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { useUiStore } from '../../state/ui-store';

/**
 * One admin call at a time from a screen: `run` answers the value (or undefined), keeps
 * the error sentence to show, and says when it is busy; what `done` says is shown and
 * announced politely.
 */
export function useAdminCall() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Both were said in the screen language of the call: a switch of language drops them
  // rather than leave an English sentence on a Spanish screen.
  const language = useUiStore((s) => s.language);
  useEffect(() => {
    setError(null);
    setNotice(null);
  }, [language]);
  const run = useCallback(
    async <C extends AdminCallName>(
      name: C,
      args: ChannelArgs<C>,
      done?: (value: ChannelResult<C>) => string,
    ): Promise<ChannelResult<C> | undefined> => {
      setBusy(true);
      setError(null);
      setNotice(null);
      const result = await invoke(name, args);
      setBusy(false);
      if (!result.ok) {
        setError(errorText(result.error, t));
        return undefined;
      }
      if (done) {
        const text = done(result.value);
        setNotice(text);
        useUiStore.getState().announce(text);
      }
      return result.value;
    },
    [t],
  );
  return { run, busy, error, setError, notice };
}

/** The outcome of the last admin call: its error as an alert, or what it did. */
export function CallOutcome({ error, notice }: { error: string | null; notice?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="error-box">
        {error}
      </p>
    );
  }
  return notice ? <p className="notice admin-done">{notice}</p> : null;
}
