import { z } from 'zod';

/**
 * A short label that policy data carries in both screen languages (a wrap-up code,
 * a service-request category): admins edit the list, so its words cannot live in
 * the app's catalogs.
 */
export const bilingualLabelSchema = z.object({
  en: z.string().trim().min(1, 'an English label is required').max(80),
  es: z.string().trim().min(1, 'a Spanish label is required').max(80),
});
export type BilingualLabel = z.infer<typeof bilingualLabelSchema>;

/** An id that policy lists use: lower-case words joined by dashes (`case-status-given`). */
export const policyItemIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'an id is lower-case letters, digits and dashes, e.g. case-status');

/** A refinement: the ids of a policy list are unique. */
export function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((i) => i.id)).size === items.length;
}
