import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseScriptIndex, parseScriptFile } from '../../../src/shared/scripts';
import type { Script, ScriptSession } from '../../../src/shared/scripts';
import { answer, currentStep, next } from '../../../src/shared/scripts';

export const SCRIPTS_DIR = join(import.meta.dirname, '../../../resources/scripts');

export function scriptFilesOnDisk(): string[] {
  return readdirSync(SCRIPTS_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort();
}

export function indexedScriptFiles(): string[] {
  const index = parseScriptIndex(readFileSync(join(SCRIPTS_DIR, 'index.json'), 'utf8'));
  if (!index.ok) throw new Error(index.error.message);
  return index.value.scripts;
}

export function loadStarterScript(file: string): Script {
  const parsed = parseScriptFile(readFileSync(join(SCRIPTS_DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.map((p) => p.message).join('; ')}`);
  return parsed.value;
}

export function loadStarterScripts(): Script[] {
  return indexedScriptFiles().map(loadStarterScript);
}

/** A valid value for each typed answer, as an agent would type it. */
export const SAMPLE_INPUT = {
  'receipt-number': 'eac-22-123-45678',
  'a-number': 'A12345678',
  phone: '(202) 555-0143',
  date: '2024-03-15',
  text: 'sample answer',
} as const;

/** Every raw value worth trying at the current question: each choice, yes and no, a sample, or empty. */
export function candidateInputs(session: ScriptSession): unknown[] {
  const step = currentStep(session);
  if (step.kind !== 'question') return [];
  const spec = step.answer;
  const values: unknown[] =
    spec.type === 'choice'
      ? (spec.choices ?? []).map((c) => c.value)
      : spec.type === 'yes-no'
        ? [true, false]
        : [SAMPLE_INPUT[spec.type]];
  if (!spec.required) values.push('');
  return values;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Moves on from the current step, answering first when it is a question. */
export function step(session: ScriptSession, input?: unknown): ScriptSession {
  const answered = input === undefined ? session : must(answer(session, input));
  return must(next(answered));
}

/**
 * Walks every answer sequence (depth first, each question tried with every candidate)
 * and returns, for each outcome step reached, one input sequence that reaches it.
 */
export function explorePaths(start: ScriptSession, maxDepth = 60): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  const visit = (session: ScriptSession, inputs: unknown[], depth: number): void => {
    const current = currentStep(session);
    if (current.kind === 'outcome') {
      if (!found.has(session.stepId)) found.set(session.stepId, inputs);
      return;
    }
    if (depth > maxDepth) return;
    if (current.kind === 'say') {
      visit(step(session), [...inputs, undefined], depth + 1);
      return;
    }
    for (const input of candidateInputs(session)) visit(step(session, input), [...inputs, input], depth + 1);
  };
  visit(start, [], 0);
  return found;
}
