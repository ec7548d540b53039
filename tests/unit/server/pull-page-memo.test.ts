import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PullPageMemo } from '../../../src/server/sync/pull-page-memo';

interface Page {
  rows: string[];
  key: string;
  version: number;
}

const pageOf = (key: string, version: number, size: number): Page => ({
  rows: Array.from({ length: size }, (_, i) => `${key}@${version}#${i}`),
  key,
  version,
});

describe('PullPageMemo', () => {
  it('computes a page once per (key, version) and recomputes when the version moves', () => {
    const memo = new PullPageMemo<Page>();
    let computed = 0;
    const get = (key: string, version: number) =>
      memo.get(key, version, () => {
        computed += 1;
        return pageOf(key, version, 2);
      });
    const first = get('alpha|0|500', 7);
    expect(get('alpha|0|500', 7)).toBe(first);
    expect(computed).toBe(1);
    get('bravo|0|500', 7);
    expect(computed).toBe(2);
    const next = get('alpha|0|500', 8);
    expect(next).not.toBe(first);
    expect(next.version).toBe(8);
    expect(computed).toBe(3);
    // An older version's pages are gone with it.
    expect(memo.size).toBe(1);
  });

  it('holds at most maxRows rows, dropping the oldest page first, and never keeps an oversized page', () => {
    const memo = new PullPageMemo<Page>(10);
    memo.get('a', 1, () => pageOf('a', 1, 4));
    memo.get('b', 1, () => pageOf('b', 1, 4));
    expect(memo.size).toBe(2);
    memo.get('c', 1, () => pageOf('c', 1, 4)); // 5 + 5 + 5 > 10: 'a' goes
    expect(memo.size).toBe(2);
    let recomputed = false;
    memo.get('a', 1, () => {
      recomputed = true;
      return pageOf('a', 1, 4);
    });
    expect(recomputed).toBe(true);
    memo.get('huge', 1, () => pageOf('huge', 1, 50));
    expect(memo.size).toBe(2);
  });

  it('is transparent: every answer equals a fresh computation for its key and version', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), bump: fc.boolean(), size: fc.nat(6) }),
          {
            maxLength: 60,
          },
        ),
        fc.integer({ min: 1, max: 30 }),
        (requests, maxRows) => {
          const memo = new PullPageMemo<Page>(maxRows);
          // The size of a page is a function of (key, version), as the stored data is.
          const sizes = new Map<string, number>();
          let version = 1;
          for (const r of requests) {
            if (r.bump) version += 1;
            const id = `${r.key}@${version}`;
            if (!sizes.has(id)) sizes.set(id, r.size);
            const page = memo.get(r.key, version, () => pageOf(r.key, version, sizes.get(id) ?? 0));
            expect(page).toEqual(pageOf(r.key, version, sizes.get(id) ?? 0));
          }
        },
      ),
    );
  });
});
