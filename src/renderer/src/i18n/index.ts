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
