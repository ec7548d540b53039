import { z } from 'zod';
import { baseRowShape, idSchema, instantSchema } from './common';

/**
 * A published script version. The row id is `<scriptId>@<scriptVersion>`; the
 * content is validated by shared/scripts (the interpreter's own schema) — sync
 * only carries it as JSON.
 */
export const scriptRowSchema = z.object({
  ...baseRowShape,
  scriptId: idSchema,
  scriptVersion: z.number().int().min(1),
  content: z.json(),
  /** False once retired: desktops stop offering it for new forms; a form in progress keeps it. */
  published: z.boolean(),
  publishedAt: instantSchema.nullable(),
  /** When an administrator retired it (absent on rows written before retiring existed). */
  retiredAt: instantSchema.nullable().optional(),
});
export type ScriptRow = z.infer<typeof scriptRowSchema>;

export function scriptRowId(scriptId: string, scriptVersion: number): string {
  return `${scriptId}@${scriptVersion}`;
}
