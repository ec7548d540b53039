import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLA_STATES, slaStateAt, type SlaTransitions } from '../../../src/shared/domain/sla';
import { RiskQueue, type RiskItem } from '../../../src/shared/supervisor/forecast/risk-queue';

const sla = (atRiskFrom: number, dueTodayFrom: number, overdueFrom: number): SlaTransitions => ({
  atRiskFrom,
  attemptsMissFrom: atRiskFrom,
  dueTodayFrom,
  overdueFrom,
  lastWindow: null,
});
const item = (id: string, dueAt: number, t: SlaTransitions): RiskItem => ({ id, dueAt, sla: t });

describe('RiskQueue', () => {
  it('orders by SLA state, then due time, and moves an item up when its state worsens', () => {
    const q = new RiskQueue<RiskItem>();
    q.push(item('late-due-today-at-50', 200, sla(40, 50, 200)), 0);
    q.push(item('early-on-track', 100, sla(90, 95, 100)), 0);
    expect(q.pop(10)?.id).toBe('early-on-track'); // both on track at 10: earlier due first
    q.push(item('early-on-track', 100, sla(90, 95, 100)), 10);
    expect(q.pop(60)?.id).toBe('late-due-today-at-50'); // due today at 60 beats on track
    expect(q.pop(60)?.id).toBe('early-on-track');
    expect(q.pop(60)).toBeUndefined();
    expect(q.size).toBe(0);
  });

  it('pops in the order a full sort by (state at t, due, id) gives, for a clock moving forward (property)', () => {
    const transitions = fc
      .tuple(fc.nat(100), fc.nat(100), fc.nat(100))
      .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(200), transitions), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(20), { minLength: 30, maxLength: 30 }),
        (rows, steps) => {
          const items = rows.map(([due, [r, d, o]], i) => item(`i${i}`, due, sla(r, d, o)));
          const q = new RiskQueue<RiskItem>();
          for (const it of items) q.push(it, 0);
          const left = new Set(items);
          let t = 0;
          for (const step of steps) {
            if (left.size === 0) break;
            t += step;
            const rank = (x: RiskItem) => SLA_STATES.indexOf(slaStateAt(x.sla, t));
            const expected = [...left].sort(
              (a, b) => rank(a) - rank(b) || a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1),
            )[0];
            const got = q.pop(t);
            expect(got).toBe(expected);
            left.delete(got as RiskItem);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
