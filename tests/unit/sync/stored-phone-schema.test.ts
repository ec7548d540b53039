import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerPhoneSchema } from '../../../src/shared/domain/phones/customer-phone-schema';
import { PHONE_LABELS, storedPhoneSchema, toCustomerPhone } from '../../../src/shared/sync/rows/customer';

/** Numbers around the edges parseUsPhone cares about: unassigned, N11, 555, premium-rate, territories, 0/1 exchanges. */
const areaCodes = ['200', '202', '212', '305', '411', '555', '787', '900', '911', '684', '999', '123', '312'];
const e164 = fc
  .tuple(fc.constantFrom(...areaCodes), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([area, rest]) => `+1${area}${String(rest).padStart(7, '0')}`);
const clock = fc
  .tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 30, 61))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const phone = fc.record({
  label: fc.constantFrom(...PHONE_LABELS, 'pager'),
  e164: fc.oneof(e164, fc.constantFrom('+44207946000', '2025550143', '+1202555014')),
  ext: fc.oneof(fc.constant(null), fc.constantFrom('12', '12345678901', 'x1')),
  bestTime: fc.oneof(fc.constant(null), fc.record({ start: clock, end: clock })),
  timeZone: fc.option(fc.constantFrom('America/Chicago', 'Mars/Base'), { nil: undefined }),
});

describe('a stored phone is judged once, by the domain rules', () => {
  it('is accepted exactly when its domain form passes customerPhoneSchema', () => {
    fc.assert(
      fc.property(phone, (p) => {
        const domain = customerPhoneSchema.safeParse(toCustomerPhone(p as never, 0)).success;
        const stored = storedPhoneSchema.safeParse(p).success;
        const wellFormed =
          (PHONE_LABELS as readonly string[]).includes(p.label) &&
          (p.ext === null || /^\d{1,10}$/.test(p.ext));
        // The stored form checks the same fields; a bad label or extension fails both in their own way.
        if (wellFormed) expect(stored).toBe(domain);
        else expect(stored).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives the same answer for a number the second time (remembered verdicts), with the reason on e164', () => {
    const bad = { label: 'home', e164: '+12005550123', ext: null, bestTime: null };
    for (let i = 0; i < 3; i++) {
      const result = storedPhoneSchema.safeParse(bad);
      expect(result.error?.issues[0]).toMatchObject({ path: ['e164'] });
      expect(result.error?.issues[0]?.message).toContain('area code 200');
    }
    const good = { ...bad, e164: '+12025550143' };
    for (let i = 0; i < 3; i++) expect(storedPhoneSchema.safeParse(good).success).toBe(true);
  });
});
