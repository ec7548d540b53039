import { useCallback, useMemo, useState } from 'react';
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../../../../shared/domain/attempts';
import {
  EXCEPTION_NOTE_MAX,
  EXCEPTION_NOTE_MIN,
  formatUsPhone,
  type CustomerHoursException,
} from '../../../../shared/domain/phones';
import type { CallbackDetail } from '../../../../shared/ipc';
import { voicemailScript } from '../../../../shared/domain/voicemail';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { useClockStore } from '../../state/clock-store';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { reportPresence, useCallEndsWithScreen } from '../shell/presence';
import type { ProposedAttempt } from '../../../../shared/telephony/attempt-from-call';
import { DialPanel } from '../telephony/DialPanel';
import { WrapUpPanel, type WrapUpContact } from '../wrap-up/WrapUpPanel';

function dialString(e164: string, ext: string | null): string {
  return ext ? `${e164};ext=${ext}` : e164;
}

type Phone = CallbackDetail['numbers']['phones'][number];

/**
 * Start an attempt (pick the number, read the voicemail script), then record its
 * outcome; the attempt ends in its wrap-up and after-call work (issue 14 item 5), which
 * stays on screen even when that attempt closed the callback.
 */
export function AttemptPanel({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const announce = useUiStore((s) => s.announce);
  const permission = detail.permissions.recordAttempt;
  const { phones, suggested } = detail.numbers;
  const [active, setActive] = useState(false);
  useCallEndsWithScreen();
  const [numberIndex, setNumberIndex] = useState<number>(suggested ?? 0);
  const [error, setError] = useState<string | null>(null);
  /** When the attempt under way started (server time as the desktop knows it). */
  const [startedAt, setStartedAt] = useState(0);
  /** The last attempt's wrap-up, and whether the agent must finish it before the next one. */
  const [wrapUp, setWrapUp] = useState<WrapUpContact | null>(null);
  const [blocking, setBlocking] = useState(false);

  const wrapUpPanel = wrapUp ? (
    <WrapUpPanel key={wrapUp.callStartedAt} contact={wrapUp} onBlocking={setBlocking} />
  ) : null;
  if (detail.callback.status !== 'open') return wrapUpPanel;

  // The screen shows the new attempt when the core announces the change (dataChanged).
  // A call placed through the platform (cti) names its attempt and its time; the agent only confirms the outcome.
  const record = async (
    phone: Phone,
    outcome: AttemptOutcome,
    call: ProposedAttempt | null,
    exception: CustomerHoursException | null,
  ): Promise<void> => {
    const result = await invoke('callback.recordAttempt', {
      callbackId: detail.callback.id,
      numberDialed: call?.numberDialed ?? dialString(phone.e164, phone.ext),
      outcome,
      ...(call ? { attemptId: call.attemptId, at: call.at } : {}),
      ...(exception ? { exception } : {}),
    });
    if (!result.ok) {
      setError(errorText(result.error, t));
      return;
    }
    setError(null);
    setActive(false);
    // The call ends with its outcome; the wrap-up panel takes presence from here.
    setWrapUp({
      about: { table: 'callbacks', id: detail.callback.id },
      customerId: detail.callback.customerId,
      channel: 'callback',
      callStartedAt: startedAt,
      callEndedAt: Math.max(startedAt, useClockStore.getState().now),
    });
    announce(t.callback.attemptRecorded);
  };

  return (
    <>
      {wrapUpPanel}
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
            disabled={!permission?.allowed || phones.length === 0 || blocking}
            aria-describedby={
              !permission?.allowed ? 'attempt-blocked' : blocking ? 'wrap-up-title' : undefined
            }
            onClick={() => {
              setNumberIndex(suggested ?? 0);
              setStartedAt(useClockStore.getState().now);
              setWrapUp(null);
              setActive(true);
              reportPresence('on-call', { table: 'callbacks', id: detail.callback.id });
            }}
          >
            {t.callback.startAttempt}
          </button>
        ) : (
          <AttemptForm
            detail={detail}
            numberIndex={numberIndex}
            onNumber={setNumberIndex}
            error={error}
            onRecord={record}
            onCancel={() => {
              setActive(false);
              reportPresence('available');
            }}
          />
        )}
      </section>
    </>
  );
}

