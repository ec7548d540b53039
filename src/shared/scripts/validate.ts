/**
 * Checks a script document before it is published or walked: the schema, then the
 * whole-document rules a schema cannot express. Every problem is reported at once,
 * with the step it is in, so an author fixes a script in one pass.
 *
 * Reachability and dead ends are judged only once every step parses and every
 * target exists: a broken step or a missing target would otherwise make half of
 * the script look unreachable and bury the real problem.
 */
import type { z } from 'zod';
import type { Result } from '../domain/result';
import { canReachAny, reachableFrom, targetsOf } from './graph';
import { URGENT_APPOINTMENT_REASONS } from '../domain/appointments/urgent-reasons';
import type { AnswerSpec, Carry, Condition, Next, Script, Step } from './schema';
import { CONTEXT_FIELD_TYPES, scriptSchema, scriptShellSchema, stepIdSchema, stepSchema } from './schema';
import { hasStrayBraces, isKnownPlaceholder, placeholdersIn, textsOfStep } from './texts';
import type { LocatedText } from './texts';

/** The choice a script offers for "no urgent reason" (the appointment is then not urgent). */
export const NO_URGENT_REASON = 'none';

export const SCRIPT_PROBLEM_CODES = [
  'invalid-json',
  'schema',
  'unknown-target',
  'unreachable',
  'dead-end',
  'missing-translation',
  'translation-mismatch',
  'unknown-answer',
  'unknown-choice',
  'branch-type-mismatch',
  'duplicate-answer-key',
  'unknown-placeholder',
  'prefill-mismatch',
] as const;
export type ScriptProblemCode = (typeof SCRIPT_PROBLEM_CODES)[number];

export interface ScriptProblem {
  code: ScriptProblemCode;
  /** The step the problem is in; absent for script-level problems (id, title, start…). */
  stepId?: string;
  /** Dotted path inside the document, e.g. `steps.ask-receipt.next.branches.0.next`. */
  path: string;
  /** A sentence an author can act on, naming the step. */
  message: string;
}

export function validateScript(doc: unknown): Result<Script, ScriptProblem[]> {
  const problems: ScriptProblem[] = [];
  const shell = scriptShellSchema.safeParse(doc);
  if (!shell.success) problems.push(...fromZod(shell.error.issues, []));

  const rawSteps = rawStepsOf(doc);
  const steps = new Map<string, Step>();
  for (const [id, raw] of Object.entries(rawSteps)) {
    const idCheck = stepIdSchema.safeParse(id);
    if (!idCheck.success) problems.push(...fromZod(idCheck.error.issues, ['steps', id]).map(asStepIdProblem));
    const parsed = stepSchema.safeParse(raw);
    if (parsed.success) steps.set(id, parsed.data);
    else problems.push(...fromZod(parsed.error.issues, ['steps', id]));
  }
  const allIds = new Set(Object.keys(rawSteps));
  const start = isRecord(doc) && typeof doc.start === 'string' ? doc.start : undefined;

  if (shell.success) {
    problems.push(...translationProblems({ field: 'title', text: shell.data.title, fillable: false }));
    problems.push(...translationProblems({ field: 'topic', text: shell.data.topic, fillable: false }));
  }
  if (start !== undefined && !allIds.has(start)) {
    problems.push({
      code: 'unknown-target',
      path: 'start',
      message: `the script starts at step "${start}", which does not exist`,
    });
  }

  const specs = answerSpecsOf(steps, problems);
  for (const [id, step] of steps) problems.push(...stepProblems(id, step, allIds, specs));

  const graphIsWhole =
    start !== undefined && problems.every((p) => p.code !== 'schema' && p.code !== 'unknown-target');
  if (graphIsWhole) problems.push(...reachabilityProblems(start, steps));

  if (problems.length > 0) return { ok: false, error: problems };
  // Everything above passed, so this parse succeeds; it also applies defaults.
  const full = scriptSchema.safeParse(doc);
  if (!full.success) return { ok: false, error: fromZod(full.error.issues, []) };
  return { ok: true, value: full.data };
}

/** Formats problems one per line, for logs and the publish endpoint's error body. */
export function describeProblems(problems: readonly ScriptProblem[]): string {
  return problems.map((p) => `${p.code} at ${p.path}: ${p.message}`).join('\n');
}

