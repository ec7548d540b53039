import { useEffect, useRef, useState } from 'react';
import type { DraftForm } from '../../../../shared/ipc/channels';
import { invoke } from '../../api/agent-desk';
import { useUiStore } from '../../state/ui-store';

/** How long typing pauses before the draft is written (it is written on leaving too). */
const SAVE_AFTER_MS = 400;

export interface DraftControl {
  /** When the draft on screen was saved, if one was restored (null: none, or discarded). */
  restoredAt: number | null;
  /** Drops the draft (the agent's "Discard draft", or the form completed). */
  discard(): void;
}

/**
 * Keeps a form's input as an encrypted draft in the cache (issue 13 item 4): restored
 * once when the form opens (after Esc, a restart or the idle lock), written as the
 * agent types and when the form goes away — unless the agent chose to discard it on
 * leaving — and dropped on `discard()` or when `value` is empty again. `restore` gets
 * the stored JSON and says whether it could use it (a draft it cannot read is dropped).
 */
export function useDraft<T>(
  form: DraftForm,
  value: T,
  options: { isEmpty(value: T): boolean; restore(stored: unknown): boolean; done: boolean },
): DraftControl {
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const loaded = useRef(false);
  const done = useRef(options.done);
  done.current = options.done;
  const body = JSON.stringify(value);
  const latest = useRef({ body, empty: options.isEmpty(value) });
  latest.current = { body, empty: options.isEmpty(value) };
  const place = { form, subject: '' };

  const write = () => {
    if (done.current || latest.current.empty) void invoke('draft.discard', place);
    else void invoke('draft.save', { ...place, body: latest.current.body });
  };

  useEffect(() => {
    useUiStore.setState({ draftable: true, discardDraft: false });
    let cancelled = false;
    void invoke('draft.get', place).then((found) => {
      if (cancelled) return;
      loaded.current = true;
      if (!found.ok || !found.value) return;
      let stored: unknown;
      try {
        stored = JSON.parse(found.value.body);
      } catch {
        stored = undefined;
      }
      if (stored !== undefined && options.restore(stored)) setRestoredAt(found.value.savedAt);
      else void invoke('draft.discard', place);
    });
    return () => {
      cancelled = true;
      const ui = useUiStore.getState();
      if (ui.discardDraft) void invoke('draft.discard', place);
      else if (loaded.current) write();
      useUiStore.setState({ draftable: false, discardDraft: false });
    };
    // Once per form: the draft is read when it opens and written when it goes.
  }, []);

  useEffect(() => {
    if (!loaded.current) return;
    const id = setTimeout(write, SAVE_AFTER_MS);
    return () => clearTimeout(id);
  }, [body, options.done]);

  return {
    restoredAt,
    discard: () => {
      setRestoredAt(null);
      void invoke('draft.discard', place);
    },
  };
}
