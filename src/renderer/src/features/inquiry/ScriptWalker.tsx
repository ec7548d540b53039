import { useEffect, useRef, useState } from 'react';
import {
  answer,
  back,
  canGoBack,
  checkAnswer,
  currentAnswer,
  currentStep,
  fillText,
  formatAnswer,
  next,
  progressOf,
  renderText,
  type AnswerSpec,
  type AnswerValue,
  type Bilingual,
  type ScriptSession,
} from '../../../../shared/scripts';
import { formatDateInput } from '../../../../shared/domain/language';
import { parseLocalDate } from '../../../../shared/domain/time/zoned';
import { DateField } from '../../components/DateField';
import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';
import './ScriptWalker.css';
import { errorText } from '../../i18n/error-text';

/** What the input shows for a stored answer (phones and booleans read back as people write them). */
function displayValue(
  spec: AnswerSpec,
  value: AnswerValue | undefined,
  language: 'en' | 'es',
  uiLanguage: 'en' | 'es',
): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return '';
  if (spec.type === 'date') {
    // A stored date is ISO; the agent sees and edits it the screen's way.
    const date = parseLocalDate(value);
    return date ? formatDateInput(date, uiLanguage) : value;
  }
  return spec.type === 'phone' ? formatAnswer(spec, value, language) : value;
}

/** Hints are for the agent, so they follow the screen language (what is said follows the caller's). */
function agentHint(hint: Bilingual, session: ScriptSession, language: 'en' | 'es'): string {
  return fillText({ en: hint[language], es: hint[language] }, session);
}

/**
 * Walks a script one step at a time with the shared interpreter: say / ask / outcome
 * in the caller's language, typed answers checked on every keystroke, branches,
 * Back and Next without losing answers. The session is owned by the caller (`onChange`).
 */
export function ScriptWalker(props: { session: ScriptSession; onChange(session: ScriptSession): void }) {
  // One form per step: its typed text and error start fresh from the stored answer.
  return <StepForm key={props.session.stepId} {...props} />;
}

