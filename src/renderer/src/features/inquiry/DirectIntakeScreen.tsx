import { useState, type ReactNode } from 'react';
import { z } from 'zod';
import type { DraftForm } from '../../../../shared/ipc/channels';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { DraftRestoredNote } from '../shell/DraftRestoredNote';
import { useDraft } from '../shell/use-draft';
import { useUnsavedGuard } from '../shell/use-unsaved-guard';
import { callerDraftSchema, checkCaller, EMPTY_CALLER, isEmptyCaller, type CallerDraft } from './caller';
import { CallerFields } from './CallerFields';
import { ReferenceConfirmation, type SavedInquiry } from './ReferenceConfirmation';
import { submitInquiry, type InquirySubmission } from './submit-inquiry';

/** What a direct intake form adds to the caller to make the inquiry (no IVR intent, no script). */
export type IntakeRecord = Omit<InquirySubmission, 'intent' | 'role' | 'script'>;

/**
 * What the screen hands its form: a fresh `key` per caller (and per restored draft),
 * the caller, how to submit, and the draft's side: the form starts from `initial` and
 * reports its input through `onInput` as the agent changes it.
 */
export interface IntakeFormProps<V> {
  key: number;
  caller: CallerDraft;
  /** Saving, or the caller's fields are not complete yet. */
  submitting: boolean;
  submit(record: IntakeRecord): void;
  /** The form's input from a restored draft; undefined: start empty. */
  initial: V | undefined;
  onInput(value: V): void;
}

/** How a form's input is kept as a draft: under which form, read back with which schema, and when it is empty. */
export interface IntakeDraft<V> {
  form: DraftForm;
  schema: z.ZodType<V>;
  isEmpty(value: V): boolean;
}

/**
 * A request taken directly, without walking a script (expedite, appointment): the
 * caller's fields, then the form; one atomic submit; a confirmation with "another
 * caller". `id` names the screen's ids and test ids (`<id>-screen-title`, `<id>-done`).
 * The caller and the form's input are kept as one encrypted draft (issue 13 item 4).
 */
export function DirectIntakeScreen<V>({
  id,
  title,
  doneText,
  showReceipt = true,
  draft: spec,
  form,
}: {
  id: string;
  title: string;
  doneText: string;
  showReceipt?: boolean;
  draft: IntakeDraft<V>;
  form(props: IntakeFormProps<V>): ReactNode;
}) {
  const t = useT();
  const role = useSessionStore((s) => s.session?.user?.role);
  const announce = useUiStore((s) => s.announce);
  const [caller, setCaller] = useState<CallerDraft>(EMPTY_CALLER);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedInquiry | null>(null);
  const [formKey, setFormKey] = useState(0);
  /** The form's input as it last reported it, and what it starts from (a restored draft). */
  const [input, setInput] = useState<V | undefined>(undefined);
  const [initial, setInitial] = useState<V | undefined>(undefined);
  const typed = !isEmptyCaller(caller) || (input !== undefined && !spec.isEmpty(input));
  useUnsavedGuard(!saved && typed);
  const draft = useDraft(
    spec.form,
    { caller, input: input ?? null },
    {
      isEmpty: (v) => isEmptyCaller(v.caller) && (v.input === null || spec.isEmpty(v.input)),
      restore: (stored) => {
        const parsed = z
          .object({ caller: callerDraftSchema, input: spec.schema.nullable() })
          .safeParse(stored);
        if (!parsed.success) return false;
        setCaller(parsed.data.caller);
        setInput(parsed.data.input ?? undefined);
        setInitial(parsed.data.input ?? undefined);
        setFormKey((n) => n + 1);
        return true;
      },
      done: saved !== null,
    },
  );
  /** Empties the screen for the next caller (or after "Discard draft"). */
  const reset = () => {
    setCaller(EMPTY_CALLER);
    setInput(undefined);
    setInitial(undefined);
    setFormKey((n) => n + 1);
  };
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
          reset();
        }}
      />
    );
  }

  return (
    <section aria-labelledby={`${id}-screen-title`}>
      <h1 id={`${id}-screen-title`}>{title}</h1>
      <DraftRestoredNote draft={draft} onDiscard={reset} />
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
      {form({ key: formKey, caller, submitting: saving || !callerOk, submit, initial, onInput: setInput })}
    </section>
  );
}
