import { z } from 'zod';

/**
 * Click-to-dial through the operating system's softphone (the `uri` telephony port,
 * docs/telephony.md and docs/deployment.md): IT configures one URI template, and the
 * app opens exactly what that template makes of a number on file — nothing else. The
 * schemes are the ones softphones register; web and file schemes are never allowed.
 */
export const DIAL_SCHEMES = ['tel', 'sip', 'sips', 'callto', 'ciscotel', 'zoomphonecall', 'msteams'] as const;

/** `{number}`: E.164 (`+12025550143`); `{digits}`: the same without `+`; `{ext}`: the extension or nothing. */
const PLACEHOLDER = /\{(number|digits|ext)\}/g;

function schemeOf(template: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(template)?.[1]?.toLowerCase();
}

export const dialUriTemplateSchema = z
  .string()
  .max(300)
  .refine((t) => (DIAL_SCHEMES as readonly string[]).includes(schemeOf(t) ?? ''), {
    message: `the dial URI template must start with one of ${DIAL_SCHEMES.map((s) => `${s}:`).join(', ')}`,
  })
  .refine((t) => /\{(number|digits)\}/.test(t), {
    message: 'the dial URI template must contain {number} or {digits}, e.g. tel:{number}',
  })
  .refine((t) => !/[\s<>"`\\]/.test(t), {
    message: 'the dial URI template must not contain spaces or quotes',
  });

/** The URI for a number as dialed (`+12025550143` or `+12025550143;ext=12`). */
export function buildDialUri(template: string, numberDialed: string): string {
  const [e164 = numberDialed, ext = ''] = numberDialed.split(';ext=');
  const values: Record<string, string> = { number: e164, digits: e164.replace(/^\+/, ''), ext };
  // Digits and a leading + only (the number is on file, validated): nothing to escape.
  return template.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/**
 * Whether `uri` is exactly what the template makes of some US number: the part of the
 * allowlist the external-URL check adds for the `uri` port (same scheme, same host,
 * same everything except the number).
 */
export function isAllowedDialUri(uri: string, template: string | null): boolean {
  if (!template || !dialUriTemplateSchema.safeParse(template).success) return false;
  const pattern = template
    .split(PLACEHOLDER)
    .map((piece, index) => {
      if (index % 2 === 0) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (piece === 'number') return '\\+1\\d{10}';
      if (piece === 'digits') return '1\\d{10}';
      return '\\d{0,10}';
    })
    .join('');
  return new RegExp(`^${pattern}$`).test(uri);
}
