import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { scriptSummarySchema } from '../../../../shared/ipc';
import { SERVICE_REQUEST_TYPES } from '../../../../shared/sync/rows';
import {
  answerSpecOf,
  describeProblems,
  isFinished,
  outcomeOf,
  startScript,
  toScriptRecord,
  validateScript,
  type ScriptSession,
} from '../../../../shared/scripts';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { reportPresence } from '../shell/presence';
import { AppointmentForm } from '../appointment/AppointmentForm';
import { appointmentToIpc } from '../appointment/to-ipc';
import { ExpediteChecklist } from '../expedite/ExpediteChecklist';
import { expediteToIpc } from '../expedite/to-ipc';
import { checkCaller, EMPTY_CALLER, type CallerDraft } from './caller';
import { CallerFields } from './CallerFields';
import { ScriptWalker } from './ScriptWalker';
import { submitInquiry, type InquirySubmission } from './submit-inquiry';
import { errorText } from '../../i18n/error-text';

type ScriptSummary = z.infer<typeof scriptSummarySchema>;
type ServiceRequestType = (typeof SERVICE_REQUEST_TYPES)[number];

/**
 * A live inquiry: what the IVR captured and who is calling, then the script walked
 * step by step in the caller's language, then the outcome and whatever it needs
 * (expedite checklist, appointment request, service request), saved in one step.
 */
