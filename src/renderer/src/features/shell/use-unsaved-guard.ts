import { useEffect } from 'react';
import { useUiStore } from '../../state/ui-store';

/**
 * While `unsaved` is true, leaving this screen asks first (LeaveDialog). The guard is
 * dropped when the input is saved or discarded and when the screen goes away.
 */
export function useUnsavedGuard(unsaved: boolean): void {
  useEffect(() => {
    useUiStore.getState().setUnsaved(unsaved);
    return () => useUiStore.getState().setUnsaved(false);
  }, [unsaved]);
}
