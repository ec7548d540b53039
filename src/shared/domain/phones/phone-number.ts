/**
 * Parsing the phone numbers agents type or customers give into one canonical,
 * dialable U.S. form (E.164 + extension), with a reason a person can act on when
 * the number cannot be called.
 *
 * Metadata choice: we use libphonenumber-js's default ("min") metadata, bundled
 * and offline. It validates the country and the area code (N11 codes, 555,
 * unassigned codes like 200 are rejected) and the exchange's first digit, which is
 * what a dialer needs. The "max" metadata additionally checks exchanges per line
 * type and rejects fictional 555-01XX numbers in some territories (684-555-0143,
 * American Samoa). Demo and training data use 555-01XX numbers everywhere, so
 * they must parse; "max" also costs several times the bundle size for no gain here.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js';
import type { Result } from '../result';
import { err, ok } from '../result';

export interface UsPhone {
  /** +1 and ten digits, e.g. "+12025550143". */
  e164: string;
  /** Digits only; dialed after the call connects. */
  extension?: string;
  /** The three digits after +1. */
  areaCode: string;
  /** How agents read it: "(202) 555-0143 ext. 12". Parses back to the same number. */
  display: string;
}

/**
 * Regions on +1 that are the United States for the contact center: the states and
 * D.C. (US) and the territories with their own NANP codes.
 */
export const US_PHONE_REGIONS: readonly CountryCode[] = ['US', 'PR', 'VI', 'GU', 'AS', 'MP'];

const NATIONAL_DIGITS = 10;
const PREMIUM_RATE_AREA_CODE = '900';
/** A probe subscriber number used to ask the metadata about an area code alone. */
const PROBE_SUBSCRIBER = '5550100';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Parses a U.S. phone number in any common written form; never throws. */
export function parseUsPhone(input: string): Result<UsPhone> {
  const text = input.trim();
  if (text === '') return err('phone.empty', 'enter a phone number');
  if (!/\d/.test(text)) {
    return err('phone.not_a_number', `“${text}” is not a phone number: it has no digits`, { text });
  }
  if (hasStrayLetters(text)) {
    return err(
      'phone.letters',
      `“${text}” contains letters; enter the number as digits (spell out words like 1-800-FLOWERS)`,
      { text },
    );
  }

  const parsed = safeParse(text);
  if (!parsed) return unparsable(text);

  if (parsed.countryCallingCode !== '1') {
    return notUs(`+${parsed.countryCallingCode}`, parsed.country);
  }
  const national = parsed.nationalNumber;
  if (national.length !== NATIONAL_DIGITS) return wrongLength(national.length);

  const areaCode = national.slice(0, 3);
  const exchange = national.slice(3, 6);
  const areaRegion = regionOfAreaCode(areaCode);
  if (areaRegion === undefined) {
    return err('phone.invalid_area_code', `area code ${areaCode} is not an assigned U.S. area code`, {
      areaCode,
    });
  }
  if (!US_PHONE_REGIONS.includes(areaRegion)) return notUs(`+1 ${areaCode}`, areaRegion);
  if (/^[01]/.test(exchange)) {
    return err(
      'phone.invalid_exchange',
      `${areaCode}-${exchange}-… is not a valid number: the three digits after the area code cannot start with 0 or 1`,
      { areaCode, exchange },
    );
  }
  if (!parsed.isValid()) return err('phone.invalid', `“${text}” is not a valid U.S. phone number`, { text });
  if (areaCode === PREMIUM_RATE_AREA_CODE) {
    return err('phone.premium_rate', 'a 900 number is premium-rate; the contact center does not call them');
  }

  return ok(toUsPhone(national, parsed.ext));
}

/** The agent-facing form of a stored number: "(202) 555-0143 ext. 12". */
export function formatUsPhone(e164: string, extension?: string): string {
  const n = e164.replace(/^\+1/, '');
  const base = `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
  return extension ? `${base} ext. ${extension}` : base;
}

/** The area code of a +1 E.164 number. */
export function areaCodeOf(e164: string): string {
  return e164.slice(2, 5);
}

function toUsPhone(national: string, extension: string | undefined): UsPhone {
  const e164 = `+1${national}`;
  const phone: UsPhone = { e164, areaCode: national.slice(0, 3), display: formatUsPhone(e164, extension) };
  if (extension) phone.extension = extension;
  return phone;
}

function safeParse(text: string): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, 'US');
  } catch {
    return undefined;
  }
}

/**
 * Letters are fine only as an extension marker ("ext.", "x", "extension") or a
 * "tel:" prefix; anything else is a vanity number or a typo that libphonenumber
 * would silently drop, turning "1-800-FLOWERS" into a four-digit number.
 */
function hasStrayLetters(text: string): boolean {
  const withoutMarkers = text
    .replace(/^tel:/i, '')
    .replace(/(?:extension|ext\.?|x)\s*\d*\s*$/i, '')
    .replace(/ext\.?|extension/gi, '');
  return /[a-z]/i.test(withoutMarkers);
}

/**
 * Answers of regionOfAreaCode by area code: the answer is a pure function of the
 * three digits (bundled metadata), so each code is parsed once, not on every number.
 * At most 1,000 three-digit codes exist, which bounds the map.
 */
const regionsByAreaCode = new Map<string, CountryCode | undefined>();

/** The region libphonenumber gives an area code, or undefined when it is not assigned. */
export function regionOfAreaCode(areaCode: string): CountryCode | undefined {
  if (!/^\d{3}$/.test(areaCode)) return probeRegion(areaCode);
  if (regionsByAreaCode.has(areaCode)) return regionsByAreaCode.get(areaCode);
  const region = probeRegion(areaCode);
  regionsByAreaCode.set(areaCode, region);
  return region;
}

function probeRegion(areaCode: string): CountryCode | undefined {
  const probe = parsePhoneNumberFromString(`+1${areaCode}${PROBE_SUBSCRIBER}`);
  return probe?.isValid() ? probe.country : undefined;
}

function notUs(prefix: string, country: CountryCode | undefined) {
  const where = country ? `is ${regionName(country)}` : 'is not a U.S. number';
  return err(
    'phone.not_us',
    `only U.S. numbers can be dialed: ${prefix}… ${where}`,
    country ? { prefix, country } : { prefix },
  );
}

function regionName(country: CountryCode): string {
  try {
    return regionNames.of(country) ?? country;
  } catch {
    return country;
  }
}

function wrongLength(digits: number) {
  const code = digits < NATIONAL_DIGITS ? 'phone.too_short' : 'phone.too_long';
  return err(
    code,
    `phone number has ${digits} ${digits === 1 ? 'digit' : 'digits'}, expected ${NATIONAL_DIGITS}`,
    { digits, expected: NATIONAL_DIGITS },
  );
}

/** libphonenumber gave up: say whether it was a foreign number or too few digits. */
function unparsable(text: string) {
  const compact = text.replace(/[^\d+]/g, '');
  if (/^(?:\+|011)(?!1)/.test(compact)) {
    return err('phone.not_us', `only U.S. numbers can be dialed: “${text}” is not a U.S. number`, { text });
  }
  const digits = compact.replace(/\D/g, '');
  // A leading 1 is the country code (or the trunk prefix), not part of the ten digits.
  const national = digits.length > 1 ? digits.replace(/^1/, '') : digits;
  if (national.length < NATIONAL_DIGITS) return wrongLength(national.length);
  return err('phone.unreadable', `could not read “${text}” as a phone number`, { text });
}