export function InquiryScreen() {
  const t = useT();
  const role = useSessionStore((s) => s.session?.user?.role);
  const announce = useUiStore((s) => s.announce);
  const uiLanguage = useUiStore((s) => s.language);
  const [scripts, setScripts] = useState<ScriptSummary[] | null>(null);
  const [scriptId, setScriptId] = useState('');
  const [caller, setCaller] = useState<CallerDraft>(EMPTY_CALLER);
  const [intent, setIntent] = useState('');
  const [session, setSession] = useState<ScriptSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [srType, setSrType] = useState<ServiceRequestType>('other');
  const [srDescription, setSrDescription] = useState('');

  useEffect(() => {
    void invoke('scripts.list', {}).then((result) => {
      if (!result.ok) {
        setError(errorText(result.error, t));
        return;
      }
      setScripts(result.value);
      setScriptId((current) => current || result.value[0]?.scriptId || '');
    });
  }, []);

  const problems = checkCaller(caller, t);
  const canStart = scriptId !== '' && Object.keys(problems).length === 0;

  const start = async () => {
    const result = await invoke('scripts.get', { scriptId });
    if (!result.ok) {
      setError(errorText(result.error, t));
      return;
    }
    const script = validateScript(result.value.content);
    if (!script.ok) {
      setError(describeProblems(script.error));
      return;
    }
    setError(null);
    reportPresence('on-call');
    setSession(
      startScript(script.value, {
        language: caller.language,
        ivr: { intent: intent.trim() || null, receiptNumber: caller.receipt.trim() || null },
        customer: { name: caller.name, phone: caller.phone, email: caller.email || null },
      }),
    );
  };

  const save = async (extra: InquirySubmission['extra'] = {}) => {
    if (!session) return;
    const outcome = outcomeOf(session);
    if (!outcome) return;
    const record = toScriptRecord(session);
    const receiptKey = Object.keys(record.answers).find(
      (key) => answerSpecOf(session.script, key)?.type === 'receipt-number',
    );
    const aNumberKey = Object.keys(record.answers).find(
      (key) => answerSpecOf(session.script, key)?.type === 'a-number',
    );
    const receipt = receiptKey ? record.answers[receiptKey] : null;
    const aNumber = aNumberKey ? record.answers[aNumberKey] : null;
    setSaving(true);
    const result = await submitInquiry({
      caller,
      intent: intent.trim() || null,
      topic: session.script.topic,
      role,
      outcome: outcome.outcome,
      urgency: outcome.urgency ?? null,
      script: record,
      receiptFromScript: typeof receipt === 'string' ? receipt : null,
      aNumber: typeof aNumber === 'string' ? aNumber : null,
      extra,
    });
    setSaving(false);
    if (!result.ok) {
      setError(errorText(result.error, t));
      return;
    }
    setError(null);
    setDone(true);
    reportPresence('available');
    announce(t.inquiry.submitted);
  };

  const reset = () => {
    setSession(null);
    setDone(false);
    setCaller(EMPTY_CALLER);
    setIntent('');
    setSrDescription('');
  };

  const errorBox = error ? (
    <p role="alert" className="error-box">
      {error}
    </p>
  ) : null;

  if (done) {
    return (
      <section aria-labelledby="inquiry-title">
        <h1 id="inquiry-title">{t.inquiry.title}</h1>
        <p role="status" className="notice" data-testid="inquiry-done">
          ✔ {t.inquiry.submitted}
        </p>
        <button type="button" className="primary" onClick={reset}>
          {t.inquiry.another}
        </button>
      </section>
    );
  }

  if (!session) {
    return (
      <section aria-labelledby="inquiry-title" className="inquiry-setup">
        <h1 id="inquiry-title">{t.inquiry.title}</h1>
        {errorBox}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (canStart) void start();
          }}
        >
          <div className="field">
            <label htmlFor="inquiry-script">{t.inquiry.chooseScript}</label>
            {scripts && scripts.length === 0 ? <p>{t.inquiry.noScripts}</p> : null}
            <select id="inquiry-script" value={scriptId} onChange={(e) => setScriptId(e.target.value)}>
              {(scripts ?? []).map((s) => (
                <option key={s.scriptId} value={s.scriptId}>
                  {s.title} (v{s.latestVersion})
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t.inquiry.ivr}</legend>
            <div className="field">
              <label htmlFor="inquiry-intent">{t.inquiry.ivrIntent}</label>
              <input id="inquiry-intent" value={intent} onChange={(e) => setIntent(e.target.value)} />
            </div>
          </fieldset>
          <CallerFields
            idPrefix="inquiry-caller"
            caller={caller}
            onChange={setCaller}
            receiptLabel={t.inquiry.ivrReceipt}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={!canStart}>
              {t.inquiry.start}
            </button>
          </div>
        </form>
      </section>
    );
  }

  const outcome = isFinished(session) ? outcomeOf(session) : undefined;
  const language = t.languages[session.language];
  return (
    <section aria-labelledby="inquiry-title" className="inquiry">
      <h1 id="inquiry-title">
        {t.inquiry.title}: {session.script.title[uiLanguage]}
      </h1>
      <p className="field-hint" data-testid="script-version">
        {t.inquiry.scriptVersion(session.script.id, session.script.version)} ·{' '}
        {t.inquiry.answerLanguage(language)}
      </p>
      {errorBox}
      <ScriptWalker session={session} onChange={setSession} />
      {outcome ? (
        <section className="panel outcome" aria-labelledby="outcome-title" data-outcome={outcome.outcome}>
          <h2 id="outcome-title">
            {t.inquiry.outcomeTitle}: {t.inquiry.outcome[outcome.outcome]}
            {outcome.urgency ? ` (${t.urgency[outcome.urgency]})` : ''}
          </h2>
          {outcome.reason ? (
            <p>
              {t.inquiry.tier2Reason}: {t.inquiry.tier2Reasons[outcome.reason]}
            </p>
          ) : null}
          {outcome.link && outcome.channel ? (
            <p>
              {t.inquiry.linkTo[outcome.channel]}: <span className="link-text">{outcome.link}</span>
            </p>
          ) : null}
          {outcome.outcome === 'expedite-intake' ? (
            <ExpediteChecklist
              callerLanguage={session.language}
              initialReceipt={caller.receipt}
              submitting={saving}
              onSubmit={(request, routingSource) =>
                void save({ expedite: expediteToIpc(request, routingSource) })
              }
            />
          ) : outcome.outcome === 'appointment-request' ? (
            <AppointmentForm
              initialUrgent={outcome.urgency === 'urgent'}
              submitting={saving}
              onSubmit={(request) => void save({ appointment: appointmentToIpc(request) })}
            />
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void save(
                  outcome.outcome === 'service-request'
                    ? { serviceRequest: { type: srType, description: srDescription } }
                    : {},
                );
              }}
            >
              {outcome.outcome === 'service-request' ? (
                <>
                  <div className="field">
                    <label htmlFor="sr-type">{t.inquiry.serviceRequestType}</label>
                    <select
                      id="sr-type"
                      value={srType}
                      onChange={(e) => setSrType(e.target.value as ServiceRequestType)}
                    >
                      {SERVICE_REQUEST_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t.inquiry.srTypes[type]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="sr-description">{t.inquiry.serviceRequestDescription}</label>
                    <textarea
                      id="sr-description"
                      value={srDescription}
                      onChange={(e) => setSrDescription(e.target.value)}
                    />
                  </div>
                </>
              ) : null}
              <div className="actions">
                <button
                  type="submit"
                  className="primary"
                  disabled={saving || (outcome.outcome === 'service-request' && srDescription.trim() === '')}
                >
                  {t.inquiry.submit}
                </button>
              </div>
            </form>
          )}
        </section>
      ) : null}
    </section>
  );
}
