import { zoneAbbreviation } from '../../../shared/domain/calendar/business-calendar';
import type { ErrorParams } from '../../../shared/domain/result';
import { isKnownTimeZone } from '../../../shared/domain/time/zoned';
import { formatClock, formatInstant } from './format';

/** An error as it reaches a screen: a DomainError, an IPC error, a stored rejection. */
export interface ShownError {
  code: string;
  /** The English sentence from the domain or server: shown whenever the catalog cannot do better. */
  message: string;
  params?: ErrorParams | undefined;
}

/**
 * How a catalog sentence reads an error's specifics. Reading one that is absent
 * or of the wrong type abandons the translation and the English message is shown
 * instead: a stored rejection or an older server may send a code without params.
 */
export interface ErrorParamReader {
  num(key: string): number;
  str(key: string): string;
  has(key: string): boolean;
  /** The entry of `table` named by a string param (e.g. a criterion id → its labels). */
  pick<T>(key: string, table: Readonly<Record<string, T>>): T;
  /** An instant param (epoch ms) in the zone named by the `timeZone` param: "Mon, Nov 30, 9:05 AM EST". */
  when(key: string): string;
  /** Wall-clock time of an instant param in the `timeZone` param: "9:05 AM". */
  clock(key: string): string;
  /** The zone abbreviation at an instant param: "EST". */
  zone(key: string): string;
  /** The sentence of another error whose code is the param `key` and whose specifics are these same params. */
  nested(key: string): string;
  /** No sentence fits these params: show the English message instead. */
  none(): never;
}

/** A catalog entry: a fixed sentence, or one built from the error's params. */
export type ErrorEntry = string | ((p: ErrorParamReader) => string);

/** The part of a catalog errorText needs: the error sentences by code. */
export interface ErrorCatalogHolder {
  errors: Readonly<Record<string, ErrorEntry>>;
  /**
   * The domain and server write their messages in this language: show them as sent. One
   * code may carry several sentences (e.g. why a session ended), so the sender's is exact.
   */
  messagesAreNative?: boolean;
}

class MissingParam extends Error {}

/**
 * The sentence to show for an error in the catalog's language. Known codes use the
 * catalog (with the error's params); unknown codes, or known ones whose params did
 * not arrive, show the English message, so a screen never shows a blank.
 */
export function errorText(error: ShownError, catalog: ErrorCatalogHolder): string {
  if (catalog.messagesAreNative) return error.message;
  try {
    return entryText(error.code, error.params ?? {}, catalog) ?? error.message;
  } catch {
    // A param that did not arrive (MissingParam) or a catalog sentence that failed: English beats a crash.
    return error.message;
  }
}

function entryText(code: string, params: ErrorParams, catalog: ErrorCatalogHolder): string | undefined {
  if (!Object.hasOwn(catalog.errors, code)) return undefined;
  const entry = catalog.errors[code];
  if (entry === undefined) return undefined;
  return typeof entry === 'string' ? entry : entry(reader(params, catalog));
}

function reader(params: ErrorParams, catalog: ErrorCatalogHolder): ErrorParamReader {
  const value = (key: string) => (Object.hasOwn(params, key) ? params[key] : undefined);
  const num = (key: string) => {
    const v = value(key);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new MissingParam(key);
    return v;
  };
  const str = (key: string) => {
    const v = value(key);
    if (typeof v !== 'string') throw new MissingParam(key);
    return v;
  };
  const timeZone = () => {
    const zone = str('timeZone');
    if (!isKnownTimeZone(zone)) throw new MissingParam('timeZone');
    return zone;
  };
  return {
    num,
    str,
    has: (key) => value(key) !== undefined,
    pick: (key, table) => {
      const id = str(key);
      if (!Object.hasOwn(table, id)) throw new MissingParam(key);
      return table[id] as (typeof table)[string];
    },
    when: (key) => formatInstant(num(key), timeZone()),
    clock: (key) => formatClock(num(key), timeZone()),
    zone: (key) => zoneAbbreviation(num(key), timeZone()),
    none: () => {
      throw new MissingParam('(none)');
    },
    nested: (key) => {
      const text = entryText(str(key), params, catalog);
      if (text === undefined) throw new MissingParam(key);
      return text;
    },
  };
}
