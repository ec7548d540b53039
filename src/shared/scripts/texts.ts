/**
 * Where text lives in a script, and the `{{placeholder}}` syntax inside it. Shared by
 * the validator (translations, unknown placeholders) and the interpreter (filling).
 */
import type { Bilingual, Step } from './schema';
import { CONTEXT_FIELDS } from './schema';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names used in `{{…}}` in a text, in order, with repeats. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Text left with a stray `{{` or `}}` once every well-formed placeholder is taken out. */
export function hasStrayBraces(text: string): boolean {
  const rest = text.replace(PLACEHOLDER, '');
  return rest.includes('{{') || rest.includes('}}');
}

/** Replaces every placeholder with what `lookup` returns for its name. */
export function replacePlaceholders(text: string, lookup: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => lookup(name));
}

const ANSWER_PREFIX = 'answers.';

/** A placeholder is a context field or `answers.<key>` of a question in the script. */
export function isKnownPlaceholder(name: string, answerKeys: ReadonlySet<string>): boolean {
  if ((CONTEXT_FIELDS as readonly string[]).includes(name)) return true;
  return name.startsWith(ANSWER_PREFIX) && answerKeys.has(name.slice(ANSWER_PREFIX.length));
}

export function answerKeyOfPlaceholder(name: string): string | undefined {
  return name.startsWith(ANSWER_PREFIX) ? name.slice(ANSWER_PREFIX.length) : undefined;
}

export interface LocatedText {
  /** Field path inside the step (or script), e.g. `prompt` or `answer.choices.1.label`. */
  field: string;
  text: Bilingual;
  /** Whether placeholders are filled in this text (choice labels and titles are fixed). */
  fillable: boolean;
}

/** Every bilingual text of one step. */
export function textsOfStep(step: Step): LocatedText[] {
  const texts: LocatedText[] = [];
  if (step.kind === 'say') texts.push({ field: 'text', text: step.text, fillable: true });
  if (step.kind === 'question') {
    texts.push({ field: 'prompt', text: step.prompt, fillable: true });
    (step.answer.choices ?? []).forEach((c, i) =>
      texts.push({ field: `answer.choices.${i}.label`, text: c.label, fillable: false }),
    );
  }
  if (step.kind === 'outcome') texts.push({ field: 'note', text: step.note, fillable: true });
  if (step.kind !== 'outcome' && step.hint) texts.push({ field: 'hint', text: step.hint, fillable: true });
  return texts;
}
