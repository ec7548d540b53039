import type { CallbackDetail } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';

/** What happens next, from the shared attempt plan: window, why it moved, or why the callback closed. */
export function PlanPanel({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const policy = usePolicy();
  const zone = policy.callbackHours.timeZone;
  const { plan } = detail;
  const grant = detail.permissions.grantExtraAttempt;
  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">{t.callback.plan}</h2>
      <div data-testid="attempt-plan" data-kind={plan.kind}>
        {plan.kind === 'next' ? (
          <>
            <p>
              <strong>{t.callback.planNext(plan.attemptNumber, plan.allowedAttempts)}</strong> —{' '}
              {t.callback.timing[plan.timing]}
            </p>
            <p>
              {t.callback.planWindow(
                formatInstant(plan.window.earliest, zone),
                formatInstant(plan.window.latest, zone),
              )}
            </p>
            <p>{t.callback.planBasis[plan.basis]}</p>
            {plan.adjustment ? (
              <p className="notice">
                {t.callback.planMoved} {plan.adjustment.message}
              </p>
            ) : null}
          </>
        ) : plan.kind === 'completed' ? (
          <p>{t.callback.planCompleted}</p>
        ) : (
          <>
            <p className="notice">{t.callback.planUnableToReach(plan.attemptsMade)}</p>
            {plan.canGrantExtra ? <p>{t.callback.canGrantExtra}</p> : null}
            {plan.canGrantExtra && grant?.allowed ? (
              <button
                type="button"
                onClick={() => void invoke('callback.grantExtraAttempt', { callbackId: detail.callback.id })}
              >
                {t.callback.grantExtra}
              </button>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
