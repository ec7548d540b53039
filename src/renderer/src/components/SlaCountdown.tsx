import { slaStatus, type Urgency } from '../../../shared/domain/sla';
import { useT } from '../i18n';
import { usePolicy } from '../state/session-store';
import { useNow } from '../state/clock-store';
import { countdownText } from './countdown-format';
import './SlaCountdown.css';

/** A shape per state, so the state reads without colour too. */
const ICON = { overdue: '■', 'due-today': '▲', 'at-risk': '◆', 'on-track': '●' } as const;

/** Live countdown to a callback's due time, in text and colour, recomputed with the shared SLA rule. */
export function SlaCountdown({ dueAt, urgency }: { dueAt: number; urgency: Urgency }) {
  const t = useT();
  const now = useNow();
  const policy = usePolicy();
  const { state, remainingMs } = slaStatus({ dueAt, urgency }, now, policy);
  return (
    <span className={`sla sla--${state}`} data-sla={state}>
      <span className="sla-icon" aria-hidden="true">
        {ICON[state]}
      </span>{' '}
      {countdownText(state, remainingMs, t)}
    </span>
  );
}
