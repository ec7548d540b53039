import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PokeThrottle } from '../../../src/server/sync/poke-throttle';

describe('PokeThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (gapMs = 200) => {
    const sent: { target: string; version: number; admins: boolean; at: number }[] = [];
    const throttle = new PokeThrottle(
      gapMs,
      (target, version, admins) => sent.push({ target, version, admins, at: Date.now() }),
      () => Date.now(),
    );
    return { sent, throttle };
  };

  it('sends a lone change at once', () => {
    const { sent, throttle } = setup();
    throttle.poke('alpha', 7, false);
    expect(sent).toEqual([{ target: 'alpha', version: 7, admins: false, at: Date.now() }]);
  });

  it('folds a burst into one trailing poke with the highest version and the admins flag', () => {
    const { sent, throttle } = setup();
    const start = Date.now();
    throttle.poke('alpha', 1, false);
    for (let v = 2; v <= 50; v++) {
      vi.advanceTimersByTime(3);
      throttle.poke('alpha', v, v === 10);
    }
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(sent.map((s) => [s.version, s.admins, s.at - start])).toEqual([
      [1, false, 0],
      [50, true, 200],
    ]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(2);
  });

  it('keeps teams apart', () => {
    const { sent, throttle } = setup();
    throttle.poke('alpha', 1, false);
    throttle.poke('beta', 2, false);
    throttle.poke('alpha', 3, false);
    expect(sent.map((s) => s.target)).toEqual(['alpha', 'beta']);
    vi.advanceTimersByTime(200);
    expect(sent.map((s) => `${s.target}@${s.version}`)).toEqual(['alpha@1', 'beta@2', 'alpha@3']);
  });

  it('never leaves a change unannounced, and never pokes one target twice within the gap (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ wait: fc.integer({ min: 0, max: 500 }), team: fc.constantFrom('a', 'b') }), {
          minLength: 1,
          maxLength: 60,
        }),
        (steps) => {
          vi.setSystemTime(0);
          const { sent, throttle } = setup(100);
          let version = 0;
          const last = new Map<string, number>();
          for (const step of steps) {
            vi.advanceTimersByTime(step.wait);
            version += 1;
            last.set(step.team, version);
            throttle.poke(step.team, version, false);
          }
          vi.advanceTimersByTime(100);
          for (const [team, v] of last) {
            const mine = sent.filter((s) => s.target === team);
            expect(mine.at(-1)?.version).toBe(v);
            for (let i = 1; i < mine.length; i++)
              expect((mine[i]?.at ?? 0) - (mine[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(100);
          }
          throttle.close();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('close drops a pending poke', () => {
    const { sent, throttle } = setup();
    throttle.poke('alpha', 1, false);
    throttle.poke('alpha', 2, false);
    throttle.close();
    vi.advanceTimersByTime(1_000);
    expect(sent.map((s) => s.version)).toEqual([1]);
  });
});
