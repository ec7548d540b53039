import { en } from '../../../src/renderer/src/i18n/catalog-en';
import { es } from '../../../src/renderer/src/i18n/catalog-es';

/**
 * What a screen rendered in Spanish must not show (issue 13 item 5), for the rendered
 * screens in the unit suite (jsdom) and every Spanish screen the e2e suite looks at:
 *  - a phrase of the English catalog: every string of two words or more, and every fixed
 *    part of three words or more of a sentence function (called with a marker for each
 *    argument), that the Spanish catalog does not also hold ("Agent Desk", names);
 *  - an English day or month name, a 12-hour time with AM/PM, a raw zone id.
 */
const MARK = '\u0001';
const WORD = /\p{L}{2,}/gu;

function collect(node: unknown, fixed: string[], parts: string[]): void {
  if (typeof node === 'string') fixed.push(node);
  else if (typeof node === 'function') {
    try {
      const said: unknown = (node as (...args: string[]) => unknown)(MARK, MARK, MARK, MARK, MARK);
      if (typeof said === 'string') parts.push(...said.split(MARK));
    } catch {
      // A sentence function that needs real arguments (a date, a list): its fixed parts are skipped.
    }
  } else if (node && typeof node === 'object') {
    for (const value of Object.values(node)) collect(value, fixed, parts);
  }
}

function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function catalogText(catalog: unknown): { fixed: string[]; parts: string[] } {
  const fixed: string[] = [];
  const parts: string[] = [];
  collect(catalog, fixed, parts);
  return { fixed: fixed.map(tidy), parts: parts.map(tidy) };
}

const english = catalogText(en);
const spanish = (({ fixed, parts }) => [...fixed, ...parts].join('\n'))(catalogText(es));
const words = (p: string) => (p.match(WORD) ?? []).length;

export const ENGLISH_PHRASES: readonly string[] = [
  ...new Set([...english.fixed.filter((p) => words(p) >= 2), ...english.parts.filter((p) => words(p) >= 3)]),
]
  .filter((p) => !spanish.includes(p))
  .sort((a, b) => b.length - a.length);

/** Whole words only: "Mar" in "María" is not March. */
export const ENGLISH_DATE_OR_ZONE =
  /(?<!\p{L})(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?!\p{L})|\d (AM|PM)\b|America\/|Pacific\//u;

/** The English found in `text` (a Spanish screen's text and accessible names): empty when there is none. */
export function englishIn(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const found = ENGLISH_PHRASES.filter((p) => flat.includes(p));
  const date = flat.match(ENGLISH_DATE_OR_ZONE)?.[0];
  return date === undefined ? found : [...found, date];
}

/**
 * The text of the page in `document` plus what a screen reader says for its controls
 * (aria-label, aria-description, title, placeholder, alt). Runs in the browser (Playwright
 * evaluates it there) or in jsdom.
 */
export function whatTheAgentSees(): string {
  const names = [
    ...document.querySelectorAll('[aria-label],[aria-description],[title],[placeholder],[alt]'),
  ].flatMap((el) =>
    ['aria-label', 'aria-description', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
  );
  return [document.body.innerText ?? document.body.textContent ?? '', ...names].join('\n');
}
