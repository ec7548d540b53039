/**
 * Walks a validated script one step at a time. Pure and immutable: every function
 * takes a session and returns a new one (or a typed error), so the renderer can keep
 * the session in a store, undo by keeping the old value, and persist it as JSON.
 *
 * Back and forward: going back remembers the steps left behind (`ahead`), and their
 * answers stay. Going forward again along the same way keeps them; when an answer
 * sends the walk down a different branch, the answers given on the abandoned steps
 * are dropped (a value the IVR or the customer record supplied comes back as a
 * prefill), so an inquiry never records answers from a path it did not take.
 */
import { err, ok } from '../domain/result';
import type { Result } from '../domain/result';
import type { Language } from '../sync/rows/common';
import type { AnswerValue } from './answers';
import { checkAnswer, formatAnswer } from './answers';
import type {
  AnswerSpec,
  Bilingual,
  ContextField,
  LinkChannel,
  Next,
  OutcomeStep,
  QuestionStep,
  Script,
  Step,
  Tier2Reason,
} from './schema';
import { answerKeyOfPlaceholder, replacePlaceholders } from './texts';
import type { InquiryOutcome } from '../sync/rows/inquiry';
import type { Urgency } from '../domain/sla';
import { formatUsPhone } from '../domain/phones';

/** What the IVR captured (PRODUCT.md rule 10); the language is passed separately. */
export interface ScriptIvrContext {
  intent?: string | null;
  receiptNumber?: string | null;
}

/** Customer details a script may mention or prefill. */
export interface ScriptCustomer {
  name?: string | null;
  aNumber?: string | null;
  email?: string | null;
  /** E.164 (`+12025550143`) or any form parseUsPhone accepts. */
  phone?: string | null;
}

export interface StartOptions {
  /** The caller's language: every text renders in it. */
  language: Language;
  ivr?: ScriptIvrContext | null;
  customer?: ScriptCustomer | null;
}

export interface ScriptSession {
  readonly script: Script;
  readonly language: Language;
  readonly ivr: ScriptIvrContext | null;
  readonly customer: ScriptCustomer | null;
  /** The step on screen. */
  readonly stepId: string;
  /** Steps walked before this one, oldest first. */
  readonly history: readonly string[];
  /** Steps left by going back, nearest first: `next` along the same way re-enters them. */
  readonly ahead: readonly string[];
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** Answer keys whose value came from the IVR or customer record and has not been edited. */
  readonly prefilled: readonly string[];
}

export interface ScriptOutcome {
  stepId: string;
  outcome: InquiryOutcome;
  urgency?: Urgency;
  reason?: Tier2Reason;
  channel?: LinkChannel;
  link?: string;
  /** The service request's type, when the script's path says it. */
  serviceRequestType?: OutcomeStep['serviceRequestType'];
  /** Answers the form after the script starts from (carry): the agent does not ask twice. */
  carried: { urgentReason?: string; explanation?: string };
  /** What to tell the caller, in the caller's language, placeholders filled. */
  note: string;
}

export interface ScriptProgress {
  /** 1-based position of the current step on the walked path. */
  step: number;
  /** Steps on the path from start to an outcome as far as the answers so far tell. */
  of: number;
  /** True when a branch ahead depends on a question not answered yet, so `of` may change. */
  approximate: boolean;
}

/** The part of a session an inquiry stores (matches sync/rows/inquiry scriptProgressSchema). */
export interface ScriptRecord {
  scriptId: string;
  scriptVersion: number;
  answers: Record<string, AnswerValue>;
}

export function startScript(script: Script, options: StartOptions): ScriptSession {
  const base: ScriptSession = {
    script,
    language: options.language,
    ivr: options.ivr ?? null,
    customer: options.customer ?? null,
    stepId: script.start,
    history: [],
    ahead: [],
    answers: {},
    prefilled: [],
  };
  const questions = Object.values(script.steps).filter((s): s is QuestionStep => s.kind === 'question');
  return prefill(base, questions);
}

export function currentStep(session: ScriptSession): Step {
  return stepOf(session, session.stepId);
}

export function isFinished(session: ScriptSession): boolean {
  return currentStep(session).kind === 'outcome';
}

export function canGoBack(session: ScriptSession): boolean {
  return session.history.length > 0;
}

/** The stored answer of the current question (undefined when not answered yet). */
export function currentAnswer(session: ScriptSession): AnswerValue | undefined {
  const step = currentStep(session);
  return step.kind === 'question' ? session.answers[step.answer.key] : undefined;
}

