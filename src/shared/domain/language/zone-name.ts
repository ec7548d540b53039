import { LOCALES, type Language } from './language';

/**
 * A time zone as people say it: "Atlantic Standard Time", "Eastern Time",
 * "hora central" — never "America/Puerto_Rico". Intl's generic long name covers
 * daylight and standard time alike where the zone has both ("Eastern Time") and
 * says "Standard" where it has only one (Puerto Rico, Arizona, Hawaii).
 */
const formats = new Map<string, Intl.DateTimeFormat | null>();

export function zoneName(timeZone: string, language: Language, at: number): string {
  const key = `${language} ${timeZone}`;
  let formatter = formats.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(LOCALES[language], { timeZone, timeZoneName: 'longGeneric' });
    } catch {
      formatter = null;
    }
    formats.set(key, formatter);
  }
  const name = formatter?.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return name ?? timeZone;
}
