import { memo, useMemo } from 'react';
import {
  slaStateAt,
  slaTransitions,
  type SlaInput,
  type SlaState,
  type SlaTransitions,
  type Urgency,
} from '../../../shared/domain/sla';
import { useT } from '../i18n';
import { usePolicy } from '../state/session-store';
import { useClockStore } from '../state/clock-store';
import { countdownText } from './countdown-format';
import './SlaCountdown.css';

/** A shape per state, so the state reads without colour too. */
const ICON = { overdue: '■', 'due-today': '▲', 'at-risk': '◆', 'on-track': '●' } as const;

/**
 * Live countdown to a callback's due time, in text and colour, with the shared SLA rule (callable
 * time left before the due time). The rule's transitions do not depend on the time, so they are
 * worked out once per input and each tick is a few comparisons. Pass the whole SlaInput (zones,
 * attempts left) where it is known, as the callback detail does, or the transitions the core or the
 * server worked out from it (a worklist row, a drill-down item); due time and urgency alone count
 * callback hours for one attempt.
 * It follows the app's one clock ticker through a selector that yields what is shown (state and
 * text), so a countdown re-renders when its text changes — once a minute until the last minute —
 * not on every tick, and a list of them costs nothing between changes.
 */
export const SlaCountdown = memo(function SlaCountdown({
  dueAt,
  urgency,
  input,
  transitions: given,
}: {
  dueAt: number;
  urgency: Urgency;
  /** The whole rule's input (the customer's zones, attempts left); keep it stable (useMemo). */
  input?: SlaInput;
  /** The rule's transitions, already worked out from the whole input. */
  transitions?: SlaTransitions | undefined;
}) {
  const t = useT();
  const policy = usePolicy();
  const transitions = useMemo(
    () => given ?? slaTransitions(input ?? { dueAt, urgency }, policy),
    [given, dueAt, urgency, input, policy],
  );
  const shown = useClockStore((s) => {
    const state = slaStateAt(transitions, s.now);
    return `${state}|${countdownText(state, dueAt - s.now, t)}`;
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
