import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';

/** Every shortcut in one place; `?` toggles it, Escape closes it and focus returns where it was. */
export const SHORTCUTS: ReadonlyArray<{
  keys: string[];
  id: keyof ReturnType<typeof useT>['shortcuts']['keys'];
  leadOnly?: boolean;
}> = [
  { keys: ['?'], id: 'help' },
  { keys: ['Ctrl', 'K'], id: 'findCustomer' },
  { keys: ['/'], id: 'search' },
  { keys: ['↑', '↓'], id: 'arrows' },
  { keys: ['PgUp', 'PgDn', 'Home', 'End'], id: 'pages' },
  { keys: ['Enter'], id: 'open' },
  { keys: ['c'], id: 'claim' },
  { keys: ['u'], id: 'release' },
  { keys: ['1', '2', '3'], id: 'scopes' },
  { keys: ['w'], id: 'worklist' },
  { keys: ['n'], id: 'inquiry' },
  { keys: ['e'], id: 'expedite' },
  { keys: ['a'], id: 'appointment' },
  { keys: ['Esc'], id: 'back' },
  { keys: ['l'], id: 'lock' },
  { keys: ['s'], id: 'supervisor', leadOnly: true },
];

export function HelpOverlay() {
  const t = useT();
  const open = useUiStore((s) => s.helpOpen);
  const setOpen = useUiStore((s) => s.setHelpOpen);
  const isLead = useSessionStore((s) => s.session?.user?.role === 'lead');
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    if (open) {
      returnTo.current = document.activeElement;
      closeRef.current?.focus();
    } else if (returnTo.current instanceof HTMLElement) {
      returnTo.current.focus();
      returnTo.current = null;
    }
  }, [open]);

  if (!open) return null;
  return (
    <div className="overlay-backdrop">
      <div
        className="overlay panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setOpen(false);
          }
          // Keep Tab inside the dialog: it has one control.
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id="help-title">{t.shortcuts.title}</h2>
        <p>{t.shortcuts.intro}</p>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.filter((s) => !s.leadOnly || isLead).map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? ' ' : ''}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </th>
                <td>{t.shortcuts.keys[s.id]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button type="button" ref={closeRef} className="primary" onClick={() => setOpen(false)}>
            {t.app.close}
          </button>
        </div>
      </div>
    </div>
  );
}
