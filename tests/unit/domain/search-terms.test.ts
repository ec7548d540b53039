import { describe, expect, it } from 'vitest';
import { searchText, searchWords } from '../../../src/shared/domain/search-terms';

const text = searchText({
  name: 'José García',
  receiptNumber: 'EAC2212345678',
  aNumber: 'A012345678',
  phones: [{ e164: '+17875550112' }, { e164: '+12025550143' }],
});
const finds = (query: string) => {
  const words = searchWords(query);
  return words.length > 0 && words.every((w) => text.includes(w));
};

describe('search', () => {
  it('finds a phone however it is punctuated', () => {
    for (const query of [
      '7875550112',
      '(787) 555-0112',
      '787-555-0112',
      '+1 787 555 0112',
      '17875550112',
      '555-0112',
    ]) {
      expect(finds(query), query).toBe(true);
    }
    expect(searchWords('(787) 555-0112')).toEqual(['7875550112']);
  });

  it('does not match digits spread over two numbers', () => {
    expect(finds('(787) 555-0143')).toBe(false);
  });

  it('finds an A-number however it is written', () => {
    for (const query of ['A012345678', 'A12345678', 'a-012-345-678', 'A 12 345 678']) {
      expect(finds(query), query).toBe(true);
    }
    expect(finds('A99999999')).toBe(false);
  });

  it('finds names without accents and receipt numbers with hyphens', () => {
    expect(finds('garcia jose')).toBe(true);
    expect(finds('EAC-22-123-45678')).toBe(true);
    expect(finds('eac22')).toBe(true);
    expect(searchWords('   ')).toEqual([]);
  });
});
