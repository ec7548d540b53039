import { useEffect } from 'react';
import { useT } from '../../i18n';
import { reportPresence, usePresenceStore } from './presence';

/** Statuses an agent picks by hand; "offline" is the server's word for a closed desktop. */
const CHOOSABLE = ['available', 'on-call', 'after-call', 'break'] as const;

/**
 * The agent's presence for the team lead's roster. Signing in makes the agent
 * available; attempts and inquiries switch to "on a call" and back on their own.
 */
export function PresenceSwitch() {
  const t = useT();
  const status = usePresenceStore((s) => s.status);
  useEffect(() => {
    reportPresence('available');
  }, []);
  return (
    <label className="language-switch">
      {t.presence.label}{' '}
      <select
        value={status}
        onChange={(e) => {
          const next = CHOOSABLE.find((s) => s === e.target.value);
          if (next) reportPresence(next);
        }}
      >
        {CHOOSABLE.map((s) => (
          <option key={s} value={s}>
            {t.presence.statuses[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
