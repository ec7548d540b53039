import { useState } from 'react';
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../../../../shared/domain/attempts';
import { formatUsPhone } from '../../../../shared/domain/phones';
import type { CallbackDetail } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { reportPresence } from '../shell/presence';
import { errorText } from '../../i18n/error-text';

function dialString(e164: string, ext: string | null): string {
  return ext ? `${e164};ext=${ext}` : e164;
}

/** Start an attempt (pick the number, read the voicemail script), then record its outcome. */
// Over ~80 lines: left whole while the detail screen's reloads after recording (issue 12, item 8) is reworked on another branch; split it after that lands.
export function AttemptPanel({ detail, onRecorded }: { detail: CallbackDetail; onRecorded(): void }) {
  const t = useT();
  const policy = usePolicy();
  const announce = useUiStore((s) => s.announce);
  const permission = detail.permissions.recordAttempt;
  const { phones, suggested } = detail.numbers;
  const [active, setActive] = useState(false);
  const [numberIndex, setNumberIndex] = useState<number>(suggested ?? 0);
  const [outcome, setOutcome] = useState<AttemptOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const phone = phones[numberIndex];

  if (detail.callback.status !== 'open') return null;

  const record = async () => {
    if (!phone || !outcome) return;
    setBusy(true);
    const result = await invoke('callback.recordAttempt', {
      callbackId: detail.callback.id,
      numberDialed: dialString(phone.e164, phone.ext),
      outcome,
    });
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.error, t));
      return;
    }
    setError(null);
    setActive(false);
    setOutcome(null);
    reportPresence('available');
    announce(t.callback.attemptRecorded);
    onRecorded();
  };

  const name = detail.customer?.name ?? t.worklist.noName;
  const receipt = detail.inquiry?.receiptNumber ?? null;
  const voicemail = t.voicemail({ customer: name, areaCode: policy.callerIdAreaCode, receipt });

  return (
    <section className="panel" aria-labelledby="attempt-title">
      <h2 id="attempt-title">{t.callback.startAttempt}</h2>
      {!permission?.allowed ? (
        <p id="attempt-blocked" className="notice">
          {t.callback.notAllowed} {permission?.reason ? errorText(permission.reason, t) : null}
        </p>
      ) : null}
      {!active ? (
        <button
          type="button"
          className="primary"
          disabled={!permission?.allowed || phones.length === 0}
          aria-describedby={!permission?.allowed ? 'attempt-blocked' : undefined}
          onClick={() => {
            setNumberIndex(suggested ?? 0);
            setActive(true);
            reportPresence('on-call', { table: 'callbacks', id: detail.callback.id });
          }}
        >
          {t.callback.startAttempt}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void record();
          }}
        >
          <fieldset>
            <legend>{t.callback.numberToDial}</legend>
            {phones.map((p, index) => (
              <label key={`${p.e164}-${p.ext ?? ''}`} className="choice">
                <input
                  type="radio"
                  name="dial-number"
                  checked={numberIndex === index}
                  onChange={() => setNumberIndex(index)}
                />
                {t.customer.labels[p.label]} {formatUsPhone(p.e164, p.ext ?? undefined)}
                {index === suggested ? ` — ${t.callback.suggested}` : ''}
                {!p.callable ? ` — ${t.callback.notCallable}` : ''}
              </label>
            ))}
          </fieldset>
          {phone ? (
            <p className="calling">{t.callback.calling(formatUsPhone(phone.e164, phone.ext ?? undefined))}</p>
          ) : null}
          <h3>{t.callback.voicemailTitle}</h3>
          <blockquote className="read-back" data-testid="voicemail-script">
            {voicemail}
          </blockquote>
          <fieldset>
            <legend>{t.callback.outcome}</legend>
            {ATTEMPT_OUTCOMES.map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="attempt-outcome"
                  value={value}
                  checked={outcome === value}
                  onChange={() => setOutcome(value)}
                />
                {t.outcomes[value]}
              </label>
            ))}
          </fieldset>
          <div role="alert" className={error ? 'error-box' : undefined}>
            {error}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={!outcome || busy}>
              {t.callback.recordOutcome}
            </button>
            <button
              type="button"
              onClick={() => {
                setActive(false);
                reportPresence('available');
              }}
            >
              {t.callback.cancelAttempt}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
