/**
 * The two languages the center works in (PRODUCT.md: the IVR, scripts and callers are
 * English or Spanish). A screen's language is the agent's choice; what is said to a
 * caller follows the caller's. Each maps to one Intl locale, so dates, numbers and
 * plural forms read the way a US English or US Spanish speaker expects.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es-US' };

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'es';
}
