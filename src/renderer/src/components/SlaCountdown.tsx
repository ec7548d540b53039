import { memo } from 'react';
import { slaStatus, type SlaState, type Urgency } from '../../../shared/domain/sla';
import { useT } from '../i18n';
import { usePolicy } from '../state/session-store';
import { useClockStore } from '../state/clock-store';
import { countdownText } from './countdown-format';
import './SlaCountdown.css';

/** A shape per state, so the state reads without colour too. */
const ICON = { overdue: '■', 'due-today': '▲', 'at-risk': '◆', 'on-track': '●' } as const;

/**
 * Live countdown to a callback's due time, in text and colour, recomputed with the shared SLA rule.
 * It follows the app's one clock ticker through a selector that yields what is shown (state and
 * text), so a countdown re-renders when its text changes — once a minute until the last minute —
 * not on every tick, and a list of them costs nothing between changes.
 */
export const SlaCountdown = memo(function SlaCountdown({
  dueAt,
  urgency,
}: {
  dueAt: number;
  urgency: Urgency;
}) {
  const t = useT();
  const policy = usePolicy();
  const shown = useClockStore((s) => {
    const { state, remainingMs } = slaStatus({ dueAt, urgency }, s.now, policy);
    return `${state}|${countdownText(state, remainingMs, t)}`;
  });
  const split = shown.indexOf('|');
  const state = shown.slice(0, split) as SlaState;
  return (
    <span className={`sla sla--${state}`} data-sla={state}>
      <span className="sla-icon" aria-hidden="true">
        {ICON[state]}
      </span>{' '}
      {shown.slice(split + 1)}
    </span>
  );
});
