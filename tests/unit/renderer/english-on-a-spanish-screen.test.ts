import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/catalog-en';
import { es } from '../../../src/renderer/src/i18n/catalog-es';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { ENGLISH_PHRASES, englishIn } from '../../support/i18n/english-on-a-spanish-screen';

// The checks "a Spanish screen shows no English" (unit rendered screens, every e2e Spanish
// screenshot) rest on this: it must find the catalog's English — fixed sentences and the
// fixed parts of sentence functions, dates, zones — and never Spanish.
describe('English a Spanish screen must not show', () => {
  it('finds an English sentence of the catalog, also inside a longer text', () => {
    expect(englishIn(`Aviso · ${en.expedite.notDecided} · fin`)).toContain(en.expedite.notDecided);
  });

  it("finds the fixed words of a sentence function's output", () => {
    expect(
      englishIn(en.expedite.routingSuggested('IOE', 'the National Benefits Center', 'Field Operations')),
    ).not.toEqual([]);
  });

  it('finds English dates, times and raw zone ids, but not Spanish ones', () => {
    expect(englishIn('Vence Fri, Dec 4')).toContain('Fri');
    expect(englishIn('a las 3:51 PM')).toContain('1 PM');
    expect(englishIn('America/Puerto_Rico')).toContain('America/');
    expect(englishIn('vie, 4 de dic, 3:51 p. m. hora del Atlántico · María · marzo')).toEqual([]);
  });

  it('finds nothing in the Spanish catalog', () => {
    expect(englishIn(`${es.expedite.notDecided}\n${es.expedite.checklist}\n${es.appointment.title}`)).toEqual(
      [],
    );
  });

  it('holds hundreds of phrases of two words or more', () => {
    expect(ENGLISH_PHRASES.length).toBeGreaterThan(300);
    for (const phrase of ENGLISH_PHRASES)
      expect(phrase.match(/\p{L}{2,}/gu)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('an announcement said in English is gone when the screen turns Spanish', () => {
    useUiStore.getState().setLanguage('en');
    useUiStore.getState().announce(en.reports.exported(12));
    useUiStore.getState().setLanguage('es');
    expect(useUiStore.getState().announcement).toBeNull();
  });
});
