import { LOCALES, type Language } from './language';

/**
 * Plural forms by the language's own rules (Intl.PluralRules), so "1 attempt /
 * 2 attempts / 0 attempts" and "1 intento / 0 intentos" never need "attempt(s)".
 * `other` is required (every language has it); `#` stands for the number, written
 * the language's way ("1,234" / "1234").
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Language, Intl.PluralRules>();
const numbers = new Map<Language, Intl.NumberFormat>();

export function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(LOCALES[language]);
    rules.set(language, rule);
  }
  return rule.select(count);
}

export function formatCount(language: Language, count: number): string {
  let format = numbers.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language]);
    numbers.set(language, format);
  }
  return format.format(count);
}

/** The form for `count`, with `#` replaced by the number: plural('en', 2, { one: '# attempt', other: '# attempts' }). */
export function plural(language: Language, count: number, forms: PluralForms): string {
  const form = forms[pluralCategory(language, count)] ?? forms.other;
  return form.replaceAll('#', formatCount(language, count));
}

/** "1 attempt" / "2 attempts" / "1 intento": a number with its noun, by the language's plural rules. */
export function countNoun(language: Language, count: number, one: string, other: string): string {
  return plural(language, count, { one: `# ${one}`, other: `# ${other}` });
}
