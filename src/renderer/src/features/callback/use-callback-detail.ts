import { useCallback, useEffect, useState } from 'react';
import type { DomainError } from '../../../../shared/domain/result';
import type { CallbackDetail } from '../../../../shared/ipc';
import { invoke, subscribe } from '../../api/agent-desk';
import { useClockStore } from '../../state/clock-store';

/** The callback's detail view from the core, reloaded whenever data changes. */
export function useCallbackDetail(callbackId: string) {
  const [detail, setDetail] = useState<CallbackDetail | null>(null);
  const [error, setError] = useState<DomainError | null>(null);

  const reload = useCallback(async () => {
    const result = await invoke('callback.get', { callbackId });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    useClockStore.getState().sync(result.value.now);
    setDetail(result.value);
  }, [callbackId]);

  useEffect(() => {
    void reload();
    return subscribe('dataChanged', () => void reload());
  }, [reload]);

  return { detail, error, reload };
}
