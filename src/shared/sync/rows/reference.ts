import { z } from 'zod';
import { parseReference, type ReferenceKind } from '../../domain/identifiers/reference-number';

/**
 * A stored reference number (domain/identifiers/reference-number): the canonical
 * form (`Q7KD40M2PX`), its check character right, its kind letter the record's.
 * Optional on rows because records written before reference numbers existed lack
 * one until the server's migration gives them one.
 */
export function storedReferenceSchema(kind: ReferenceKind) {
  return z.string().superRefine((value, ctx) => {
    const parsed = parseReference(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error.message });
    } else if (parsed.value.canonical !== value) {
      ctx.addIssue({ code: 'custom', message: `a reference number is stored as ${parsed.value.canonical}` });
    } else if (parsed.value.kind !== kind) {
      ctx.addIssue({
        code: 'custom',
        message: `a ${kind} reference number cannot be a ${parsed.value.kind}'s`,
      });
    }
  });
}

/** The tables whose records carry a reference number, and which kind. */
export const REFERENCE_KIND_OF_TABLE = {
  inquiries: 'inquiry',
  callbacks: 'callback',
  service_requests: 'service-request',
  expedite_requests: 'expedite',
  appointment_requests: 'appointment',
} as const satisfies Record<string, ReferenceKind>;
export type ReferencedTable = keyof typeof REFERENCE_KIND_OF_TABLE;

export function isReferencedTable(table: string): table is ReferencedTable {
  return Object.hasOwn(REFERENCE_KIND_OF_TABLE, table);
}
