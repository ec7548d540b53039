import { useEffect, useRef } from 'react';
import { ADMIN_ROLES, AGENT_ROLES, LEAD_ROLES, REPORT_ROLES } from '../../../../shared/sync/authorization';
import type { Role } from '../../../../shared/sync/rows/user';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';

/** Every shortcut in one place; `?` toggles it, Escape closes it and focus returns where it was. */
export const SHORTCUTS: ReadonlyArray<{
  keys: string[];
  id: keyof ReturnType<typeof useT>['shortcuts']['keys'];
  /** Who has it (everyone when absent): agent screens are not offered to administrators. */
  roles?: readonly Role[];
}> = [
  { keys: ['?'], id: 'help' },
  { keys: ['Ctrl', 'K'], id: 'findCustomer', roles: AGENT_ROLES },
  { keys: ['/'], id: 'search', roles: AGENT_ROLES },
  { keys: ['↑', '↓'], id: 'arrows', roles: AGENT_ROLES },
  { keys: ['PgUp', 'PgDn', 'Home', 'End'], id: 'pages', roles: AGENT_ROLES },
  { keys: ['Enter'], id: 'open', roles: AGENT_ROLES },
  { keys: ['c'], id: 'claim', roles: AGENT_ROLES },
  { keys: ['u'], id: 'release', roles: AGENT_ROLES },
  { keys: ['o'], id: 'openCustomer', roles: AGENT_ROLES },
  { keys: ['1', '2', '3'], id: 'scopes', roles: AGENT_ROLES },
  { keys: ['w'], id: 'worklist', roles: AGENT_ROLES },
  { keys: ['n'], id: 'inquiry', roles: AGENT_ROLES },
  { keys: ['e'], id: 'expedite', roles: AGENT_ROLES },
  { keys: ['a'], id: 'appointment', roles: AGENT_ROLES },
  { keys: ['Esc'], id: 'back' },
  { keys: ['l'], id: 'lock' },
  { keys: ['s'], id: 'supervisor', roles: LEAD_ROLES },
  { keys: ['r'], id: 'reports', roles: REPORT_ROLES },
  { keys: ['u'], id: 'adminUsers', roles: ADMIN_ROLES },
  { keys: ['k'], id: 'adminScripts', roles: ADMIN_ROLES },
  { keys: ['p'], id: 'adminPolicy', roles: ADMIN_ROLES },
  { keys: ['t'], id: 'adminAudit', roles: ADMIN_ROLES },
];

export function HelpOverlay() {
  const t = useT();
  const open = useUiStore((s) => s.helpOpen);
  const setOpen = useUiStore((s) => s.setHelpOpen);
  const role = useSessionStore((s) => s.session?.user?.role);
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
            {SHORTCUTS.filter((s) => !s.roles || (role !== undefined && s.roles.includes(role))).map((s) => (
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
