import { z } from 'zod';
import { parseReceiptNumber } from '../../domain/identifiers/receipt-number';

/**
 * Pieces every synced row shares. Ids are client-generated (so the desktop can
 * create rows optimistically while offline), `team` is the access scope the
 * server filters pulls and pokes by, and `version` is the server's global
 * version stamped on the row's last change (0 = not yet confirmed by the server).
 */
export const idSchema = z
  .string()
  .min(1, 'an id must not be empty')
  .max(64, 'an id must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.@:-]+$/, 'an id may contain only letters, digits and _ . @ : -');

/** Rows every signed-in user may see (published scripts) use this team. */
export const GLOBAL_TEAM = '*';

export const teamSchema = z
  .string()
  .regex(
    /^(?:[a-z0-9][a-z0-9-]{0,39}|\*)$/,
    'a team is lower-case letters, digits and dashes (or * for everyone)',
  );

export const instantSchema = z.number().int().min(0);

export const versionSchema = z.number().int().min(0);

export const baseRowShape = { id: idSchema, team: teamSchema, version: versionSchema };

export const languageSchema = z.enum(['en', 'es']);
export type Language = z.infer<typeof languageSchema>;

export const tierSchema = z.union([z.literal(1), z.literal(2)]);
export type Tier = z.infer<typeof tierSchema>;

/**
 * A stored receipt number: the normalized form (`EAC2212345678`) of one that
 * domain/identifiers accepts — a known office prefix and a real workday. Arguments
 * that accept what agents type (`eac-22-123-45678`) use receiptNumberArgSchema.
 */
export const storedReceiptNumberSchema = z
  .string()
  .regex(/^[A-Z]{3}\d{10}$/, 'a receipt number is stored as 3 letters and 10 digits, e.g. EAC2212345678')
  .superRefine((value, ctx) => {
    const parsed = parseReceiptNumber(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
  });

/** A span of instants (a scheduled callback slot). */
export const instantWindowSchema = z
  .object({ start: instantSchema, end: instantSchema })
  .refine((w) => w.start < w.end, { message: 'a slot must start before it ends' });