function rawStepsOf(doc: unknown): Record<string, unknown> {
  if (!isRecord(doc) || !isRecord(doc.steps)) return {};
  return doc.steps;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromZod(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): ScriptProblem[] {
  return issues.map((issue) => {
    const full = [...prefix, ...issue.path].map(String);
    const stepId = full[0] === 'steps' && full.length > 1 ? full[1] : undefined;
    const path = full.join('.') || '(document)';
    const where = stepId !== undefined ? `step "${stepId}": ` : '';
    const field = full.slice(stepId !== undefined ? 2 : 0).join('.');
    return {
      code: 'schema' as const,
      ...(stepId !== undefined ? { stepId } : {}),
      path,
      message: `${where}${field ? `${field}: ` : ''}${issue.message}`,
    };
  });
}

function asStepIdProblem(p: ScriptProblem): ScriptProblem {
  return { ...p, message: `step id "${p.stepId}": ${p.message.replace(/^step "[^"]*": /, '')}` };
}

interface KeyedSpec {
  stepId: string;
  spec: AnswerSpec;
}

function answerSpecsOf(steps: ReadonlyMap<string, Step>, problems: ScriptProblem[]): Map<string, KeyedSpec> {
  const specs = new Map<string, KeyedSpec>();
  for (const [stepId, step] of steps) {
    if (step.kind !== 'question') continue;
    const first = specs.get(step.answer.key);
    if (first) {
      problems.push({
        code: 'duplicate-answer-key',
        stepId,
        path: `steps.${stepId}.answer.key`,
        message: `step "${stepId}": answer key "${step.answer.key}" is already used by step "${first.stepId}"; each question needs its own key`,
      });
      continue;
    }
    specs.set(step.answer.key, { stepId, spec: step.answer });
  }
  return specs;
}

function stepProblems(
  id: string,
  step: Step,
  allIds: ReadonlySet<string>,
  specs: ReadonlyMap<string, KeyedSpec>,
): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const base = `steps.${id}`;
  if (step.kind !== 'outcome') problems.push(...nextProblems(id, step.next, allIds, specs));

  const answerKeys = new Set(specs.keys());
  for (const located of textsOfStep(step)) {
    problems.push(...translationProblems(located, id));
    if (located.fillable) problems.push(...placeholderProblems(id, located, answerKeys));
  }

  if (step.kind === 'outcome' && step.carry) problems.push(...carryProblems(id, step.carry, specs));

  if (step.kind === 'question' && step.answer.prefillFrom) {
    const fits = CONTEXT_FIELD_TYPES[step.answer.prefillFrom];
    if (fits !== step.answer.type) {
      problems.push({
        code: 'prefill-mismatch',
        stepId: id,
        path: `${base}.answer.prefillFrom`,
        message: `step "${id}": ${step.answer.prefillFrom} can prefill a ${fits} question, not a ${step.answer.type} one`,
      });
    }
  }
  return problems;
}

/** Carried answers must exist; the urgent reason must be a choice among the appointment reasons. */
function carryProblems(id: string, carry: Carry, specs: ReadonlyMap<string, KeyedSpec>): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  for (const field of ['urgentReason', 'explanation'] as const) {
    const key = carry[field];
    if (key === undefined) continue;
    const path = `steps.${id}.carry.${field}`;
    const keyed = specs.get(key);
    if (!keyed) {
      problems.push({
        code: 'unknown-answer',
        stepId: id,
        path,
        message: `step "${id}" carries answer "${key}" forward, which no question asks`,
      });
      continue;
    }
    const { spec } = keyed;
    if (field === 'explanation' && spec.type !== 'text') {
      problems.push({
        code: 'prefill-mismatch',
        stepId: id,
        path,
        message: `step "${id}": an explanation is carried from a text answer, and "${key}" is a ${spec.type} answer`,
      });
    }
    if (field === 'urgentReason') {
      const reasons = new Set<string>([...URGENT_APPOINTMENT_REASONS, NO_URGENT_REASON]);
      const odd = spec.type !== 'choice' ? [] : (spec.choices ?? []).filter((c) => !reasons.has(c.value));
      if (spec.type !== 'choice' || odd.length > 0) {
        problems.push({
          code: 'prefill-mismatch',
          stepId: id,
          path,
          message: `step "${id}": the urgent reason is carried from a choice among ${[...reasons].join(', ')}; "${key}" ${spec.type !== 'choice' ? `is a ${spec.type} answer` : `also offers ${odd.map((c) => c.value).join(', ')}`}`,
        });
      }
    }
  }
  return problems;
}

function nextProblems(
  id: string,
  next: Next,
  allIds: ReadonlySet<string>,
  specs: ReadonlyMap<string, KeyedSpec>,
): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const base = `steps.${id}.next`;
  const target = (stepId: string, path: string): void => {
    if (!allIds.has(stepId)) {
      problems.push({
        code: 'unknown-target',
        stepId: id,
        path,
        message: `step "${id}" goes to step "${stepId}", which does not exist`,
      });
    }
  };
  if (typeof next === 'string') {
    target(next, base);
    return problems;
  }
  next.branches.forEach((branch, i) => {
    target(branch.next, `${base}.branches.${i}.next`);
    problems.push(...conditionProblems(id, branch.when, `${base}.branches.${i}.when`, specs));
  });
  target(next.otherwise, `${base}.otherwise`);
  return problems;
}

