import { isFinished, outcomeOf } from '../../../../shared/scripts';
import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';
import { useUnsavedGuard } from '../shell/use-unsaved-guard';
import { DraftRestoredNote } from '../shell/DraftRestoredNote';
import { CallerRecordPanel } from '../customer/CallerRecordPanel';
import { EMPTY_CALLER } from './caller';
import { InquirySetup } from './InquirySetup';
import { OutcomePanel } from './OutcomePanel';
import { ReferenceConfirmation } from './ReferenceConfirmation';
import { ScriptWalker } from './ScriptWalker';
import { useInquiryFlow } from './use-inquiry-flow';

/**
 * A live inquiry: what the IVR captured and who is calling, then the script walked
 * step by step in the caller's language, then the outcome and whatever it needs
 * (expedite checklist, appointment request, service request), saved in one step.
 */
export function InquiryScreen() {
  const t = useT();
  const uiLanguage = useUiStore((s) => s.language);
  const flow = useInquiryFlow();
  const { session } = flow;
  // A started script or a typed caller is input the agent would lose by leaving.
  useUnsavedGuard(!flow.saved && (session !== null || flow.caller !== EMPTY_CALLER || flow.intent !== ''));

  const draftNotice = <DraftRestoredNote draft={flow.draft} onDiscard={flow.reset} />;

  const errorBox = flow.error ? (
    <p role="alert" className="error-box">
      {flow.error}
    </p>
  ) : null;

  if (flow.saved) {
    return (
      <ReferenceConfirmation
        saved={flow.saved}
        title={t.record.saved.title}
        headingId="inquiry-title"
        doneTestId="inquiry-done"
        onAnother={flow.reset}
      />
    );
  }

  // The caller's record beside the form, once a screen pop (or the agent's choice) named the customer.
  const beside = flow.caller.customerId ? <CallerRecordPanel customerId={flow.caller.customerId} /> : null;

  if (!session) {
    return (
      <div className={beside ? 'inquiry-with-record' : undefined}>
        <section aria-labelledby="inquiry-title" className="inquiry-setup">
          <h1 id="inquiry-title">{t.inquiry.title}</h1>
          {draftNotice}
          {errorBox}
          <InquirySetup
            scripts={flow.choice.scripts}
            scriptId={flow.choice.scriptId}
            intent={flow.intent}
            caller={flow.caller}
            canStart={flow.canStart}
            onScriptId={flow.choice.setScriptId}
            onIntent={flow.setIntent}
            onCaller={flow.setCaller}
            onStart={() => void flow.start()}
          />
        </section>
        {beside}
      </div>
    );
  }

  const outcome = isFinished(session) ? outcomeOf(session) : undefined;
  return (
    <div className={beside ? 'inquiry-with-record' : undefined}>
      <section aria-labelledby="inquiry-title" className="inquiry">
        <h1 id="inquiry-title">
          {t.inquiry.title}: {session.script.title[uiLanguage]}
        </h1>
        <p className="field-hint" data-testid="script-version">
          {t.inquiry.scriptVersion(session.script.id, session.script.version)} ·{' '}
          {t.inquiry.answerLanguage(t.languages[session.language])}
        </p>
        {draftNotice}
        <p data-testid="inquiry-caller">
          {t.telephony.callerLine(flow.caller.name, flow.caller.phone, flow.caller.customerId !== undefined)}
        </p>
        {errorBox}
        <ScriptWalker session={session} onChange={flow.setSession} />
        {outcome ? (
          <OutcomePanel
            outcome={outcome}
            callerLanguage={session.language}
            callerReceipt={flow.caller.receipt}
            saving={flow.saving}
            serviceRequest={flow.serviceRequest}
            onServiceRequest={flow.setServiceRequest}
            onSave={(extra) => void flow.save(extra)}
          />
        ) : null}
      </section>
      {beside}
    </div>
  );
}
