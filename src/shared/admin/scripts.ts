import { z } from 'zod';
import { SCRIPT_PROBLEM_CODES } from '../scripts/validate';
import { idSchema } from '../sync/rows/common';
import { adminReasonSchema } from './reason';

/** The administrators' script routes (docs/scripts.md, "Publishing from the admin area"). */

export const scriptVersionInfoSchema = z.object({
  /** The row id, `<scriptId>@<version>`. */
  id: z.string(),
  scriptVersion: z.number().int(),
  /** The script's title in both languages (the id on a side it lacks). */
  title: z.object({ en: z.string(), es: z.string() }),
  published: z.boolean(),
  publishedAt: z.number().int().nullable(),
  retiredAt: z.number().int().nullable(),
});
export type ScriptVersionInfo = z.infer<typeof scriptVersionInfoSchema>;

export const scriptListSchema = z.object({
  scripts: z.array(
    z.object({
      scriptId: z.string(),
      title: z.object({ en: z.string(), es: z.string() }),
      /** The version desktops offer for new forms (the newest not retired); null when every one is retired. */
      offered: z.number().int().nullable(),
      versions: z.array(scriptVersionInfoSchema),
    }),
  ),
});
export type ScriptList = z.infer<typeof scriptListSchema>;

export const scriptProblemSchema = z.object({
  code: z.enum(SCRIPT_PROBLEM_CODES),
  stepId: z.string().optional(),
  path: z.string(),
  message: z.string(),
});

/** POST /api/admin/scripts/check: what publishing this document would find, before publishing it. */
export const scriptCheckRequestSchema = z.object({ content: z.json() });

export const scriptCheckSchema = z.object({
  /** The id and version the document names (null when it names none that parse). */
  scriptId: z.string().nullable(),
  scriptVersion: z.number().int().nullable(),
  problems: z.array(scriptProblemSchema),
  /** That version is already stored (published or retired): publish a new version number. */
  versionTaken: z.boolean(),
  /** The version desktops offer now, to compare against (null for a new script). */
  offered: z.object({ scriptVersion: z.number().int(), content: z.json() }).nullable(),
});
export type ScriptCheck = z.infer<typeof scriptCheckSchema>;

export const publishScriptSchema = z.object({
  scriptId: idSchema,
  scriptVersion: z.number().int().min(1),
  content: z.json(),
  reason: adminReasonSchema,
});
export type PublishScript = z.infer<typeof publishScriptSchema>;

export const publishedScriptSchema = z.object({ id: z.string(), version: z.number().int() });

export const scriptContentSchema = z.object({
  id: z.string(),
  scriptVersion: z.number().int(),
  content: z.json(),
});
