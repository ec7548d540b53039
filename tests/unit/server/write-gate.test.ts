import { describe, expect, it } from 'vitest';
import { WriteGate } from '../../../src/server/storage/postgres/write-gate';

/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WriteGate', () => {
  it('admits up to its concurrency at once and queues the rest in arrival order', async () => {
    const gate = new WriteGate(2);
    const admitted: number[] = [];
    for (let i = 0; i < 5; i++) void gate.enter().then(() => admitted.push(i));
    await settle();
    expect(admitted).toEqual([0, 1]);
    expect(gate.queued).toBe(3);

    gate.leave();
    await settle();
    expect(admitted).toEqual([0, 1, 2]);

    gate.leave();
    gate.leave();
    await settle();
    expect(admitted).toEqual([0, 1, 2, 3, 4]);
    expect(gate.queued).toBe(0);
  });

  it('frees its places once everyone has left, so a later writer enters at once', async () => {
    const gate = new WriteGate(1);
    await gate.enter();
    const later = gate.enter();
    gate.leave();
    await later;
    gate.leave();
    let entered = false;
    void gate.enter().then(() => {
      entered = true;
    });
    await settle();
    expect(entered).toBe(true);
  });

  it('refuses a concurrency below one', () => {
    expect(() => new WriteGate(0)).toThrow(/concurrency of 1 or more/);
  });
});
