import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';

/**
 * The question asked before a form with unsaved input is left (Escape, a navigation key,
 * a tab or a link): stay is the default and Escape's answer, so no keystroke loses input.
 */
export function LeaveDialog() {
  const t = useT();
  const leaving = useUiStore((s) => s.leaving);
  const answer = useUiStore((s) => s.answerLeaving);
  const draftable = useUiStore((s) => s.draftable);
  const stayRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    if (leaving) {
      returnTo.current = document.activeElement;
      stayRef.current?.focus();
    } else if (returnTo.current instanceof HTMLElement) {
      // Back to where the agent was on the form (after leaving, that element is gone: nothing happens).
      if (returnTo.current.isConnected) returnTo.current.focus();
      returnTo.current = null;
    }
  }, [leaving]);

  if (!leaving) return null;
  return (
    <div className="overlay-backdrop">
      <div
        className="overlay panel"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-body"
        data-testid="leave-dialog"
        onKeyDown={(e) => {
          // The shell's shortcuts do not act behind the question.
          e.stopPropagation();
          if (e.key === 'Escape') answer(false);
          // Keep Tab inside the dialog: around its buttons.
          if (e.key === 'Tab') {
            e.preventDefault();
            const buttons = [stayRef, keepRef, discardRef].flatMap((r) => (r.current ? [r.current] : []));
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            const step = e.shiftKey ? -1 : 1;
            buttons[(at + step + buttons.length) % buttons.length]?.focus();
          }
        }}
      >
        <h2 id="leave-title">{t.leave.title}</h2>
        <p id="leave-body">{draftable ? t.leave.bodyDraft : t.leave.body}</p>
        <div className="actions">
          <button type="button" ref={stayRef} className="primary" onClick={() => answer(false)}>
            {t.leave.stay}
          </button>
          {draftable ? (
            <button
              type="button"
              ref={keepRef}
              onClick={() => {
                answer(true, true);
                useUiStore.getState().announce(t.draft.kept);
              }}
            >
              {t.leave.keep}
            </button>
          ) : null}
          <button type="button" ref={discardRef} onClick={() => answer(true)}>
            {t.leave.discard}
          </button>
        </div>
      </div>
    </div>
  );
}