/**
 * Records the answer to the current question, normalized; does not move on.
 * `inputLanguage`: the screen language it was typed in (dates: 11/02 vs 02/11).
 */
export function answer(
  session: ScriptSession,
  value: unknown,
  inputLanguage: Language = 'en',
): Result<ScriptSession> {
  const step = currentStep(session);
  if (step.kind !== 'question') {
    return err('script.not_a_question', 'this step asks nothing; go on to the next step');
  }
  const checked = checkAnswer(step.answer, value, inputLanguage);
  if (!checked.ok) return checked;
  const key = step.answer.key;
  return ok({
    ...session,
    answers: { ...session.answers, [key]: checked.value },
    prefilled: session.prefilled.filter((k) => k !== key),
  });
}

/** Moves to the following step, taking the first branch whose condition holds. */
export function next(session: ScriptSession): Result<ScriptSession> {
  const step = currentStep(session);
  if (step.kind === 'outcome') {
    return err('script.finished', 'this is the end of the script; record the outcome or go back');
  }
  let answers = session.answers;
  if (step.kind === 'question') {
    const given = answers[step.answer.key];
    if (given === undefined || given === null) {
      if (step.answer.required) {
        return err('answer.required', 'answer this question before going on');
      }
      answers = { ...answers, [step.answer.key]: null };
    }
  }
  const target = resolveNext(step.next, answers).target;
  const moved: ScriptSession = {
    ...session,
    answers,
    stepId: target,
    history: [...session.history, session.stepId],
  };
  if (session.ahead[0] === target) return ok({ ...moved, ahead: session.ahead.slice(1) });
  return ok(abandon(moved, session.ahead));
}

/** Returns to the previous step; answers given so far stay. */
export function back(session: ScriptSession): Result<ScriptSession> {
  const previous = session.history[session.history.length - 1];
  if (previous === undefined)
    return err('script.at_start', 'this is the first step; there is nothing before it');
  return ok({
    ...session,
    stepId: previous,
    history: session.history.slice(0, -1),
    ahead: [session.stepId, ...session.ahead],
  });
}

/** The step's main text (say: text, question: prompt, outcome: note) in the caller's language. */
export function renderText(step: Step, session: ScriptSession): string {
  const text = step.kind === 'say' ? step.text : step.kind === 'question' ? step.prompt : step.note;
  return fillText(text, session);
}

/** Any bilingual script text in the caller's language with `{{placeholders}}` filled. */
export function fillText(text: Bilingual, session: ScriptSession): string {
  return replacePlaceholders(
    text[session.language],
    (name) => placeholderValue(name, session) ?? `[${name}]`,
  );
}

export function outcomeOf(session: ScriptSession): ScriptOutcome | undefined {
  const step = currentStep(session);
  if (step.kind !== 'outcome') return undefined;
  return {
    stepId: session.stepId,
    outcome: step.outcome,
    ...pick(step, 'urgency'),
    ...pick(step, 'reason'),
    ...pick(step, 'channel'),
    ...pick(step, 'link'),
    ...(step.serviceRequestType ? { serviceRequestType: step.serviceRequestType } : {}),
    carried: carriedAnswers(step, session),
    note: renderText(step, session),
  };
}

function carriedAnswers(step: OutcomeStep, session: ScriptSession): ScriptOutcome['carried'] {
  const carried: ScriptOutcome['carried'] = {};
  for (const field of ['urgentReason', 'explanation'] as const) {
    const key = step.carry?.[field];
    const value = key === undefined ? undefined : session.answers[key];
    if (typeof value === 'string' && value !== '') carried[field] = value;
  }
  return carried;
}

export function progressOf(session: ScriptSession): ScriptProgress {
  const step = session.history.length + 1;
  let remaining = 0;
  let approximate = false;
  const seen = new Set<string>([session.stepId]);
  let current = currentStep(session);
  while (current.kind !== 'outcome') {
    const resolved = resolveNext(current.next, session.answers);
    approximate ||= resolved.guessed;
    // A loop on the predicted way: the count stops here rather than spin.
    if (seen.has(resolved.target)) {
      approximate = true;
      break;
    }
    seen.add(resolved.target);
    remaining += 1;
    current = stepOf(session, resolved.target);
  }
  return { step, of: step + remaining, approximate };
}

