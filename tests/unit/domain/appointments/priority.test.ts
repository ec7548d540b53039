import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_HANDLING_LABELS,
  appointmentPriority,
  compareAppointmentPriority,
} from '../../../../src/shared/domain/appointments';

const T0 = Date.UTC(2025, 2, 3, 14, 0);

describe('appointmentPriority', () => {
  it('puts urgent requests in the individually reviewed band', () => {
    expect(appointmentPriority({ urgent: true }, T0)).toEqual({
      band: 0,
      createdAt: T0,
      handling: 'review-individually',
    });
    expect(appointmentPriority({ urgent: false }, T0)).toEqual({
      band: 1,
      createdAt: T0,
      handling: 'next-available-slot',
    });
    expect(APPOINTMENT_HANDLING_LABELS['next-available-slot'].en).toBe('Queued for the next available slot');
  });

  it('orders a newer urgent request before an older non-urgent one, and older first within a band', () => {
    const list = [
      appointmentPriority({ urgent: false }, T0 + 2),
      appointmentPriority({ urgent: true }, T0 + 3),
      appointmentPriority({ urgent: false }, T0),
      appointmentPriority({ urgent: true }, T0 + 1),
    ].sort(compareAppointmentPriority);
    expect(list.map((p) => [p.band, p.createdAt - T0])).toEqual([
      [0, 1],
      [0, 3],
      [1, 0],
      [1, 2],
    ]);
  });

  it('sorts a non-finite creation time last in its band instead of corrupting the order', () => {
    const bad = appointmentPriority({ urgent: true }, Number.NaN);
    const good = appointmentPriority({ urgent: true }, T0);
    expect(compareAppointmentPriority(bad, good)).toBe(1);
    expect(compareAppointmentPriority(good, bad)).toBe(-1);
    expect(compareAppointmentPriority(appointmentPriority({ urgent: false }, T0), bad)).toBe(1);
  });

  it('property: sorted queue has every urgent request first, each band oldest first', () => {
    const entry = fc.record({
      urgent: fc.boolean(),
      createdAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const sorted = entries
          .map((e) => appointmentPriority(e, e.createdAt))
          .sort(compareAppointmentPriority);
        const firstNonUrgent = sorted.findIndex((p) => p.band === 1);
        if (firstNonUrgent >= 0) expect(sorted.slice(firstNonUrgent).every((p) => p.band === 1)).toBe(true);
        for (let i = 1; i < sorted.length; i += 1) {
          const [prev, cur] = [sorted[i - 1], sorted[i]];
          if (prev && cur && prev.band === cur.band)
            expect(prev.createdAt).toBeLessThanOrEqual(cur.createdAt);
        }
        expect(sorted.filter((p) => p.band === 0)).toHaveLength(entries.filter((e) => e.urgent).length);
      }),
    );
  });
});