function StepForm({ session, onChange }: { session: ScriptSession; onChange(session: ScriptSession): void }) {
  const t = useT();
  const uiLanguage = useUiStore((s) => s.language);
  const step = currentStep(session);
  const progress = progressOf(session);
  const spec = step.kind === 'question' ? step.answer : undefined;
  const form = useStepAnswer(session, onChange);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepId = session.stepId;

  // A new step moves focus to its heading, so a screen reader starts reading there.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const heading =
    step.kind === 'say' ? t.inquiry.say : step.kind === 'question' ? t.inquiry.ask : t.inquiry.outcomeTitle;
  return (
    <form
      className="script-step"
      lang={session.language}
      data-step={stepId}
      onSubmit={(e) => {
        e.preventDefault();
        form.goNext();
      }}
    >
      <p className="script-progress">
        {t.inquiry.step(progress.step)} / {progress.approximate ? '~' : ''}
        {progress.of}
      </p>
      <h2 ref={headingRef} tabIndex={-1} className="script-heading">
        {heading}
      </h2>
      {step.kind === 'question' && spec ? (
        <Question session={session} spec={spec} hint={step.hint} form={form} />
      ) : (
        <>
          <p className="script-text script-say">{renderText(step, session)}</p>
          {step.kind === 'say' && step.hint ? (
            <p className="field-hint">{agentHint(step.hint, session, uiLanguage)}</p>
          ) : null}
        </>
      )}
      <div className="actions">
        <button type="button" onClick={form.goBack} disabled={!canGoBack(session)}>
          ← {t.inquiry.back}
        </button>
        {step.kind !== 'outcome' ? (
          <button type="submit" className="primary">
            {t.inquiry.next} →
          </button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * The current step's answer as the agent gives it: typed text checked on every
 * keystroke (and recorded once valid), a picked option recorded at once, Next that
 * refuses an invalid or missing answer, and Back.
 */
function useStepAnswer(session: ScriptSession, onChange: (session: ScriptSession) => void) {
  const t = useT();
  // Typed dates read the screen language's way (02/11/2026 is 2 November on a Spanish screen).
  const uiLanguage = useUiStore((s) => s.language);
  const step = currentStep(session);
  const spec = step.kind === 'question' ? step.answer : undefined;
  const stored = currentAnswer(session);
  const [raw, setRaw] = useState(spec ? displayValue(spec, stored, session.language, uiLanguage) : '');
  const [error, setError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);

  const record = (value: unknown) => {
    const result = answer(session, value, uiLanguage);
    if (result.ok) {
      setError(null);
      onChange(result.value);
    } else setError(errorText(result.error, t));
  };

  const onText = (text: string) => {
    setRaw(text);
    setTouched(true);
    if (!spec) return;
    // Validate as the agent types; an empty optional answer is fine.
    const checked = checkAnswer(spec, text, uiLanguage);
    if (checked.ok) record(text);
    else setError(errorText(checked.error, t));
  };

  const pick = (value: AnswerValue) => {
    setTouched(true);
    record(value);
  };

  const goNext = () => {
    if (spec && spec.type !== 'yes-no' && spec.type !== 'choice') {
      const checked = checkAnswer(spec, raw);
      if (!checked.ok) {
        setTouched(true);
        setError(errorText(checked.error, t));
        return;
      }
    }
    const result = next(session);
    if (result.ok) onChange(result.value);
    else {
      setTouched(true);
      setError(errorText(result.error, t));
    }
  };

  const goBack = () => {
    const result = back(session);
    if (result.ok) onChange(result.value);
  };

  return { stored, raw, error, touched, onText, pick, goNext, goBack };
}

/** A question: its answer control, whether the IVR prefilled it, the agent's hint and the error. */
function Question(props: {
  session: ScriptSession;
  spec: AnswerSpec;
  hint: Bilingual | undefined;
  form: ReturnType<typeof useStepAnswer>;
}) {
  const t = useT();
  const uiLanguage = useUiStore((s) => s.language);
  const { session, spec, form } = props;
  const prompt = renderText(currentStep(session), session);
  const inputId = `answer-${session.stepId}`;
  const errorId = `${inputId}-error`;
  const showError = form.touched && form.error !== null;
  return (
    <>
      {spec.type === 'yes-no' || spec.type === 'choice' ? (
        <ChoiceAnswer
          prompt={prompt}
          session={session}
          spec={spec}
          name={inputId}
          stored={form.stored}
          onPick={form.pick}
        />
      ) : (
        <TextAnswer
          prompt={prompt}
          spec={spec}
          inputId={inputId}
          errorId={errorId}
          raw={form.raw}
          showError={showError}
          onText={form.onText}
        />
      )}
      {session.prefilled.includes(spec.key) ? <p className="field-hint">{t.inquiry.prefilled}</p> : null}
      {props.hint ? <p className="field-hint">{agentHint(props.hint, session, uiLanguage)}</p> : null}
      <p id={errorId} className={showError ? 'field-error' : 'visually-hidden'} aria-live="polite">
        {showError ? form.error : ''}
      </p>
    </>
  );
}

/** A yes/no or choice question: one radio per option, recorded when picked. */
function ChoiceAnswer(props: {
  prompt: string;
  session: ScriptSession;
  spec: AnswerSpec;
  name: string;
  stored: AnswerValue | undefined;
  onPick(value: AnswerValue): void;
}) {
  const t = useT();
  const { session, spec } = props;
  const options =
    spec.type === 'yes-no'
      ? [
          { value: true as AnswerValue, label: t.inquiry.yes },
          { value: false as AnswerValue, label: t.inquiry.no },
        ]
      : (spec.choices ?? []).map((c) => ({
          value: c.value as AnswerValue,
          label: c.label[session.language],
        }));
  return (
    <fieldset>
      <legend className="script-text">{props.prompt}</legend>
      {options.map((option) => (
        <label key={String(option.value)} className="choice">
          <input
            type="radio"
            name={props.name}
            checked={props.stored === option.value}
            onChange={() => props.onPick(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A typed answer: a text area for free text, one line for the rest. */
function TextAnswer(props: {
  prompt: string;
  spec: AnswerSpec;
  inputId: string;
  errorId: string;
  raw: string;
  showError: boolean;
  onText(text: string): void;
}) {
  const { spec, inputId } = props;
  const describedBy = props.showError ? props.errorId : undefined;
  if (spec.type === 'date') {
    return (
      <DateField
        id={inputId}
        label={props.prompt}
        labelClassName="script-text"
        value={props.raw}
        invalid={props.showError}
        {...(describedBy ? { errorId: describedBy } : {})}
        onChange={props.onText}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={inputId} className="script-text">
        {props.prompt}
      </label>
      {spec.type === 'text' ? (
        <textarea
          id={inputId}
          value={props.raw}
          aria-invalid={props.showError}
          aria-describedby={describedBy}
          onChange={(e) => props.onText(e.target.value)}
        />
      ) : (
        <input
          id={inputId}
          value={props.raw}
          autoComplete="off"
          aria-invalid={props.showError}
          aria-describedby={describedBy}
          onChange={(e) => props.onText(e.target.value)}
        />
      )}
    </div>
  );
}