/** What the inquiry records: script id, version and the answers on the walked path. */
export function toScriptRecord(session: ScriptSession): ScriptRecord {
  const onPath = new Set([...session.history, session.stepId]);
  const answers: Record<string, AnswerValue> = {};
  for (const id of onPath) {
    const step = stepOf(session, id);
    if (step.kind !== 'question') continue;
    const value = session.answers[step.answer.key];
    if (value !== undefined) answers[step.answer.key] = value;
  }
  return { scriptId: session.script.id, scriptVersion: session.script.version, answers };
}

/** The question a key belongs to, e.g. to show a choice label next to a stored value. */
export function answerSpecOf(script: Script, key: string): AnswerSpec | undefined {
  for (const step of Object.values(script.steps)) {
    if (step.kind === 'question' && step.answer.key === key) return step.answer;
  }
  return undefined;
}

function stepOf(session: ScriptSession, id: string): Step {
  const step = session.script.steps[id];
  // A validated script has every target; this guards a hand-built or corrupted session.
  if (!step) throw new Error(`script ${session.script.id}@${session.script.version} has no step "${id}"`);
  return step;
}

function resolveNext(
  next: Next,
  answers: Readonly<Record<string, AnswerValue>>,
): { target: string; guessed: boolean } {
  if (typeof next === 'string') return { target: next, guessed: false };
  let guessed = false;
  for (const branch of next.branches) {
    const value = answers[branch.when.answer];
    if (value === undefined) guessed = true;
    if (holds(branch.when, value)) return { target: branch.next, guessed };
  }
  return { target: next.otherwise, guessed };
}

function holds(
  when: { equals?: string | boolean; in?: string[]; isSet?: boolean },
  value: AnswerValue | undefined,
): boolean {
  const set = value !== undefined && value !== null;
  if (when.isSet !== undefined) return set === when.isSet;
  if (when.equals !== undefined) return value === when.equals;
  if (when.in !== undefined) return typeof value === 'string' && when.in.includes(value);
  return false;
}

/** Drops answers of steps the walk left for another branch, then prefills them again. */
function abandon(session: ScriptSession, abandoned: readonly string[]): ScriptSession {
  const onPath = new Set([...session.history, session.stepId]);
  const dropped = abandoned
    .filter((id) => !onPath.has(id))
    .map((id) => session.script.steps[id])
    .filter((s): s is QuestionStep => s?.kind === 'question');
  if (dropped.length === 0) return { ...session, ahead: [] };
  const answers = { ...session.answers };
  for (const q of dropped) delete answers[q.answer.key];
  const prefilled = session.prefilled.filter((k) => !dropped.some((q) => q.answer.key === k));
  return prefill({ ...session, ahead: [], answers, prefilled }, dropped);
}

function prefill(session: ScriptSession, questions: readonly QuestionStep[]): ScriptSession {
  const answers = { ...session.answers };
  const prefilled = [...session.prefilled];
  for (const q of questions) {
    if (!q.answer.prefillFrom || answers[q.answer.key] !== undefined) continue;
    const raw = contextValue(q.answer.prefillFrom, session);
    if (raw === undefined) continue;
    // A value the IVR heard wrong is not prefilled: the agent asks instead.
    const checked = checkAnswer(q.answer, raw);
    if (!checked.ok || checked.value === null) continue;
    answers[q.answer.key] = checked.value;
    prefilled.push(q.answer.key);
  }
  return { ...session, answers, prefilled };
}

function contextValue(field: ContextField, session: ScriptSession): string | undefined {
  const value = {
    'ivr.receiptNumber': session.ivr?.receiptNumber,
    'ivr.intent': session.ivr?.intent,
    'customer.name': session.customer?.name,
    'customer.aNumber': session.customer?.aNumber,
    'customer.email': session.customer?.email,
    'customer.phone': session.customer?.phone,
  }[field];
  return value === null || value === undefined || value.trim() === '' ? undefined : value;
}

function placeholderValue(name: string, session: ScriptSession): string | undefined {
  const key = answerKeyOfPlaceholder(name);
  if (key !== undefined) {
    const spec = answerSpecOf(session.script, key);
    const value = session.answers[key];
    if (!spec || value === undefined || value === null) return undefined;
    return formatAnswer(spec, value, session.language);
  }
  const raw = contextValue(name as ContextField, session);
  if (raw !== undefined && name === 'customer.phone' && /^\+1\d{10}$/.test(raw)) return formatUsPhone(raw);
  return raw;
}

function pick<K extends 'urgency' | 'reason' | 'channel' | 'link'>(
  step: OutcomeStep,
  key: K,
): Partial<Pick<OutcomeStep, K>> {
  return step[key] === undefined ? {} : ({ [key]: step[key] } as Partial<Pick<OutcomeStep, K>>);
}
