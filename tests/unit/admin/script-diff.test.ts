import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffScripts, flattenDocument } from '../../../src/shared/scripts/diff';

const v1 = JSON.parse(readFileSync('resources/scripts/case-status.v1.json', 'utf8')) as Record<
  string,
  unknown
>;

describe('script diff', () => {
  it('flattens a document to one sorted line per value, without recursion', () => {
    expect(flattenDocument({ b: [1, { c: 'x' }], a: true, e: [] })).toEqual([
      'a: true',
      'b.0: 1',
      'b.1.c: "x"',
      'e: []',
    ]);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(flattenDocument(deep)).toHaveLength(1);
  });

  it('pairs a changed value side by side and counts added and removed lines', () => {
    const v2 = structuredClone(v1) as { version: number; steps: Record<string, unknown> };
    v2.version = 2;
    v2.steps['extra'] = { kind: 'say', text: { en: 'New', es: 'Nuevo' }, next: 'resolved' };
    const diff = diffScripts(v1, v2);
    expect(diff.changed).toBe(1);
    expect(diff.rows.find((r) => r.kind === 'changed')).toEqual({
      kind: 'changed',
      before: 'version: 1',
      after: 'version: 2',
    });
    expect(diff.added).toBe(4);
    expect(diff.removed).toBe(0);
  });

  it('with no published version, everything is added', () => {
    const diff = diffScripts(null, v1);
    expect(diff.rows.every((r) => r.kind === 'added')).toBe(true);
    expect(diff.added).toBe(flattenDocument(v1).length);
  });

  it('keeps every line of both sides, in order (property)', () => {
    const doc = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y')),
    );
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const diff = diffScripts(a, b);
        expect(diff.rows.flatMap((r) => (r.before === null ? [] : [r.before]))).toEqual(flattenDocument(a));
        expect(diff.rows.flatMap((r) => (r.after === null ? [] : [r.after]))).toEqual(flattenDocument(b));
      }),
    );
  });
});
