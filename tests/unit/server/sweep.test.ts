import { afterEach, describe, expect, it, vi } from 'vitest';
import { sweepSockets } from '../../../src/server/sockets/sweep';

describe('sweepSockets', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a rejected or thrown check once per sweep and still checks the other sockets', async () => {
    vi.useFakeTimers();
    const checked: string[] = [];
    const reports: { error: unknown; failedChecks: number }[] = [];
    const refused = new Error('connect ECONNREFUSED (PostgreSQL restarting)');
    const stop = sweepSockets(
      () => ['a', 'b', 'c'],
      (socket) => {
        checked.push(socket);
        if (socket === 'a') return Promise.reject(refused);
        if (socket === 'b') throw new Error('thrown');
        return Promise.resolve();
      },
      1_000,
      (error, failedChecks) => reports.push({ error, failedChecks }),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    stop();
    expect(checked).toEqual(['a', 'b', 'c']);
    expect(reports).toEqual([{ error: refused, failedChecks: 2 }]);
  });

  it('stops checking once stopped', async () => {
    vi.useFakeTimers();
    let checks = 0;
    const stop = sweepSockets(
      () => ['a'],
      () => {
        checks += 1;
      },
      1_000,
      () => undefined,
    );
    await vi.advanceTimersByTimeAsync(2_000);
    stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(checks).toBe(2);
  });
});
