import { useCallback, useEffect, useState } from 'react';
import type { DomainError } from '../../../../shared/domain/result';
import type { CallbackDetail } from '../../../../shared/ipc';
import { invoke, onDataChanged } from '../../api/agent-desk';
import { useClockStore } from '../../state/clock-store';

/**
 * The tables a callback's detail is read from: the callback, its customer and
 * inquiry, and users (an administrator's change of the agent's role changes the
 * permissions shown).
 */
export const CALLBACK_DETAIL_TABLES = ['callbacks', 'customers', 'inquiries', 'notes', 'users'] as const;

/**
 * The callback's detail view from the core, reloaded when one of its tables changes
 * (after a command on this screen too: the core announces the change before it answers).
 */
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
    return onDataChanged(CALLBACK_DETAIL_TABLES, () => void reload());
  }, [reload]);

  return { detail, error };
}
