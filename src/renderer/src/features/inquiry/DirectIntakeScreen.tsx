import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { useUnsavedGuard } from '../shell/use-unsaved-guard';
import { checkCaller, EMPTY_CALLER, type CallerDraft } from './caller';
import { CallerFields } from './CallerFields';
import { ReferenceConfirmation, type SavedInquiry } from './ReferenceConfirmation';
import { submitInquiry, type InquirySubmission } from './submit-inquiry';

/** What a direct intake form adds to the caller to make the inquiry (no IVR intent, no script). */
export type IntakeRecord = Omit<InquirySubmission, 'intent' | 'role' | 'script'>;

/** What the screen hands its form: a fresh `key` per caller, the caller, and how to submit. */
export interface IntakeFormProps {
  key: number;
  caller: CallerDraft;
  /** Saving, or the caller's fields are not complete yet. */
  submitting: boolean;
  submit(record: IntakeRecord): void;
}

/**
 * A request taken directly, without walking a script (expedite, appointment): the
 * caller's fields, then the form; one atomic submit; a confirmation with "another
 * caller". `id` names the screen's ids and test ids (`<id>-screen-title`, `<id>-done`).
 */
export function DirectIntakeScreen({
  id,
  title,
  doneText,
  showReceipt = true,
  form,
}: {
  id: string;
  title: string;
  doneText: string;
  showReceipt?: boolean;
  form(props: IntakeFormProps): ReactNode;
}) {
  const t = useT();
  const role = useSessionStore((s) => s.session?.user?.role);
  const announce = useUiStore((s) => s.announce);
  const [caller, setCaller] = useState<CallerDraft>(EMPTY_CALLER);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedInquiry | null>(null);
  const [formKey, setFormKey] = useState(0);
  /** Whether anything was typed or chosen in the request form since it was (re)opened. */
  const [touched, setTouched] = useState(false);
  useUnsavedGuard(!saved && (touched || caller !== EMPTY_CALLER));
  const callerOk = Object.keys(checkCaller(caller, t)).length === 0;

  const submit = (record: IntakeRecord) => {
    setSaving(true);
    void submitInquiry({ ...record, intent: null, role, script: null }).then((result) => {
      setSaving(false);
      if (!result.ok) setError(errorText(result.error, t));
      else {
        setError(null);
        setSaved({
          customerId: result.value.customerId,
          callerLanguage: record.caller.language,
          references: result.value.references,
        });
        announce(doneText);
      }
    });
  };

  if (saved) {
    return (
      <ReferenceConfirmation
        saved={saved}
        title={`${title}: ${doneText}`}
        headingId={`${id}-screen-title`}
        doneTestId={`${id}-done`}
        onAnother={() => {
          setSaved(null);
          setCaller(EMPTY_CALLER);
          setTouched(false);
          setFormKey((n) => n + 1);
        }}
      />
    );
  }

  return (
    <section aria-labelledby={`${id}-screen-title`} onChange={() => setTouched(true)}>
      <h1 id={`${id}-screen-title`}>{title}</h1>
      <CallerFields
        idPrefix={`${id}-caller`}
        caller={caller}
        onChange={setCaller}
        showReceipt={showReceipt}
      />
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
      {form({ key: formKey, caller, submitting: saving || !callerOk, submit })}
    </section>
  );
}