function conditionProblems(
  id: string,
  when: Condition,
  path: string,
  specs: ReadonlyMap<string, KeyedSpec>,
): ScriptProblem[] {
  const keyed = specs.get(when.answer);
  if (!keyed) {
    return [
      {
        code: 'unknown-answer',
        stepId: id,
        path: `${path}.answer`,
        message: `step "${id}" branches on answer "${when.answer}", which no question asks`,
      },
    ];
  }
  const { spec } = keyed;
  const mismatch = (message: string): ScriptProblem[] => [
    { code: 'branch-type-mismatch', stepId: id, path, message: `step "${id}": ${message}` },
  ];
  if (spec.type === 'yes-no') {
    if (when.in !== undefined)
      return mismatch(`"${when.answer}" is a yes/no answer; test it with equals true or false`);
    if (when.equals !== undefined && typeof when.equals !== 'boolean') {
      return mismatch(
        `"${when.answer}" is a yes/no answer; compare it with true or false, not "${when.equals}"`,
      );
    }
    return [];
  }
  if (typeof when.equals === 'boolean') {
    return mismatch(
      `"${when.answer}" is a ${spec.type} answer; only yes/no answers compare with true or false`,
    );
  }
  if (spec.type !== 'choice') return [];
  const known = new Set((spec.choices ?? []).map((c) => c.value));
  const tested = when.equals !== undefined ? [when.equals] : (when.in ?? []);
  return tested
    .filter((v) => !known.has(v))
    .map((v) => ({
      code: 'unknown-choice' as const,
      stepId: id,
      path,
      message: `step "${id}" branches on "${when.answer}" = "${v}", which is not one of its choices (${[...known].join(', ')})`,
    }));
}

function translationProblems(located: LocatedText, stepId?: string): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const base = stepId !== undefined ? `steps.${stepId}.${located.field}` : located.field;
  const where = stepId !== undefined ? `step "${stepId}" ${located.field}` : located.field;
  const missing = (['en', 'es'] as const).filter((lang) => located.text[lang].trim() === '');
  for (const lang of missing) {
    problems.push({
      code: 'missing-translation',
      ...(stepId !== undefined ? { stepId } : {}),
      path: `${base}.${lang}`,
      message: `${where} has no ${lang === 'en' ? 'English' : 'Spanish'} text`,
    });
  }
  if (missing.length === 0 && located.fillable) {
    const en = [...new Set(placeholdersIn(located.text.en))].sort();
    const es = [...new Set(placeholdersIn(located.text.es))].sort();
    if (en.join('|') !== es.join('|')) {
      problems.push({
        code: 'translation-mismatch',
        ...(stepId !== undefined ? { stepId } : {}),
        path: base,
        message: `${where}: the English text uses {{${en.join('}}, {{')}}} but the Spanish uses {{${es.join('}}, {{')}}}; both must mention the same details`,
      });
    }
  }
  return problems;
}

function placeholderProblems(
  id: string,
  located: LocatedText,
  answerKeys: ReadonlySet<string>,
): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  for (const lang of ['en', 'es'] as const) {
    const text = located.text[lang];
    const path = `steps.${id}.${located.field}.${lang}`;
    for (const name of new Set(placeholdersIn(text))) {
      if (!isKnownPlaceholder(name, answerKeys)) {
        problems.push({
          code: 'unknown-placeholder',
          stepId: id,
          path,
          message: `step "${id}" ${located.field} (${lang}) mentions {{${name}}}, which is neither a customer/IVR field nor an answer of this script`,
        });
      }
    }
    if (hasStrayBraces(text)) {
      problems.push({
        code: 'unknown-placeholder',
        stepId: id,
        path,
        message: `step "${id}" ${located.field} (${lang}) has an unclosed {{ or a stray }}`,
      });
    }
  }
  return problems;
}

function reachabilityProblems(start: string, steps: ReadonlyMap<string, Step>): ScriptProblem[] {
  const edges = new Map([...steps].map(([id, step]) => [id, targetsOf(step)] as const));
  const reachable = reachableFrom(start, edges);
  const outcomes = [...steps].filter(([, s]) => s.kind === 'outcome').map(([id]) => id);
  const canFinish = canReachAny(outcomes, edges);
  const problems: ScriptProblem[] = [];
  for (const [id, step] of steps) {
    if (!reachable.has(id)) {
      problems.push({
        code: 'unreachable',
        stepId: id,
        path: `steps.${id}`,
        message: `step "${id}" can never be reached from the start step "${start}"`,
      });
    } else if (step.kind !== 'outcome' && !canFinish.has(id)) {
      problems.push({
        code: 'dead-end',
        stepId: id,
        path: `steps.${id}`,
        message: `step "${id}" never leads to an outcome: every way forward loops back without an exit`,
      });
    }
  }
  return problems;
}
