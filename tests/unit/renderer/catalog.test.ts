import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/renderer/src/i18n';

/** Walks both catalogs in step: same keys, no empty text, functions answer with text in both. */
function compare(en: unknown, es: unknown, path: string, problems: string[]): void {
  if (typeof en === 'string') {
    if (typeof es !== 'string' || es.trim() === '') problems.push(`${path}: Spanish text missing`);
    return;
  }
  if (typeof en === 'function') {
    if (typeof es !== 'function') problems.push(`${path}: Spanish function missing`);
    return;
  }
  if (en && typeof en === 'object') {
    for (const key of Object.keys(en)) {
      compare(
        (en as Record<string, unknown>)[key],
        (es as Record<string, unknown>)[key],
        `${path}.${key}`,
        problems,
      );
    }
  }
}

describe('UI text catalog', () => {
  it('has every English entry in Spanish too', () => {
    const problems: string[] = [];
    compare(CATALOG.en, CATALOG.es, 'catalog', problems);
    expect(problems).toEqual([]);
  });

  it('formats counts and countdown words in both languages', () => {
    expect(CATALOG.en.worklist.count(1)).toBe('1 callback');
    expect(CATALOG.es.worklist.count(2)).toBe('2 llamadas');
    expect(CATALOG.en.connection.pending(0)).toBe('All changes synced');
    expect(CATALOG.es.connection.pending(3)).toBe('3 cambios en espera de sincronizar');
  });
});
