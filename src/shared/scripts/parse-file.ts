/**
 * Script files as text, for whoever reads them (the server at start-up, the publish
 * endpoint, tests). File I/O stays with the caller: shared code only parses.
 */
import { z } from 'zod';
import type { Result } from '../domain/result';
import type { Script } from './schema';
import type { ScriptProblem } from './validate';
import { validateScript } from './validate';

/** Parses and validates one script file's text. */
export function parseScriptFile(text: string): Result<Script, ScriptProblem[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: [{ code: 'invalid-json', path: '(document)', message: `not valid JSON: ${reason}` }],
    };
  }
  return validateScript(doc);
}

/** `resources/scripts/index.json`: the script files to load, in display order. */
export const scriptIndexSchema = z.object({
  scripts: z
    .array(z.string().regex(/^[a-z0-9-]+\.v[1-9]\d*\.json$/, 'a script file is named <id>.v<version>.json'))
    .min(1),
});
export type ScriptIndex = z.infer<typeof scriptIndexSchema>;

export function parseScriptIndex(text: string): Result<ScriptIndex> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { code: 'script_index.invalid_json', message: `index.json is not valid JSON: ${reason}` },
    };
  }
  const parsed = scriptIndexSchema.safeParse(doc);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'script_index.invalid',
        message: `index.json: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim(),
      },
    };
  }
  return { ok: true, value: parsed.data };
}

/** The file name a script version lives in: `case-status.v1.json`. */
export function scriptFileName(script: Pick<Script, 'id' | 'version'>): string {
  return `${script.id}.v${script.version}.json`;
}
