import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import {
  AREA_CODE_ZONES,
  NON_GEOGRAPHIC_AREA_CODES,
  zoneForAreaCode,
} from '../../../../src/shared/domain/phones/area-code-zones';
import { US_PHONE_REGIONS } from '../../../../src/shared/domain/phones/phone-number';

/** Every area code libphonenumber's metadata places in the U.S. or a U.S. territory. */
function usAreaCodesKnownToLibphonenumber(): string[] {
  const codes: string[] = [];
  for (let npa = 200; npa <= 999; npa++) {
    const probe = parsePhoneNumberFromString(`+1${npa}5550100`);
    if (probe?.isValid() && probe.country && US_PHONE_REGIONS.includes(probe.country))
      codes.push(String(npa));
  }
  return codes;
}

describe('area-code table', () => {
  const known = usAreaCodesKnownToLibphonenumber();

  it('covers every U.S. and territory area code libphonenumber knows', () => {
    expect(known.length).toBeGreaterThan(380);
    const missing = known.filter((c) => !AREA_CODE_ZONES.has(c) && !NON_GEOGRAPHIC_AREA_CODES.has(c));
    expect(missing).toEqual([]);
  });

  it('lists only area codes libphonenumber accepts as U.S., and none twice', () => {
    const valid = new Set(known);
    expect([...AREA_CODE_ZONES.keys()].filter((c) => !valid.has(c))).toEqual([]);
    expect([...NON_GEOGRAPHIC_AREA_CODES].filter((c) => !valid.has(c))).toEqual([]);
    expect([...NON_GEOGRAPHIC_AREA_CODES].filter((c) => AREA_CODE_ZONES.has(c))).toEqual([]);
  });

  it('uses only time zones the runtime knows, and explains every approximate one', () => {
    for (const [code, zone] of AREA_CODE_ZONES) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone.timeZone }), code).not.toThrow();
      expect(zone.approximate, code).toBe(zone.note !== undefined);
    }
  });

  it.each([
    ['202', 'America/New_York', false, 'DC'],
    ['312', 'America/Chicago', false, 'IL'],
    ['303', 'America/Denver', false, 'CO'],
    ['602', 'America/Phoenix', false, 'AZ'],
    ['928', 'America/Phoenix', true, 'AZ'],
    ['213', 'America/Los_Angeles', false, 'CA'],
    ['907', 'America/Anchorage', true, 'AK'],
    ['808', 'Pacific/Honolulu', false, 'HI'],
    ['317', 'America/Indiana/Indianapolis', false, 'IN'],
    ['219', 'America/Chicago', false, 'IN'],
    ['915', 'America/Denver', false, 'TX'],
    ['850', 'America/Chicago', true, 'FL'],
    ['787', 'America/Puerto_Rico', false, 'PR'],
    ['939', 'America/Puerto_Rico', false, 'PR'],
    ['340', 'America/St_Thomas', false, 'VI'],
    ['671', 'Pacific/Guam', false, 'GU'],
    ['670', 'Pacific/Saipan', false, 'MP'],
    ['684', 'Pacific/Pago_Pago', false, 'AS'],
  ])('%s → %s (approximate: %s)', (code, timeZone, approximate, region) => {
    expect(zoneForAreaCode(code)).toMatchObject({ timeZone, approximate, region });
  });

  it.each(['800', '888', '500', '900', '416', '999', 'abc'])('%s has no zone', (code) => {
    expect(zoneForAreaCode(code)).toBeUndefined();
  });
});
