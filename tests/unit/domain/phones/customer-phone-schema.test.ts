import { describe, expect, expectTypeOf, it } from 'vitest';
import { customerPhoneSchema } from '../../../../src/shared/domain/phones/customer-phone-schema';
import type { StoredCustomerPhone } from '../../../../src/shared/domain/phones/customer-phone-schema';
import type { CustomerPhone } from '../../../../src/shared/domain/phones/suggest-number';

const valid = {
  id: 'p1',
  label: 'attorney',
  number: '+12025550143',
  extension: '12',
  bestTime: { start: '09:00', end: '11:30' },
  timeZone: 'America/New_York',
};

function issues(input: unknown): string[] {
  const result = customerPhoneSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('customerPhoneSchema', () => {
  it('accepts a stored phone, and the minimal form', () => {
    expect(customerPhoneSchema.parse(valid)).toEqual(valid);
    expect(issues({ id: 'p2', label: 'mobile', number: '+16845550143' })).toEqual([]);
  });

  it('matches the CustomerPhone the suggestion takes', () => {
    expectTypeOf<StoredCustomerPhone>().toExtend<CustomerPhone>();
  });

  it.each([
    [{ number: '(202) 555-0143' }, 'number: expected an E.164 U.S. number, e.g. +12025550143'],
    [{ number: '+14165550143' }, 'number: only U.S. numbers can be dialed: +1 416… is Canada'],
    [{ number: '+11235550143' }, 'number: area code 123 is not an assigned U.S. area code'],
    [{ label: 'fax' }, 'label: '],
    [{ extension: '12a' }, 'extension: an extension is 1–10 digits'],
    [{ timeZone: 'Eastern' }, 'timeZone: not a known IANA time zone, e.g. America/Chicago'],
    [
      { bestTime: { start: '17:00', end: '09:00' } },
      'bestTime: a best-time window must start before it ends',
    ],
    [{ bestTime: { start: '9:00', end: '11:00' } }, 'bestTime.start: expected a time of day as HH:MM'],
  ])('rejects %j', (change, message) => {
    const found = issues({ ...valid, ...change });
    expect(found.some((m) => m.startsWith(message))).toBe(true);
  });
});