interface AttemptFormProps {
  detail: CallbackDetail;
  numberIndex: number;
  onNumber(index: number): void;
  error: string | null;
  onRecord(
    phone: Phone,
    outcome: AttemptOutcome,
    call: ProposedAttempt | null,
    exception: CustomerHoursException | null,
  ): Promise<void>;
  onCancel(): void;
}

/**
 * The voicemail message in the CUSTOMER's preferred language (not the screen's), saying
 * on the last allowed attempt that there will be no other call.
 */
function voicemailFor(detail: CallbackDetail, areaCode: string, noName: string) {
  const language = detail.customer?.preferredLanguage ?? 'en';
  const made = detail.callback.attempts.length;
  const attempt =
    detail.plan.kind === 'next'
      ? { attemptNumber: detail.plan.attemptNumber, allowedAttempts: detail.plan.allowedAttempts }
      : { attemptNumber: made + 1, allowedAttempts: made + 1 };
  const text = voicemailScript(
    {
      customerName: detail.customer?.name ?? noName,
      callerIdAreaCode: areaCode,
      receipt: detail.inquiry?.receiptNumber ?? null,
      ...attempt,
    },
    language,
  );
  return { language, text };
}

/** The attempt under way: the number to dial, the voicemail script, the outcome. */
function AttemptForm({ detail, numberIndex, onNumber, error, onRecord, onCancel }: AttemptFormProps) {
  const t = useT();
  const policy = usePolicy();
  const { phones, suggested } = detail.numbers;
  const [outcome, setOutcome] = useState<AttemptOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<ProposedAttempt | null>(null);
  const propose = useCallback((p: ProposedAttempt | null) => {
    setProposal(p);
    if (p) setOutcome(p.choices[0] ?? null);
  }, []);
  // Outside the customer's hours the call needs a deliberate step: off by default, with what they asked for.
  const [asked, setAsked] = useState(false);
  const [askedNote, setAskedNote] = useState('');
  const phone = phones[numberIndex];
  const outsideHours = phone !== undefined && !phone.callable;
  const voicemail = voicemailFor(detail, policy.callerIdAreaCode, t.worklist.noName);
  // One object while the note is unchanged, so the dial check is not asked again each render.
  const exception = useMemo(
    () => (outsideHours && asked ? { kind: 'customer-request' as const, note: askedNote } : null),
    [outsideHours, asked, askedNote],
  );
  // The dial is checked with the exception once the note is long enough to be one.
  const dialException = exception && exception.note.trim().length >= EXCEPTION_NOTE_MIN ? exception : null;
  const submit = async () => {
    if (!phone || !outcome) return;
    setBusy(true);
    await onRecord(phone, outcome, proposal, exception);
    setBusy(false);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
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
              onChange={() => onNumber(index)}
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
      {outsideHours ? (
        <div className="field" data-testid="customer-asked">
          <label className="choice">
            <input type="checkbox" checked={asked} onChange={(e) => setAsked(e.target.checked)} />
            {t.callback.customerAsked}
          </label>
          {asked ? (
            <>
              <label htmlFor="customer-asked-note">{t.callback.customerAskedNote}</label>
              <textarea
                id="customer-asked-note"
                value={askedNote}
                onChange={(e) => setAskedNote(e.target.value)}
                required
                minLength={EXCEPTION_NOTE_MIN}
                maxLength={EXCEPTION_NOTE_MAX}
              />
            </>
          ) : null}
        </div>
      ) : null}
      {phone ? (
        <DialPanel
          callbackId={detail.callback.id}
          numberDialed={dialString(phone.e164, phone.ext)}
          now={detail.now}
          exception={dialException}
          onProposal={propose}
        />
      ) : null}
      <h3>{t.callback.voicemailTitle}</h3>
      <p>{t.callback.voicemailLanguage(t.languages[voicemail.language])}</p>
      <blockquote className="read-back" data-testid="voicemail-script" lang={voicemail.language}>
        {voicemail.text}
      </blockquote>
      <fieldset>
        <legend>{t.callback.outcome}</legend>
        {proposal ? <p data-testid="outcome-from-call">{t.telephony.fromCall}</p> : null}
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
          {proposal ? t.telephony.confirm : t.callback.recordOutcome}
        </button>
        <button type="button" onClick={onCancel}>
          {t.callback.cancelAttempt}
        </button>
      </div>
    </form>
  );
}
