import { EXPEDITE_CRITERIA, type ExpediteCriterion } from '../../../shared/domain/expedite/criteria';

/**
 * Lookup tables the error sentences use to name things from ids carried in an
 * error's params (the domain sends ids, never English labels, so each language
 * names them its own way).
 */
export const CRITERIA_BY_ID: Readonly<Record<string, ExpediteCriterion>> = Object.fromEntries(
  EXPEDITE_CRITERIA.map((c) => [c.id, c]),
);

/** The labels of the documentation items named by a comma-separated id list, in the given language. */
export function documentationLabels(
  criterion: ExpediteCriterion,
  ids: string,
  language: 'en' | 'es',
): string[] {
  const wanted = new Set(ids.split(','));
  return criterion.documentation.filter((item) => wanted.has(item.id)).map((item) => item.label[language]);
}

/** Federal holiday names (as the calendar spells them) in Spanish; an unknown name is shown as it is. */
export const HOLIDAY_NAMES_ES: Readonly<Record<string, string>> = {
  "New Year's Day": 'Día de Año Nuevo',
  'Birthday of Martin Luther King, Jr.': 'Natalicio de Martin Luther King, Jr.',
  "Washington's Birthday": 'Natalicio de Washington',
  'Memorial Day': 'Día de los Caídos (Memorial Day)',
  'Juneteenth National Independence Day': 'Día Nacional de la Independencia de Juneteenth',
  'Independence Day': 'Día de la Independencia',
  'Labor Day': 'Día del Trabajo',
  'Columbus Day': 'Día de Colón',
  'Veterans Day': 'Día de los Veteranos',
  'Thanksgiving Day': 'Día de Acción de Gracias',
  'Christmas Day': 'Día de Navidad',
};

const regionNames = {
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
  es: new Intl.DisplayNames(['es'], { type: 'region' }),
};

/** A region code (e.g. "MX") as a country name in the language; the code itself when Intl cannot name it. */
export function regionName(code: string, language: 'en' | 'es'): string {
  try {
    return regionNames[language].of(code) ?? code;
  } catch {
    return code;
  }
}
