import { useState } from 'react';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { checkCaller, EMPTY_CALLER, type CallerDraft } from '../inquiry/caller';
import { CallerFields } from '../inquiry/CallerFields';
import { submitInquiry } from '../inquiry/submit-inquiry';
import { ExpediteChecklist } from './ExpediteChecklist';
import { expediteToIpc } from './to-ipc';
import { errorText } from '../../i18n/error-text';

/** An expedite request taken directly (without walking a script): caller, then the checklist. */
export function ExpediteScreen() {
  const t = useT();
  const role = useSessionStore((s) => s.session?.user?.role);
  const announce = useUiStore((s) => s.announce);
  const [caller, setCaller] = useState<CallerDraft>(EMPTY_CALLER);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [form, setForm] = useState(0);
  const problems = checkCaller(caller, t);
  const callerOk = Object.keys(problems).length === 0;

  return (
    <section aria-labelledby="expedite-screen-title">
      <h1 id="expedite-screen-title">{t.expedite.title}</h1>
      {done ? (
        <>
          <p role="status" className="notice" data-testid="expedite-done">
            ✔ {t.expedite.recorded}
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setDone(false);
              setCaller(EMPTY_CALLER);
              setForm((n) => n + 1);
            }}
          >
            {t.inquiry.another}
          </button>
        </>
      ) : (
        <>
          <CallerFields idPrefix="expedite-caller" caller={caller} onChange={setCaller} showReceipt={false} />
          {error ? (
            <p role="alert" className="error-box">
              {error}
            </p>
          ) : null}
          <ExpediteChecklist
            key={form}
            callerLanguage={caller.language}
            submitting={saving || !callerOk}
            onSubmit={(request, routingSource) => {
              setSaving(true);
              void submitInquiry({
                caller: { ...caller, receipt: request.receiptNumber ?? caller.receipt },
                intent: null,
                topic: t.expedite.title,
                role,
                outcome: 'expedite-intake',
                urgency: null,
                script: null,
                extra: { expedite: expediteToIpc(request, routingSource) },
              }).then((result) => {
                setSaving(false);
                if (!result.ok) setError(errorText(result.error, t));
                else {
                  setError(null);
                  setDone(true);
                  announce(t.expedite.recorded);
                }
              });
            }}
          />
        </>
      )}
    </section>
  );
}
