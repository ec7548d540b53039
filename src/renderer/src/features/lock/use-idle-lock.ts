import { useEffect, useRef } from 'react';
import { MINUTE_MS } from '../../../../shared/domain/policy';
import { invoke } from '../../api/agent-desk';
import { useSessionStore } from '../../state/session-store';

/** How often at most the renderer tells the core the agent is active (not a policy number: transport). */
const ACTIVITY_REPORT_MS = 30_000;
const CHECK_EVERY_MS = 5_000;

/**
 * The core owns the idle lock (PRODUCT.md: 15 min default, from the policy); the
 * renderer reports activity, throttled, and locks itself as a backstop if the
 * core's lock event never arrives.
 */
export function useIdleLock(idleLockMinutes: number, active: boolean): void {
  const lastActivity = useRef(Date.now());
  const lastReport = useRef(0);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    // Input the throttle held back: reported by the timer, so the core's lock counts from the last input.
    let unreported = false;
    const report = (now: number) => {
      if (now - lastReport.current < ACTIVITY_REPORT_MS) return;
      lastReport.current = now;
      unreported = false;
      void invoke('session.activity', {});
    };
    const onActivity = () => {
      lastActivity.current = Date.now();
      unreported = true;
      report(lastActivity.current);
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'pointermove'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (unreported) report(Date.now());
      if (Date.now() - lastActivity.current < idleLockMinutes * MINUTE_MS) return;
      void invoke('session.lock', {}).then((result) => {
        if (result.ok) useSessionStore.getState().setSession(result.value);
      });
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity);
      window.clearInterval(timer);
    };
  }, [idleLockMinutes, active]);
}
