import { useUiStore } from '../state/ui-store';
import { en, type Messages } from './catalog-en';
import { es } from './catalog-es';

export type UiLanguage = 'en' | 'es';
export type { Messages };

/** The one catalog: every UI string in both languages. */
export const CATALOG: Readonly<Record<UiLanguage, Messages>> = { en, es };

export function messages(language: UiLanguage): Messages {
  return CATALOG[language];
}

/** The catalog in the agent's screen language. */
export function useT(): Messages {
  return CATALOG[useUiStore((s) => s.language)];
}

/** One catalog string in both languages, for data stored once and shown in either (an inquiry's topic). */
export function inBothLanguages(pick: (m: Messages) => string): Record<UiLanguage, string> {
  return { en: pick(CATALOG.en), es: pick(CATALOG.es) };
}

/** Stored text in the screen language: the Spanish side when the data has one, else the English. */
export function textIn(language: UiLanguage, text: { en: string; es?: string | undefined }): string {
  return language === 'es' && text.es ? text.es : text.en;
}
