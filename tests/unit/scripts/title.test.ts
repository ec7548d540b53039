import { describe, expect, it } from 'vitest';
import { scriptTitleOf } from '../../../src/shared/scripts';

describe('scriptTitleOf', () => {
  it('gives both sides of a bilingual title', () => {
    expect(scriptTitleOf({ title: { en: 'Case status', es: 'Estado del caso' } }, 'case-status')).toEqual({
      en: 'Case status',
      es: 'Estado del caso',
    });
  });

  it('fills a missing side from the other, then from the id, never leaving an entry empty', () => {
    expect(scriptTitleOf({ title: { en: 'Case status', es: ' ' } }, 'x')).toEqual({
      en: 'Case status',
      es: 'Case status',
    });
    expect(scriptTitleOf({ title: { es: 'Estado' } }, 'x')).toEqual({ en: 'Estado', es: 'Estado' });
    expect(scriptTitleOf({ title: 'Case status' }, 'case-status')).toEqual({
      en: 'case-status',
      es: 'case-status',
    });
    expect(scriptTitleOf(null, 'case-status')).toEqual({ en: 'case-status', es: 'case-status' });
  });
});
