import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { parseUsPhone, regionOfAreaCode } from '../../../../src/shared/domain/phones/phone-number';

/** What libphonenumber itself says, parsed afresh every time (the unmemoized rule). */
function probed(areaCode: string) {
  const probe = parsePhoneNumberFromString(`+1${areaCode}5550100`);
  return probe?.isValid() ? probe.country : undefined;
}

const areaCode = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));

describe('regionOfAreaCode (memoized per area code)', () => {
  it('answers what a fresh libphonenumber parse answers, asked once or many times', () => {
    fc.assert(
      fc.property(fc.array(areaCode, { minLength: 1, maxLength: 30 }), (codes) => {
        for (const code of [...codes, ...codes]) expect(regionOfAreaCode(code)).toBe(probed(code));
      }),
    );
  });

  it('knows the states, the territories and unassigned codes', () => {
    expect(regionOfAreaCode('202')).toBe('US');
    expect(regionOfAreaCode('787')).toBe('PR');
    expect(regionOfAreaCode('416')).toBe('CA');
    expect(regionOfAreaCode('200')).toBeUndefined();
    // The second answer comes from the memo and must not differ.
    expect(regionOfAreaCode('416')).toBe('CA');
  });

  it('answers odd input without remembering it', () => {
    expect(regionOfAreaCode('')).toBe(probed(''));
    expect(regionOfAreaCode('20')).toBe(probed('20'));
  });

  it('keeps parseUsPhone verdicts per area code the same on repeated calls', () => {
    for (let i = 0; i < 3; i++) {
      expect(parseUsPhone('+14165550143').ok).toBe(false);
      expect(parseUsPhone('+12025550143').ok).toBe(true);
    }
  });
});
