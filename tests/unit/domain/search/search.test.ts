import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReference } from '../../../../src/shared/domain/identifiers/reference-number';
import {
  CustomerSearchIndex,
  foldText,
  nameWords,
  readSearchText,
  searchKey,
  sortNameOf,
  type SearchEntry,
} from '../../../../src/shared/domain/search';

describe('reading the search box', () => {
  it('folds case and accents in names', () => {
    expect(foldText('García NÚÑEZ')).toBe('garcia nunez');
    expect(nameWords("María-José O'Brien")).toEqual(['maria', 'jose', 'o', 'brien']);
    expect(readSearchText('  gArCía ')).toEqual({ keys: [], words: ['garcia'] });
  });

  it('reads identifiers written any accepted way into their normalized keys', () => {
    const ref = formatReference({ kind: 'inquiry', desk: 42, seq: 7 });
    expect(readSearchText('A-012-345-678').keys).toEqual([searchKey('a-number', 'A012345678')]);
    expect(readSearchText('a12345678').keys).toEqual([searchKey('a-number', 'A012345678')]);
    expect(readSearchText('012 345 678').keys).toEqual([searchKey('a-number', 'A012345678')]);
    expect(readSearchText('eac-22-123-45678').keys).toEqual([searchKey('receipt', 'EAC2212345678')]);
    expect(readSearchText('(202) 555-0143').keys).toEqual([searchKey('phone', '+12025550143')]);
    expect(readSearchText('+1 202.555.0143').keys).toEqual([searchKey('phone', '+12025550143')]);
    expect(readSearchText(ref.display.toLowerCase()).keys).toEqual([searchKey('reference', ref.canonical)]);
    expect(readSearchText(ref.canonical.replace(/0/g, 'O')).keys).toEqual([
      searchKey('reference', ref.canonical),
    ]);
  });

  it('an empty box searches nothing', () => {
    expect(readSearchText('   ')).toEqual({ keys: [], words: [] });
  });
});

const customer = (id: string, name: string, keys: string[] = []): [string, SearchEntry] => [
  `customers/${id}`,
  { customerId: id, words: nameWords(name), keys, sortName: sortNameOf(name) },
];

describe('the customer search index', () => {
  it('finds by name prefix in any order of words, by name order, and by any identifier of any record', () => {
    const index = new CustomerSearchIndex();
    index.putMany([
      customer('c1', 'Ana García López', [searchKey('a-number', 'A012345678')]),
      customer('c2', 'Álvaro Garcés'),
      customer('c3', 'Bob Smith'),
    ]);
    index.put('inquiries/q1', { customerId: 'c3', words: [], keys: [searchKey('receipt', 'EAC2212345678')] });
    expect(index.search(readSearchText('gar'), 10)).toEqual({ ids: ['c2', 'c1'], total: 2 });
    expect(index.search(readSearchText('lopez ana'), 10).ids).toEqual(['c1']);
    expect(index.search(readSearchText('A-012-345-678'), 10).ids).toEqual(['c1']);
    expect(index.search(readSearchText('EAC 22 123 45678'), 10).ids).toEqual(['c3']);
    expect(index.search(readSearchText('garcia x'), 10).ids).toEqual([]);
    index.delete('inquiries/q1');
    expect(index.search(readSearchText('EAC2212345678'), 10).ids).toEqual([]);
    index.put('customers/c2', customer('c2', 'Alvaro Pérez')[1]);
    expect(index.search(readSearchText('gar'), 10).ids).toEqual(['c1']);
    expect(index.search(readSearchText('perez'), 10).ids).toEqual(['c2']);
  });

  it('keeps an identifier while any record of the customer still has it', () => {
    const index = new CustomerSearchIndex();
    const key = searchKey('receipt', 'EAC2212345678');
    index.put('inquiries/q1', { customerId: 'c1', words: [], keys: [key] });
    index.put('callbacks/b1', { customerId: 'c1', words: [], keys: [key] });
    index.delete('inquiries/q1');
    expect(index.search({ keys: [key], words: [] }, 10).ids).toEqual(['c1']);
  });

  it('answers exactly what a scan of every customer answers, after any puts and deletes (property)', () => {
    const names = fc.array(
      fc.constantFrom('ana', 'anabel', 'bo', 'garcía', 'garces', 'li', 'lina', 'núñez'),
      {
        minLength: 1,
        maxLength: 3,
      },
    );
    const op = fc.oneof(
      fc.record({ put: fc.integer({ min: 0, max: 9 }), name: names, bulk: fc.boolean() }),
      fc.record({ del: fc.integer({ min: 0, max: 9 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 40 }),
        fc.array(fc.constantFrom('a', 'an', 'gar', 'li', 'nu', 'bo'), { maxLength: 2 }),
        (ops, query) => {
          const index = new CustomerSearchIndex();
          const truth = new Map<string, string[]>();
          for (const o of ops) {
            if ('put' in o) {
              const id = `c${o.put}`;
              const entry = customer(id, o.name.join(' '));
              if (o.bulk) index.putMany([entry]);
              else index.put(...entry);
              truth.set(id, nameWords(o.name.join(' ')));
            } else {
              index.delete(`customers/c${o.del}`);
              truth.delete(`c${o.del}`);
            }
          }
          const expected = [...truth]
            .filter(([, words]) => query.length > 0 && query.every((q) => words.some((w) => w.startsWith(q))))
            .map(([id]) => id)
            .sort();
          expect(index.search({ keys: [], words: query }, 100).ids.sort()).toEqual(expected);
        },
      ),
    );
  });
});
